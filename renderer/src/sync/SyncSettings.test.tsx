import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { openDb } from '../db/schema';
import { createProject } from '../db/projects';
import type { AuthPlatform, AuthStatus, SyncSettings as Settings } from '../platform/auth';
import { memoryKeyring } from '../platform/keyring/memory';
import { decodeTeamCode, SyncController, useSync } from './controller';
import { openSyncDb } from './db';
import { SyncSettings } from './SyncSettings';
import { SyncStatus } from './SyncStatus';

beforeAll(async () => {
  await initI18n('de');
});

beforeEach(() => useSync.setState(useSync.getInitialState(), true));

const TENANT = '3f9c2a51-7d44-4c1e-9b0a-2e6f8d1c5a77';
let n = 0;
function fakes() {
  n++;
  let settings: Settings | null = null;
  let status: AuthStatus = { configured: false, signedIn: false };
  const auth: AuthPlatform = {
    kind: 'electron',
    supported: true,
    status: vi.fn(async () => status),
    settings: vi.fn(async () => settings),
    configure: vi.fn(async (s: Settings) => {
      settings = { ...s, authority: s.authority || `https://login.microsoftonline.com/${s.tenantId}/v2.0` };
      status = { configured: true, signedIn: false };
      return settings;
    }),
    signIn: vi.fn(
      async () =>
        (status = { configured: true, signedIn: true, name: 'Erika Mustermann', roles: ['Administrator'] }),
    ),
    signOut: vi.fn(async () => {
      status = { configured: true, signedIn: false };
      return { revoked: true };
    }),
    // The server is unreachable in this test: sync reports offline, which is what we look at.
    syncRequest: vi.fn(async () => ({ status: 0, etag: null, body: '', error: 'fetch failed' })),
  };
  const keyring = memoryKeyring();
  const store = keyring.store;
  const syncDb = openSyncDb(`ui-sync-${n}`);
  const controller = new SyncController({ auth, keyring, db: openDb(`ui-app-${n}`), syncDb });
  return { auth, keyring, store, controller, syncDb };
}

describe('sync settings', () => {
  it('configures, signs in through the shell, creates a team key, and the indicator follows the engine', async () => {
    const { auth, controller, store } = fakes();
    render(
      <>
        <SyncStatus controller={controller} />
        <SyncSettings controller={controller} />
      </>,
    );
    await screen.findByRole('heading', { name: 'Synchronisation' });
    await waitFor(() => expect(useSync.getState().busy).toBe(false));
    fireEvent.change(screen.getByLabelText('Tenant-ID'), {
      target: { value: '3f9c2a51-7d44-4c1e-9b0a-2e6f8d1c5a77' },
    });
    fireEvent.change(screen.getByLabelText('Client-ID der Desktop-App'), {
      target: { value: 'werkplan-desktop' },
    });
    fireEvent.change(screen.getByLabelText('API-Bereich (Scope)'), {
      target: { value: 'api://werkplan/access_as_user' },
    });
    fireEvent.change(screen.getByLabelText('Server-URL'), { target: { value: 'https://s.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
    await waitFor(() => expect(auth.configure).toHaveBeenCalledOnce());
    expect(vi.mocked(auth.configure).mock.calls[0][0]).toMatchObject({ clientId: 'werkplan-desktop' });

    const signIn = await screen.findByRole('button', { name: 'Im Browser anmelden' });
    await waitFor(() => expect((signIn as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(signIn);
    await screen.findByText('Angemeldet als Erika Mustermann');

    fireEvent.change(screen.getByLabelText('Team-Passphrase'), {
      target: { value: 'Stadtwerke-Team-2026!' },
    });
    fireEvent.click(screen.getByLabelText(/Schlüsselbund/));
    fireEvent.click(screen.getByRole('button', { name: 'Neuen Teamschlüssel anlegen' }));
    const code = await screen.findByTestId('team-code', undefined, { timeout: 10_000 });
    expect(decodeTeamCode(code.textContent ?? '').iterations).toBe(600_000);
    expect(store.get('sync.team-passphrase')).toBe('Stadtwerke-Team-2026!');
    expect(await screen.findByText(/Teamschlüssel entsperrt/)).toBeTruthy();

    // The engine runs now; the server is unreachable, so the indicator says offline.
    await waitFor(() => expect(useSync.getState().status.state).toBe('offline'), { timeout: 5000 });
    expect(auth.syncRequest).toHaveBeenCalledWith({ method: 'GET', path: '/projects' });
    expect(screen.getAllByRole('status')[0].textContent).toContain('Offline');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Abmelden' }));
    });
    await screen.findByText('Nicht angemeldet.');
    expect(auth.signOut).toHaveBeenCalledOnce();
    controller.stop();
  }, 30_000);

  it('a second device joins with the team code and the passphrase; a wrong passphrase is shown as an error', async () => {
    const first = fakes();
    const code = await first.controller.createTeam('Stadtwerke-Team-2026!', false);
    expect(code).toBeTruthy();
    useSync.setState(useSync.getInitialState(), true); // the second device has its own UI state
    const second = fakes();
    await second.controller.unlock('wrong-passphrase-123', false, code);
    expect(useSync.getState().error).toMatch(/wrong team passphrase/);
    expect(useSync.getState().teamKeyId).toBeNull();
    await second.controller.unlock('Stadtwerke-Team-2026!', false, code);
    expect(useSync.getState().error).toBeNull();
    expect(useSync.getState().teamKeyId).toBe(decodeTeamCode(code!).keyId);
    expect(second.store.size).toBe(0);
  }, 30_000);

  it('an edit is uploaded within seconds, without waiting for the sync interval', async () => {
    const { auth, controller } = fakes();
    const puts: string[] = [];
    vi.mocked(auth.syncRequest).mockImplementation(async (r) => {
      if (r.method === 'GET') return { status: 200, etag: null, body: '{"projects":[]}' };
      puts.push(r.path);
      const id = r.path.split('/')[2];
      const meta = {
        id,
        tenantId: 't',
        version: 1,
        size_bytes: 1,
        authorId: 'o',
        createdAt: '',
        updatedAt: '',
      };
      return { status: 201, etag: '"1"', body: JSON.stringify({ meta }) };
    });
    await controller.configure({
      authority: '',
      tenantId: TENANT,
      clientId: 'c',
      apiScope: 's',
      serverUrl: 'https://s.example',
    });
    await controller.signIn();
    await controller.createTeam('Stadtwerke-Team-2026!', false);
    await waitFor(() => expect(useSync.getState().status.state).toBe('idle'));
    expect(puts).toEqual([]);
    const p = await createProject(controller['deps'].db, 'Neu angelegt');
    await waitFor(() => expect(puts).toEqual([`/projects/${p.id}`]), { timeout: 5000 });
    controller.stop();
  });

  it('lists conflict copies with the server version taken over, and dismisses them', async () => {
    const { controller, syncDb } = fakes();
    await syncDb.conflicts.add({
      projectId: 'p1',
      copyId: 'p2',
      copyName: 'Quartier Nord (Konflikt 2026-11-24 12:00)',
      serverVersion: 7,
      at: Date.UTC(2026, 10, 24, 12),
    });
    render(<SyncSettings controller={controller} />);
    const region = await screen.findByRole('region', { name: 'Konflikte' });
    expect(region.textContent).toContain(
      'Quartier Nord (Konflikt 2026-11-24 12:00) – Serverfassung 7 übernommen',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ausblenden' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Konflikte' })).toBeNull());
    expect(await syncDb.conflicts.count()).toBe(0);
  });

  it('shows refused server versions in words, with a sanitised name and no raw id (issue #15)', async () => {
    const { controller, syncDb } = fakes();
    const id = '6d1f0c8e-2b7a-4c39-9f1e-0a5b7c3d2e11';
    await syncDb.conflicts.add({
      kind: 'rollback',
      projectId: id,
      copyId: '',
      copyName: 'Admin\u202Egnp.exe\u200D',
      serverVersion: 1,
      seenVersion: 3,
      at: Date.UTC(2026, 11, 5, 12),
    });
    await syncDb.conflicts.add({
      kind: 'foreign',
      projectId: id,
      copyId: '',
      copyName: '',
      serverVersion: 2,
      at: 1,
    });
    render(<SyncSettings controller={controller} />);
    const region = await screen.findByRole('region', { name: 'Konflikte' });
    expect(region.textContent).toContain(
      '„Admingnp.exe“: Der Server bot Version 1 an – älter als die hier schon vorhandene Version 3',
    );
    expect(region.textContent).toContain(
      '„ein Projekt, das nicht auf diesem Gerät ist“: Version 2 vom Server enthielt Daten eines anderen Projekts',
    );
    expect(region.textContent).not.toContain(id);
    expect(region.textContent).not.toMatch(/[\u202a-\u202e\u200b-\u200d]/);
  });

  it('in the browser build it only says sync needs the desktop app', async () => {
    const { controller } = fakes();
    (controller as unknown as { deps: { auth: AuthPlatform } }).deps.auth = {
      ...(controller as unknown as { deps: { auth: AuthPlatform } }).deps.auth,
      kind: 'web',
      supported: false,
    };
    render(<SyncSettings controller={controller} />);
    expect(await screen.findByText('Die Synchronisation ist nur in der Desktop-App verfügbar.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Im Browser anmelden' })).toBeNull();
  });
});
