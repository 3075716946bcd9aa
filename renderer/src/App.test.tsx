import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './App';
import { changeLanguage, restoreLanguage } from './language';
import { useApp } from './store/app';
import { db } from './db/schema';

describe('App frame', () => {
  it('shows German navigation by default, switches pages and language, and remembers the language', async () => {
    await restoreLanguage();
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const label of [
      'Projekte',
      'Profile',
      'Anlagen & Preise',
      'Wärmenetz',
      'Szenarien',
      'Ergebnisse',
      'Berichte',
      'Einstellungen',
    ])
      expect(nav.textContent).toContain(label);

    fireEvent.click(screen.getByRole('button', { name: 'Ergebnisse' }));
    // Pages load lazily: wait for the results page.
    expect((await screen.findByRole('heading', { level: 1 }, { timeout: 5000 })).textContent).toBe(
      'Ergebnisse',
    );
    expect(await screen.findByText('Kein Projekt ausgewählt')).toBeTruthy();

    await act(async () => {
      fireEvent.change(screen.getByLabelText('Sprache'), { target: { value: 'en' } });
    });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Results'));
    expect(useApp.getState().language).toBe('en');
    expect((await db().settings.get('language'))?.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the open project', () => {
  it('is named in the header, and a new project opens on creation', async () => {
    await changeLanguage('de');
    useApp.getState().setActiveProject(null);
    useApp.getState().setPage('projects');
    render(<App />);
    expect(screen.getByTestId('header-project').textContent).toBe('Projekt: keines geöffnet');
    fireEvent.change(await screen.findByLabelText('Neues Projekt', undefined, { timeout: 5000 }), {
      target: { value: 'Wohnanlage Lindenstraße' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Anlegen' }));
    });
    await waitFor(() => expect(useApp.getState().page).toBe('plants'));
    expect(useApp.getState().activeProjectId).not.toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId('header-project').textContent).toBe('Projekt: Wohnanlage Lindenstraße'),
    );
  }, 30_000);
});
