import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncHttpRequest, SyncHttpResponse } from '../../../../contracts';
import { App } from '../../App';
import { initI18n } from '../../i18n';
import { openDb } from '../../db/schema';
import type { AuthPlatform, AuthStatus, SyncSettings } from '../../platform/auth';
import type { SaveFileRequest } from '../../platform/files';
import { memoryKeyring } from '../../platform/keyring/memory';
import { auditEntryHash, GENESIS_HASH, type AuditEntry } from '../../sync/admin';
import { SyncController, useSync } from '../../sync/controller';
import { openSyncDb } from '../../sync/db';
import type { SyncSender } from '../../sync/transport';
import AdminPage from './AdminPage';

beforeAll(async () => {
  await initI18n('de');
});

beforeEach(() => useSync.setState(useSync.getInitialState(), true));

const TENANT = '3f9c2a51-7d44-4c1e-9b0a-2e6f8d1c5a77';
const ADMIN_OID = '3f9c2a51-admin';
const ADMIN: AuthStatus = {
  configured: true,
  signedIn: true,
  name: 'Erika Mustermann',
  tenantId: TENANT,
  oid: ADMIN_OID,
  roles: ['Administrator'],
};

/** A hash chain of `count` entries as the server would keep it. */
async function chain(count: number): Promise<AuditEntry[]> {
  const actions = ['sign-in', 'project.create', 'project.share', 'access.denied', 'admin.audit-read'];
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let n = 1; n <= count; n++) {
    const rest = {
      tenantId: TENANT,
      n,
      at: new Date(Date.UTC(2026, 10, 24, 13, n, 9)).toISOString(),
      actorId: n === 4 ? null : n % 2 ? ADMIN_OID : '3f9c2a51-bob',
      action: actions[(n - 1) % actions.length],
      target: n === 1 ? null : `p-${n}`,
      outcome: n === 4 ? 'refused' : 'ok',
      details: n === 4 ? '{"reason":"expired"}' : '{}',
      prevHash: prev,
    };
    const hash = await auditEntryHash(rest);
    out.push({ ...rest, hash });
    prev = hash;
  }
  return out;
}

const json = (status: number, body: unknown, extra: Partial<SyncHttpResponse> = {}): SyncHttpResponse => ({
  status,
  etag: null,
  body: JSON.stringify(body),
  ...extra,
});

/** The server's claims challenge for the authentication context c1 (base64 JSON). */
const STEP_UP_CLAIMS = btoa(JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } }));

/** The admin endpoints in memory: MFA on or off, an audit chain, erasure results. */
function fakeServer(entries: AuditEntry[]) {
  const state = { mfa: true, chainHeader: 'verified', entries, requests: [] as SyncHttpRequest[] };
  const send: SyncSender = vi.fn(async (r: SyncHttpRequest) => {
    state.requests.push(r);
    if (!state.mfa)
      return json(403, {
        error: 'mfa_required',
        message: 'Administrative actions require multi-factor authentication',
        claims: STEP_UP_CLAIMS,
      });
    const audit = /^\/admin\/audit\?after=(\d+)&limit=(\d+)$/.exec(r.path);
    if (r.method === 'GET' && audit) {
      const [after, limit] = [Number(audit[1]), Number(audit[2])];
      return json(200, { entries: state.entries.filter((e) => e.n > after).slice(0, limit) });
    }
    if (r.method === 'GET' && r.path === '/admin/audit/export')
      return {
        status: 200,
        etag: null,
        body: state.entries.map((e) => JSON.stringify(e)).join('\n') + '\n',
        auditChain: state.chainHeader,
      };
    const user = /^\/admin\/users\/(.+)$/.exec(r.path);
    if (r.method === 'DELETE' && user)
      return json(200, { userId: user[1], projects: 2, versions: 5, keys: 1, memberships: 3, directory: 1 });
    if (r.method === 'DELETE' && r.path === '/admin/tenant')
      return r.confirmTenant === TENANT
        ? json(200, { tenantId: TENANT, projects: 7, versions: 19, keys: 4, directory: 6 })
        : json(400, { error: 'confirmation_required', message: 'Send X-Confirm-Tenant' });
    return json(404, { error: 'not_found', message: 'no route' });
  });
  return { state, send };
}

let n = 0;
function controllerWith(initial: AuthStatus, onSignIn?: () => void) {
  n++;
  let status = initial;
  const auth: AuthPlatform = {
    kind: 'electron',
    supported: true,
    status: vi.fn(async () => status),
    settings: vi.fn(async () => null),
    configure: vi.fn(async (s: SyncSettings) => s),
    signIn: vi.fn(async () => {
      onSignIn?.();
      return (status = { ...ADMIN });
    }),
    signOut: vi.fn(async () => ({ revoked: true })),
    syncRequest: vi.fn(async () => ({ status: 0, etag: null, body: '', error: 'not used here' })),
  };
  const controller = new SyncController({
    auth,
    keyring: memoryKeyring(),
    db: openDb(`admin-app-${n}`),
    syncDb: openSyncDb(`admin-sync-${n}`),
  });
  return { auth, controller };
}

function renderPage(status: AuthStatus, entries: AuditEntry[], opts: { pageSize?: number } = {}) {
  const server = fakeServer(entries);
  const { auth, controller } = controllerWith(status, () => (server.state.mfa = true));
  const saved: SaveFileRequest[] = [];
  const saveFile = vi.fn(async (r: SaveFileRequest) => {
    saved.push(r);
    return { saved: true, name: r.suggestedName };
  });
  render(
    <AdminPage
      controller={controller}
      send={server.send}
      saveFile={saveFile}
      pageSize={opts.pageSize ?? 200}
    />,
  );
  return { server, auth, controller, saved, saveFile };
}

const button = (name: string | RegExp) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('Administration page: who sees it', () => {
  it('the navigation offers it to signed-in Administrators only', async () => {
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    await waitFor(() => expect(useSync.getState().busy).toBe(false));
    expect(within(nav).queryByRole('button', { name: 'Administration' })).toBeNull();
    act(() => useSync.setState({ auth: { ...ADMIN, roles: ['Support'] } }));
    expect(within(nav).queryByRole('button', { name: 'Administration' })).toBeNull();
    act(() => useSync.setState({ auth: ADMIN }));
    fireEvent.click(within(nav).getByRole('button', { name: 'Administration' }));
    expect((await screen.findByRole('heading', { level: 1, name: 'Administration' })).id).toBe('admin-title');
    act(() => useSync.setState({ auth: { ...ADMIN, signedIn: false } }));
    expect(within(nav).queryByRole('button', { name: 'Administration' })).toBeNull();
  });

  it('explains the missing role instead of sending requests that fail', async () => {
    const { server } = renderPage({ ...ADMIN, roles: ['ReadOnly'] }, await chain(3));
    expect(
      await screen.findByText(
        'Sie sind als Erika Mustermann angemeldet, aber Ihr Konto hat nicht die App-Rolle „Administrator“ (Ihre Rollen: ReadOnly).',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/Die Rolle vergibt die IT Ihrer Organisation in Microsoft Entra ID/),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Audit-Protokoll' })).toBeNull();
    expect(server.send).not.toHaveBeenCalled();
  });

  it('signed out: points to the settings', async () => {
    renderPage({ configured: true, signedIn: false }, []);
    expect(await screen.findByText(/Sie sind nicht beim Synchronisationsserver angemeldet/)).toBeTruthy();
    expect(button('Zu den Einstellungen')).toBeTruthy();
  });
});

describe('Administration page: audit log', () => {
  it('shows entries in German, pages with "load more", filters by action and checks the chain', async () => {
    const entries = await chain(5);
    const { server } = renderPage(ADMIN, entries, { pageSize: 2 });
    const table = await screen.findByRole('table');
    const rows = () => within(table).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(2);
    const first = within(rows()[0]).getAllByRole('cell');
    expect(first[0].textContent).toBe('1');
    expect(first[1].textContent).toMatch(/^24\.11\.2026, \d\d:01:09$/);
    expect(first[2].textContent).toBe(`${ADMIN_OID} (Sie)`);
    expect(first[3].textContent).toBe('sign-in');
    expect(first[5].textContent).toBe('erfolgreich');
    expect(
      screen.getByText('Prüfkette der geladenen Einträge 1–2 intakt (in Werkplan nachgerechnet).'),
    ).toBeTruthy();

    fireEvent.click(button('Weitere Einträge laden'));
    await waitFor(() => expect(rows()).toHaveLength(4));
    const refused = within(rows()[3]).getAllByRole('cell');
    expect(refused[2].textContent).toBe('System');
    expect(refused[5].textContent).toBe('abgelehnt');
    expect(refused[6].textContent).toBe('reason: expired');
    fireEvent.click(button('Weitere Einträge laden'));
    await waitFor(() => expect(rows()).toHaveLength(5));
    // A short page: nothing more to load.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Weitere Einträge laden' })).toBeNull());
    expect(server.state.requests.map((r) => r.path)).toEqual([
      '/admin/audit?after=0&limit=2',
      '/admin/audit?after=2&limit=2',
      '/admin/audit?after=4&limit=2',
    ]);
    expect(
      screen.getByText('Prüfkette der geladenen Einträge 1–5 intakt (in Werkplan nachgerechnet).'),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Nach Aktion filtern'), { target: { value: 'PROJECT.' } });
    expect(rows().map((r) => within(r).getAllByRole('cell')[3].textContent)).toEqual([
      'project.create',
      'project.share',
    ]);
    expect(screen.getByText('2 von 5 geladenen Einträgen angezeigt.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Nach Aktion filtern'), { target: { value: 'tenant-erase' } });
    expect(screen.getByText('Keine geladenen Einträge passen zum Filter „tenant-erase“.')).toBeTruthy();
  });

  it('warns prominently when the loaded entries do not form an intact chain', async () => {
    const entries = await chain(3);
    entries[1] = { ...entries[1], target: 'p-other' }; // changed after the fact
    renderPage(ADMIN, entries);
    const alert = await screen.findByText(/^Prüfkette gebrochen bei Eintrag 2:/);
    expect(alert.getAttribute('role')).toBe('alert');
  });

  it('says so when the log is empty', async () => {
    renderPage(ADMIN, []);
    expect(await screen.findByText('Das Audit-Protokoll ist leer.')).toBeTruthy();
  });

  it('exports through the save dialog with tenant and date in the name and shows the server chain result', async () => {
    const entries = await chain(3);
    const { server, saved } = renderPage(ADMIN, entries);
    await screen.findByRole('table');
    fireEvent.click(button('Exportieren (NDJSON)'));
    const ok = await screen.findByTestId('export-result');
    const d = new Date();
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const name = `werkplan-audit-${TENANT}-${day}.ndjson`;
    expect(saved).toHaveLength(1);
    expect(saved[0].suggestedName).toBe(name);
    expect(saved[0].filters).toEqual([{ name: 'NDJSON', extensions: ['ndjson'] }]);
    const text = new TextDecoder().decode(saved[0].data);
    expect(
      text
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as AuditEntry).n),
    ).toEqual([1, 2, 3]);
    expect(ok.textContent).toContain('Prüfung des Servers: Kette intakt (3 Einträge).');
    expect(ok.textContent).toContain(`Gespeichert als ${name} (3 Einträge).`);
    expect(ok.getAttribute('role')).toBe('status');

    server.state.chainHeader = 'broken-at-3';
    fireEvent.click(button('Exportieren (NDJSON)'));
    await waitFor(() => expect(screen.getByTestId('export-result').getAttribute('role')).toBe('alert'));
    const broken = screen.getByTestId('export-result');
    expect(within(broken).getByRole('heading', { name: 'Warnung: Prüfkette gebrochen' })).toBeTruthy();
    expect(broken.textContent).toContain('gebrochene Prüfkette ab Eintrag 3');
    expect(saved).toHaveLength(2);
  });
});

describe('Administration page: MFA', () => {
  it('explains that MFA is needed and offers to sign in again; afterwards the log loads', async () => {
    const entries = await chain(2);
    const server = fakeServer(entries);
    server.state.mfa = false;
    const { auth, controller } = controllerWith(ADMIN, () => (server.state.mfa = true));
    render(<AdminPage controller={controller} send={server.send} saveFile={vi.fn()} />);
    const panel = (await screen.findByRole('heading', { name: 'Mehrstufige Authentifizierung erforderlich' }))
      .parentElement!;
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.textContent).toContain('Administrative Aktionen verlangen eine Anmeldung mit mehrstufiger');
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Erneut anmelden' }));
    await waitFor(() => expect(auth.signIn).toHaveBeenCalledOnce());
    // The step-up sign-in carries the server's challenge, so the provider asks for MFA.
    expect(auth.signIn).toHaveBeenCalledWith({ claims: STEP_UP_CLAIMS });
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Mehrstufige Authentifizierung erforderlich' })).toBeNull();
  });
});

describe('Administration page: erasure', () => {
  it("erases a person's data only after the object id is typed twice, and shows the counts", async () => {
    const { server } = renderPage(ADMIN, []);
    await screen.findByText('Das Audit-Protokoll ist leer.');
    expect(screen.getByText(/Bestehen bleiben: Audit-Einträge ohne Inhalte/)).toBeTruthy();
    const erase = button('Daten dieser Person löschen');
    expect(erase.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Objekt-ID der Person (Entra ID)'), {
      target: { value: '3f9c2a51-alice' },
    });
    expect(erase.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Objekt-ID zur Bestätigung wiederholen'), {
      target: { value: '3f9c2a51-alicf' },
    });
    expect(screen.getByText('Die beiden Eingaben stimmen nicht überein.')).toBeTruthy();
    expect(erase.disabled).toBe(true);
    fireEvent.submit(erase.closest('form')!);
    expect(server.state.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Objekt-ID zur Bestätigung wiederholen'), {
      target: { value: '3f9c2a51-alice' },
    });
    expect(erase.disabled).toBe(false);
    fireEvent.click(erase);
    expect(
      await screen.findByText(
        'Daten von 3f9c2a51-alice gelöscht: 2 Projekt(e) mit 5 Version(en), 1 Schlüssel, 3 Mitgliedschaft(en) in Projekten anderer. Einträge im Benutzerverzeichnis gelöscht: 1.',
      ),
    ).toBeTruthy();
    expect(server.state.requests.filter((r) => r.method === 'DELETE')).toEqual([
      { method: 'DELETE', path: '/admin/users/3f9c2a51-alice' },
    ]);
  });

  it('refuses an invalid object id and warns about erasing oneself', async () => {
    renderPage(ADMIN, []);
    const field = await screen.findByLabelText('Objekt-ID der Person (Entra ID)');
    fireEvent.change(field, { target: { value: '../tenant' } });
    expect(screen.getByText(/Keine gültige Objekt-ID/)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field, { target: { value: ADMIN_OID } });
    expect(screen.getByText('Achtung: Das ist Ihre eigene Objekt-ID.')).toBeTruthy();
  });

  it('erases the tenant only after typing its id and a second confirmation, sending X-Confirm-Tenant', async () => {
    const { server } = renderPage(ADMIN, []);
    await screen.findByText('Das Audit-Protokoll ist leer.');
    expect(screen.getByText(/Krypto-Shredding/)).toBeTruthy();
    const erase = button('Mandanten löschen …');
    expect(erase.disabled).toBe(true);
    const field = screen.getByLabelText(`Zur Bestätigung Ihre Tenant-ID eingeben: ${TENANT}`);
    fireEvent.change(field, { target: { value: 'bbbbbbbb-0000-4000-8000-00000000000b' } });
    expect(
      screen.getByText('Die Eingabe stimmt nicht mit der Tenant-ID Ihrer Anmeldung überein.'),
    ).toBeTruthy();
    expect(erase.disabled).toBe(true);
    fireEvent.change(field, { target: { value: TENANT } });
    expect(erase.disabled).toBe(false);
    fireEvent.click(erase);
    // The second confirmation: nothing is sent before it, and cancelling sends nothing.
    expect(await screen.findByText('Mandanten endgültig löschen?')).toBeTruthy();
    expect(server.state.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    fireEvent.click(button('Abbrechen'));
    await waitFor(() => expect(screen.queryByText('Mandanten endgültig löschen?')).toBeNull());
    expect(server.state.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(erase);
    fireEvent.click(await screen.findByRole('button', { name: 'Endgültig löschen', hidden: true }));
    expect(
      await screen.findByText(
        `Mandant ${TENANT} gelöscht: 7 Projekt(e) mit 19 Version(en), 4 Schlüssel. Einträge im Benutzerverzeichnis gelöscht: 6.`,
      ),
    ).toBeTruthy();
    expect(server.state.requests.filter((r) => r.method === 'DELETE')).toEqual([
      { method: 'DELETE', path: '/admin/tenant', confirmTenant: TENANT },
    ]);
  });

  it('shows the server refusal of an erasure as MFA required', async () => {
    const { server } = renderPage(ADMIN, []);
    await screen.findByText('Das Audit-Protokoll ist leer.');
    server.state.mfa = false;
    fireEvent.change(screen.getByLabelText('Objekt-ID der Person (Entra ID)'), { target: { value: 'u-1' } });
    fireEvent.change(screen.getByLabelText('Objekt-ID zur Bestätigung wiederholen'), {
      target: { value: 'u-1' },
    });
    fireEvent.click(button('Daten dieser Person löschen'));
    expect(
      await screen.findByRole('heading', { name: 'Mehrstufige Authentifizierung erforderlich' }),
    ).toBeTruthy();
    expect(
      screen.getByText(/^Mehrstufige Authentifizierung erforderlich\. Einzelheiten: DELETE/),
    ).toBeTruthy();
  });
});
