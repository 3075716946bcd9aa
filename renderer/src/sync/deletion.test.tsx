import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BlobMeta } from '../../../contracts';
import { initI18n } from '../i18n';
import { createProject } from '../db/projects';
import { db, openDb } from '../db/schema';
import ProjectsPage from '../pages/ProjectsPage';
import type { AuthPlatform, AuthStatus, SyncHttpRequest, SyncHttpResponse } from '../platform/auth';
import { memoryKeyring } from '../platform/keyring/memory';
import { SyncController, useSync } from './controller';
import { openSyncDb, syncDb, type ProjectSyncState } from './db';

/**
 * Deleting a synced project from the Projects page: what the dialog says, and what reaches the
 * server (erase for everyone, leave, or nothing) through the controller and the sync outbox.
 */

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(() => useSync.setState(useSync.getInitialState(), true));

const SETTINGS = {
  authority: 'https://login.microsoftonline.com/t/v2.0',
  clientId: 'c',
  apiScope: 's',
  serverUrl: 'https://sync.example',
};

function fakeAuth(status: AuthStatus, send: (r: SyncHttpRequest) => Promise<SyncHttpResponse>) {
  const auth: AuthPlatform = {
    kind: 'electron',
    supported: true,
    status: async () => status,
    settings: async () => SETTINGS,
    configure: async (s) => s,
    signIn: async () => status,
    signOut: async () => ({ revoked: true }),
    syncRequest: vi.fn(send),
  };
  return { auth, keyring: memoryKeyring() };
}

const state = (projectId: string, extra: Partial<ProjectSyncState>): ProjectSyncState => ({
  projectId,
  version: 3,
  keyId: 'team-key-1',
  wrappedKey_b64: 'd3JhcHBlZC1rZXk=',
  syncedHash: 'x',
  ...extra,
});

describe('deleting a synced project on the Projects page', () => {
  it('asks how far it reaches (everywhere, leave, this device) and queues the removal accordingly', async () => {
    const offline = async (): Promise<SyncHttpResponse> => ({
      status: 0,
      etag: null,
      body: '',
      error: 'fetch failed',
    });
    const { auth, keyring } = fakeAuth(
      { configured: true, signedIn: true, oid: 'oid-me', roles: [] },
      offline,
    );
    // The page reads the app's databases; the controller works on the same ones (not started: offline).
    const controller = new SyncController({ auth, keyring, db: db(), syncDb: syncDb() });
    useSync.setState({ supported: true, auth: await auth.status(), settings: SETTINGS });
    const local = await createProject(db(), 'Nur lokal');
    const mine = await createProject(db(), 'Mein Projekt');
    const shared = await createProject(db(), 'Geteiltes Projekt');
    const gone = await createProject(db(), 'Verschwundenes Projekt');
    await syncDb().state.bulkPut([
      state(mine.id, { access: 'owner' }),
      state(shared.id, { access: 'editor' }),
      state(gone.id, { access: 'owner', goneAt: Date.UTC(2026, 10, 24) }),
    ]);
    render(<ProjectsPage controller={controller} />);
    const rowOf = async (name: string) =>
      (await screen.findByRole('button', { name })).closest('tr') as HTMLTableRowElement;

    // Sharing is offered for synced projects that are still on the server; the gone one says so.
    for (const [name, share] of [
      ['Nur lokal', false],
      ['Mein Projekt', true],
      ['Geteiltes Projekt', true],
      ['Verschwundenes Projekt', false],
    ] as const)
      expect(!!within(await rowOf(name)).queryByRole('button', { name: 'Teilen' }), name).toBe(share);
    const badge = within(await rowOf('Verschwundenes Projekt')).getByText('Nicht mehr auf dem Server');
    expect(badge.getAttribute('title')).toMatch(/nicht mehr synchronisiert/);

    // The owner's project: erased on the server for every member, irreversibly; queued while offline.
    fireEvent.click(within(await rowOf('Mein Projekt')).getByRole('button', { name: 'Löschen' }));
    let dialog = await screen.findByRole('dialog', { name: 'Projekt überall löschen?' });
    expect(dialog.textContent).toContain('für alle Mitglieder');
    expect(dialog.textContent).toContain('nicht rückgängig');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Überall löschen' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mein Projekt' })).toBeNull());
    expect(await syncDb().outbox.get(mine.id)).toMatchObject({ op: 'delete', attempts: 0 });

    // Someone else's project: only removed here, and one leaves it; the server copy stays.
    fireEvent.click(within(await rowOf('Geteiltes Projekt')).getByRole('button', { name: 'Löschen' }));
    dialog = await screen.findByRole('dialog', { name: 'Projekt entfernen und verlassen?' });
    expect(dialog.textContent).toContain('bleibt es für die anderen Mitglieder erhalten');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Entfernen und verlassen' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Geteiltes Projekt' })).toBeNull());
    expect(await syncDb().outbox.get(shared.id)).toMatchObject({ op: 'leave' });

    // No longer on the server: the local copy and its key go, nothing is sent.
    fireEvent.click(within(await rowOf('Verschwundenes Projekt')).getByRole('button', { name: 'Löschen' }));
    dialog = await screen.findByRole('dialog', { name: 'Projekt löschen?' });
    expect(dialog.textContent).toContain('ist nicht mehr auf dem Server');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Löschen' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Verschwundenes Projekt' })).toBeNull());
    expect(await syncDb().state.get(gone.id)).toBeUndefined();
    expect(await syncDb().outbox.get(gone.id)).toBeUndefined();

    // Never synced: deleted here as before.
    fireEvent.click(within(await rowOf('Nur lokal')).getByRole('button', { name: 'Löschen' }));
    dialog = await screen.findByRole('dialog', { name: 'Projekt löschen?' });
    expect(dialog.textContent).toContain('mit allen Szenarien, Zeitreihen und Ergebnissen gelöscht');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Löschen' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Nur lokal' })).toBeNull());
    expect(await syncDb().outbox.get(local.id)).toBeUndefined();
    expect(await db().projects.count()).toBe(0);

    // Sharing opens the dialog for that project.
    const again = await createProject(db(), 'Noch eins');
    await syncDb().state.put(state(again.id, { access: 'owner' }));
    fireEvent.click(within(await rowOf('Noch eins')).getByRole('button', { name: 'Teilen' }));
    expect(await screen.findByRole('dialog', { name: '„Noch eins“ teilen' })).toBeTruthy();
  });
});

describe('sync controller: deletion through the running engine', () => {
  it('an owner deletes everywhere (DELETE sent, key destroyed); an Administrator may; a member leaves', async () => {
    const requests: string[] = [];
    const metas = new Map<string, BlobMeta & { access: string }>();
    const send = async (r: SyncHttpRequest): Promise<SyncHttpResponse> => {
      requests.push(`${r.method} ${r.path}`);
      if (r.method === 'GET' && r.path === '/projects')
        return { status: 200, etag: null, body: JSON.stringify({ projects: [...metas.values()] }) };
      const id = r.path.split('/')[2];
      if (r.method === 'PUT') {
        const meta = {
          id,
          tenantId: 't',
          version: 1,
          size_bytes: 1,
          authorId: 'oid-me',
          createdAt: '',
          updatedAt: '',
          access: 'owner',
        };
        metas.set(id, meta);
        return { status: 201, etag: '"1"', body: JSON.stringify({ meta }) };
      }
      if (r.method === 'DELETE') {
        metas.delete(id);
        return { status: 204, etag: null, body: '' };
      }
      return { status: 404, etag: null, body: '{}' };
    };
    const status: AuthStatus = { configured: true, signedIn: true, oid: 'oid-me', roles: [] };
    const { auth, keyring } = fakeAuth(status, send);
    const appDb = openDb('ctl-delete-app');
    const sdb = openSyncDb('ctl-delete-sync');
    const controller = new SyncController({ auth, keyring, db: appDb, syncDb: sdb });
    await controller.init();
    await controller.createTeam('Stadtwerke-Team-2026!', false);
    const p = await createProject(appDb, 'Zu löschen');
    await controller.syncNow();
    await waitFor(() => expect(useSync.getState().status).toMatchObject({ state: 'idle', pending: 0 }));
    expect(await sdb.state.get(p.id)).toMatchObject({ access: 'owner' });
    expect(await controller.deletionMode(p.id)).toBe('everywhere');

    await controller.deleteProject(p.id, 'everywhere');
    await waitFor(() => expect(requests).toContain(`DELETE /projects/${p.id}`));
    await waitFor(async () => expect(await sdb.state.get(p.id)).toBeUndefined());
    expect(await sdb.outbox.count()).toBe(0);
    expect(await appDb.projects.count()).toBe(0);

    // Access as the server reports it decides; the Administrator role deletes everywhere.
    await sdb.state.put(state('p-editor', { access: 'editor' }));
    expect(await controller.deletionMode('p-editor')).toBe('leave');
    await sdb.state.put(state('p-unknown', {}));
    expect(await controller.deletionMode('p-unknown')).toBe('leave');
    useSync.setState({ auth: { ...status, roles: ['Administrator'] } });
    expect(await controller.deletionMode('p-editor')).toBe('everywhere');
    expect(await controller.deletionMode('never-synced')).toBe('local');
    controller.stop();
  }, 30_000);
});
