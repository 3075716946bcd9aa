import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { useAtRest } from '../../db/atRest/startup';
import { LocalDataSection } from './LocalDataSection';

beforeEach(() => useAtRest.setState(useAtRest.getInitialState(), true));

describe('Settings: local data', () => {
  it('says clearly, in German and English, that the browser does not encrypt local data', async () => {
    useAtRest.setState({ status: { mode: 'unencrypted', reason: 'browser' } });
    await initI18n('de');
    const { unmount } = render(<LocalDataSection />);
    expect(screen.getByTestId('at-rest-notice').textContent).toMatch(
      /^Lokale Daten sind in diesem Browser nicht verschlüsselt/,
    );
    unmount();
    await initI18n('en');
    render(<LocalDataSection />);
    expect(screen.getByTestId('at-rest-notice').textContent).toMatch(
      /^Local data are not encrypted in this browser/,
    );
    await initI18n('de');
  });

  it('names the reason on a desktop without OS keyring, and a locked key', async () => {
    await initI18n('de');
    useAtRest.setState({ status: { mode: 'unencrypted', reason: 'basicText' } });
    const { rerender } = render(<LocalDataSection />);
    expect(screen.getByTestId('at-rest-notice').textContent).toMatch(/basic_text/);
    useAtRest.setState({ status: { mode: 'locked', reason: 'keyUnreadable' } });
    rerender(<LocalDataSection />);
    expect(screen.getByTestId('at-rest-notice').textContent).toMatch(/Daten bleiben unverändert/);
    useAtRest.setState({ status: { mode: 'encrypted' } });
    rerender(<LocalDataSection />);
    expect(screen.getByTestId('at-rest-notice').textContent).toMatch(/verschlüsselt gespeichert/);
  });

  it('deletes all local data only after a second click, then reloads', async () => {
    await initI18n('de');
    const platform = { kind: 'web' as const, wipe: vi.fn(async () => undefined) };
    const reload = vi.fn();
    render(<LocalDataSection platform={platform} reload={reload} />);
    fireEvent.click(screen.getByRole('button', { name: 'Alle lokalen Daten löschen' }));
    expect(platform.wipe).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Abbrechen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Alle lokalen Daten löschen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, endgültig löschen' }));
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(platform.wipe).toHaveBeenCalledOnce();
  });

  it('says so when deleting failed and does not reload', async () => {
    await initI18n('de');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const platform = { kind: 'web' as const, wipe: vi.fn(async () => Promise.reject(new Error('blocked'))) };
    const reload = vi.fn();
    render(<LocalDataSection platform={platform} reload={reload} />);
    fireEvent.click(screen.getByRole('button', { name: 'Alle lokalen Daten löschen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, endgültig löschen' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringMatching(/nicht vollständig gelöscht/),
    );
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('locked local data', () => {
  it('shows on every page why nothing is shown or saved when the key cannot be unlocked', async () => {
    await initI18n('en');
    const { AtRestLockedBanner } = await import('./LocalDataSection');
    const { rerender, container } = render(<AtRestLockedBanner />);
    expect(container.textContent).toBe('');
    useAtRest.setState({ status: { mode: 'locked', reason: 'noKeyring' } });
    rerender(<AtRestLockedBanner />);
    expect(screen.getByTestId('at-rest-locked').textContent).toMatch(/keyring is not available right now/);
    await initI18n('de');
  });
});
