import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectAccess } from '../../../contracts';
import { initI18n } from '../i18n';
import { openDb } from '../db/schema';
import type { AuthPlatform, SyncHttpRequest, SyncHttpResponse } from '../platform/auth';
import { memoryKeyring } from '../platform/keyring/memory';
import { SyncController, useSync } from './controller';
import { openSyncDb } from './db';
import { ShareDialog } from './ShareDialog';

const ME = 'oid-me';
const DIRECTORY = [
  { userId: ME, displayName: 'Erika Mustermann', username: 'erika@stadtwerk.example' },
  { userId: 'oid-jan', displayName: 'Jan Müller', username: 'jan.mueller@stadtwerk.example' },
  { userId: 'oid-ana', displayName: 'Ana Müller-Lüdenscheidt', username: 'ana@stadtwerk.example' },
  { userId: 'oid-kai', displayName: 'Kai Ohm', username: 'kai@stadtwerk.example' },
];

/** The sharing endpoints of the sync API in memory (contracts/src/sync.ts), faults on demand. */
function fakeServer(members: Map<string, ProjectAccess>) {
  const calls: string[] = [];
  const state = { offline: false, refuse: null as null | 'forbidden' | 'mfa_required' | 'last_owner' };
  const json = (status: number, body: unknown): SyncHttpResponse => ({
    status,
    etag: null,
    body: JSON.stringify(body),
  });
  const send = async (r: SyncHttpRequest): Promise<SyncHttpResponse> => {
    calls.push(`${r.method} ${r.path}${r.body ? ` ${r.body}` : ''}`);
    if (state.offline) return { status: 0, etag: null, body: '', error: 'fetch failed' };
    if (r.method === 'GET' && r.path === '/projects/p1/members')
      return json(200, {
        members: [...members].map(([userId, access]) => {
          const d = DIRECTORY.find((u) => u.userId === userId);
          return { userId, access, ...(d ? { displayName: d.displayName, username: d.username } : {}) };
        }),
      });
    const search = /^\/users\?query=(.*)$/.exec(r.path);
    if (r.method === 'GET' && search) {
      const q = decodeURIComponent(search[1]).toLowerCase();
      return json(200, {
        users: DIRECTORY.filter(
          (u) =>
            u.username.startsWith(q) ||
            u.displayName
              .toLowerCase()
              .split(' ')
              .some((w) => w.startsWith(q)),
        ),
      });
    }
    const member = /^\/projects\/p1\/members\/(.+)$/.exec(r.path);
    if (member && state.refuse) {
      const status = state.refuse === 'last_owner' ? 409 : 403;
      return json(status, { error: state.refuse, message: 'refused' });
    }
    if (member && r.method === 'PUT') {
      members.set(member[1], (JSON.parse(r.body!) as { access: ProjectAccess }).access);
      return json(200, {});
    }
    if (member && r.method === 'DELETE') {
      members.delete(member[1]);
      return { status: 204, etag: null, body: '' };
    }
    return json(404, { error: 'not_found', message: r.path });
  };
  return { calls, state, send: vi.fn(send) };
}

let n = 0;
function setup(
  members: [string, ProjectAccess][],
  opts: { roles?: string[]; signedIn?: boolean; offline?: boolean } = {},
) {
  n++;
  const server = fakeServer(new Map(members));
  server.state.offline = opts.offline ?? false;
  const auth = { kind: 'electron', supported: true } as AuthPlatform;
  const controller = new SyncController({
    auth,
    keyring: memoryKeyring(),
    db: openDb(`share-app-${n}`),
    syncDb: openSyncDb(`share-sync-${n}`),
    send: server.send,
  });
  useSync.setState({
    supported: true,
    auth: { configured: true, signedIn: opts.signedIn ?? true, oid: ME, roles: opts.roles ?? [] },
    settings: {
      authority: 'https://login.microsoftonline.com/t/v2.0',
      clientId: 'c',
      apiScope: 's',
      serverUrl: 'https://sync.example',
    },
  });
  const onClose = vi.fn();
  render(
    <ShareDialog projectId="p1" projectName="Quartier Nord" controller={controller} onClose={onClose} />,
  );
  return { server, onClose };
}

/** Each member row as "name cell | access cell | actions cell". */
const rows = () =>
  screen
    .getAllByTestId('share-member')
    .map((r) =>
      Array.from(r.querySelectorAll('td'), (td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()).join(
        ' | ',
      ),
    );

beforeEach(async () => {
  useSync.setState(useSync.getInitialState(), true);
  await initI18n('de');
});

describe('share dialog', () => {
  it('an owner sees the members, finds a colleague by name, adds, changes and removes access', async () => {
    const { server, onClose } = setup([
      [ME, 'owner'],
      ['oid-kai', 'editor'],
    ]);
    const dialog = screen.getByRole('dialog', { name: '„Quartier Nord“ teilen' });
    expect(dialog.textContent).toContain('Team-Passphrase');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()).toEqual([
      'Erika Mustermann (Sie)erika@stadtwerk.example | Eigentümer – teilen und löschen · Einziger Eigentümer | ',
      'Kai Ohm kai@stadtwerk.example | Eigentümer – teilen und löschenBearbeitenNur lesen | Entfernen',
    ]);
    expect(screen.getByLabelText<HTMLSelectElement>('Zugriff für Kai Ohm').value).toBe('editor');
    // The owner's own row can be neither changed nor removed (the last owner).
    expect(screen.queryByLabelText('Zugriff für Erika Mustermann')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Erika Mustermann entfernen' })).toBeNull();

    // The search box has the focus; one character does not search yet.
    const box = screen.getByLabelText('Name oder Benutzername');
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'm' } });
    await new Promise((r) => setTimeout(r, 400));
    expect(server.calls.filter((c) => c.startsWith('GET /users'))).toEqual([]);
    fireEvent.change(box, { target: { value: 'mü' } });
    const results = await screen.findByRole('list', { name: 'Suchergebnisse' });
    expect(server.calls).toContain(`GET /users?query=${encodeURIComponent('mü')}`);
    expect(
      within(results)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Jan Müller · jan.mueller@stadtwerk.example Hinzufügen',
      'Ana Müller-Lüdenscheidt · ana@stadtwerk.example Hinzufügen',
    ]);

    fireEvent.change(screen.getByLabelText('Zugriff für neue Mitglieder'), { target: { value: 'viewer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Jan Müller hinzufügen' }));
    expect(await screen.findByText('Jan Müller hinzugefügt.')).toBeTruthy();
    expect(server.calls).toContain('PUT /projects/p1/members/oid-jan {"access":"viewer"}');
    await waitFor(() => expect(rows()).toHaveLength(3));
    // Now a member, the search result says so instead of offering to add.
    expect(within(results).getAllByRole('listitem')[0].textContent).toContain('bereits Mitglied');

    fireEvent.change(screen.getByLabelText('Zugriff für Jan Müller'), { target: { value: 'editor' } });
    expect(await screen.findByText('Zugriff für Jan Müller geändert.')).toBeTruthy();
    expect(server.calls).toContain('PUT /projects/p1/members/oid-jan {"access":"editor"}');

    fireEvent.click(screen.getByRole('button', { name: 'Kai Ohm entfernen' }));
    expect(await screen.findByText('Kai Ohm entfernt.')).toBeTruthy();
    expect(server.calls).toContain('DELETE /projects/p1/members/oid-kai');
    await waitFor(() => expect(rows().map((r) => r?.split(' ')[0])).toEqual(['Erika', 'Jan']));

    // Escape (the dialog's cancel event) and the Close button close it.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Schließen' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('shows refusals in words: no right (403), MFA required, last owner (409), offline', async () => {
    const { server } = setup([
      [ME, 'owner'],
      ['oid-kai', 'owner'],
    ]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    server.state.refuse = 'forbidden';
    fireEvent.click(screen.getByRole('button', { name: 'Kai Ohm entfernen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Dafür fehlt Ihnen die Berechtigung: Nur Eigentümer und Administratoren können die Freigabe ändern.',
    );
    server.state.refuse = 'mfa_required';
    fireEvent.change(screen.getByLabelText('Zugriff für Kai Ohm'), { target: { value: 'viewer' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Multi-Faktor/));
    server.state.refuse = 'last_owner';
    fireEvent.change(screen.getByLabelText('Zugriff für Kai Ohm'), { target: { value: 'viewer' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/mindestens einen Eigentümer/));
    server.state.refuse = null;
    server.state.offline = true;
    fireEvent.change(screen.getByLabelText('Name oder Benutzername'), { target: { value: 'jan' } });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Keine Verbindung zum Server. Die Freigabe lässt sich nur online ändern.',
      ),
    );
    // Nothing changed on the server by the refused attempts.
    expect(rows()).toHaveLength(2);
  });

  it('offline when opened: says so instead of an empty list', async () => {
    setup([[ME, 'owner']], { offline: true });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Keine Verbindung zum Server. Die Freigabe lässt sich nur online ändern.',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('a member who is not an owner sees the list only (English)', async () => {
    await act(() => initI18n('en'));
    setup([
      ['oid-kai', 'owner'],
      [ME, 'viewer'],
    ]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()).toEqual([
      'Kai Ohm kai@stadtwerk.example | Owner – shares and deletes | ',
      'Erika Mustermann (you)erika@stadtwerk.example | View only | ',
    ]);
    expect(screen.getByText('Only owners and Administrators can change sharing.')).toBeTruthy();
    expect(screen.queryByLabelText('Name or username')).toBeNull();
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('an Administrator who is no member may manage it', async () => {
    setup([['oid-kai', 'owner']], { roles: ['Administrator'] });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByLabelText('Name oder Benutzername')).toBeTruthy();
    // The only owner cannot be demoted or removed, not even by an Administrator.
    expect(screen.queryByRole('button', { name: 'Kai Ohm entfernen' })).toBeNull();
    expect(screen.queryByLabelText('Zugriff für Kai Ohm')).toBeNull();
  });

  it('without sign-in it asks to sign in and sends nothing', async () => {
    const { server } = setup([[ME, 'owner']], { signedIn: false });
    expect(screen.getByRole('alert').textContent).toMatch(/melden Sie sich zuerst/);
    expect(server.send).not.toHaveBeenCalled();
  });
});
