// @vitest-environment node
/// <reference types="node" />
import 'fake-indexeddb/auto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BlobMeta, EncryptedEnvelope, ListedProject } from '../../../contracts';
import { createProject, deleteProject, renameProject } from '../db/projects';
import { openDb, type WerkplanDb } from '../db/schema';
import {
  createTeamKey,
  teamCipher,
  unlockTeamKey,
  type TeamKey,
  type TeamKeyParams,
} from '../../../contracts';
import { openSyncDb, type SyncDb } from './db';
import { backoffDelay_ms, SyncEngine } from './engine';
import { fetchSender, HttpSyncTransport } from './transport';

/**
 * A contract-faithful sync server (contracts/src/sync.ts) in memory, with faults on demand:
 * drop the connection while the upload body arrives, or after committing but before answering.
 */
class ContractServer {
  readonly rows = new Map<string, { meta: BlobMeta; envelope: EncryptedEnvelope }>();
  readonly bodies: string[] = [];
  fault: 'drop-mid-upload' | 'drop-after-commit' | null = null;
  /** Project ids the caller may not write (403, as for a viewer). */
  readonly readOnly = new Set<string>();
  /** Project ids that exist but are not shared with the caller (a create gets 409, current null). */
  readonly foreign = new Set<string>();
  /**
   * Memberships per project (user → access); a project without an entry is listed for everyone as
   * owned. Tokens name the user: `test-token` is oid-1, `other-token` oid-2.
   */
  readonly members = new Map<string, Map<string, 'owner' | 'editor' | 'viewer'>>();
  /** Every DELETE the server answered, as "METHOD path status". */
  readonly deletes: string[] = [];
  /** Projects listed for everyone with access null, as to an Administrator who is no member. */
  readonly tenantWide = new Set<string>();
  puts = 0;
  private server: http.Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(port = 0): Promise<void> {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Kills the server: open connections are cut, new ones refused. */
  async kill(): Promise<void> {
    const s = this.server;
    this.server = null;
    for (const sock of this.sockets) sock.destroy();
    await new Promise<void>((ok) => (s ? s.close(() => ok()) : ok()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private json(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private accessOf(id: string, user: string) {
    const m = this.members.get(id);
    return m ? (m.get(user) ?? null) : 'owner';
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const user = { 'Bearer test-token': 'oid-1', 'Bearer other-token': 'oid-2' }[
      req.headers.authorization ?? ''
    ];
    if (!user) return this.json(res, 401, { error: 'unauthorized', message: 'bad token' });
    const member = /^\/v1\/projects\/([^/]+)\/members\/([^/]+)$/.exec(req.url ?? '');
    if (member && req.method === 'DELETE') {
      const [id, oid] = [decodeURIComponent(member[1]), decodeURIComponent(member[2])];
      const m = this.members.get(id);
      const status = !this.rows.has(id) || !m?.has(oid) ? 404 : oid === user ? 204 : 403;
      if (status === 204) m!.delete(oid);
      this.deletes.push(`DELETE ${req.url} ${status}`);
      return status === 204
        ? void res.writeHead(204).end()
        : this.json(res, status, { error: 'x', message: 'x' });
    }
    const m = /^\/v1\/projects(?:\/([^/]+))?$/.exec(req.url ?? '');
    if (!m) return this.json(res, 404, { error: 'not_found', message: req.url ?? '' });
    const id = m[1] ? decodeURIComponent(m[1]) : undefined;
    if (req.method === 'GET' && !id)
      return this.json(res, 200, {
        projects: [...this.rows.values()].flatMap((r): ListedProject[] => {
          const access = this.accessOf(r.meta.id, user);
          if (access) return [{ ...r.meta, access }];
          return this.tenantWide.has(r.meta.id) ? [{ ...r.meta, access: null }] : [];
        }),
      });
    if (id && req.method !== 'DELETE' && this.rows.has(id) && this.accessOf(id, user) === null) {
      req.resume();
      return this.json(res, 403, { error: 'forbidden', message: 'You are not a member of this project' });
    }
    if (req.method === 'DELETE' && id) {
      const access = this.accessOf(id, user);
      const status = !this.rows.has(id) ? 404 : access === 'owner' ? 204 : 403;
      if (status === 204) {
        this.rows.delete(id);
        this.members.delete(id);
      }
      this.deletes.push(`DELETE ${req.url} ${status}`);
      if (status === 204) return void res.writeHead(204).end();
      return this.json(res, status, { error: status === 404 ? 'not_found' : 'forbidden', message: 'no' });
    }
    if (req.method === 'GET' && id) {
      const row = this.rows.get(id);
      if (!row) return this.json(res, 404, { error: 'not_found', message: id });
      return this.json(res, 200, row, { etag: `"${row.meta.version}"` });
    }
    if (req.method === 'PUT' && id && this.foreign.has(id)) {
      req.resume();
      return this.json(res, 409, { error: 'conflict', current: null });
    }
    if (req.method === 'PUT' && id && this.readOnly.has(id)) {
      req.resume();
      return this.json(res, 403, { error: 'forbidden', message: 'You may not write this project' });
    }
    if (req.method === 'PUT' && id) {
      this.puts++;
      const chunks: Buffer[] = [];
      let dropped = false;
      req.on('data', (c: Buffer) => {
        if (this.fault === 'drop-mid-upload') {
          this.fault = null;
          dropped = true;
          req.socket.destroy();
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => {
        if (dropped) return;
        const body = Buffer.concat(chunks).toString();
        this.bodies.push(body);
        const { envelope } = JSON.parse(body) as { envelope: EncryptedEnvelope };
        const row = this.rows.get(id);
        const ifMatch = req.headers['if-match'];
        const ifNoneMatch = req.headers['if-none-match'];
        const ok = row ? ifMatch === `"${row.meta.version}"` : ifNoneMatch === '*';
        if (!ok) return this.json(res, 409, { error: 'conflict', current: row?.meta ?? null });
        const now = new Date().toISOString();
        const meta: BlobMeta = {
          id,
          tenantId: 't1',
          version: (row?.meta.version ?? 0) + 1,
          size_bytes: body.length,
          authorId: 'oid-1',
          createdAt: row?.meta.createdAt ?? now,
          updatedAt: now,
        };
        this.rows.set(id, { meta, envelope });
        if (this.fault === 'drop-after-commit') {
          this.fault = null;
          req.socket.destroy();
          return;
        }
        this.json(res, row ? 200 : 201, { meta }, { etag: `"${meta.version}"` });
      });
      return;
    }
    this.json(res, 405, { error: 'method', message: req.method ?? '' });
  }
}

const PASS = 'Team-Passphrase-2026';
let params: TeamKeyParams;
let team: TeamKey;
beforeAll(async () => {
  ({ params, teamKey: team } = await createTeamKey(PASS));
});

let server: ContractServer;
const open: { db: WerkplanDb; sdb: SyncDb }[] = [];
let n = 0;

afterEach(async () => {
  await server?.kill();
  for (const c of open.splice(0)) {
    c.db.close();
    c.sdb.close();
  }
});

function client(
  opts: {
    clock?: { t: number };
    teamKey?: TeamKey | null | (() => TeamKey);
    token?: 'test-token' | 'other-token';
  } = {},
) {
  n++;
  const db = openDb(`werkplan-test-${n}`);
  const sdb = openSyncDb(`werkplan-sync-test-${n}`);
  open.push({ db, sdb });
  const clock = opts.clock ?? { t: Date.UTC(2026, 10, 24, 12) };
  const token = opts.token ?? 'test-token';
  const transport = new HttpSyncTransport(fetchSender(server.url, async () => token));
  const engine = new SyncEngine({
    db,
    syncDb: sdb,
    transport,
    teamKey: () => {
      const key =
        typeof opts.teamKey === 'function'
          ? opts.teamKey()
          : opts.teamKey === undefined
            ? team
            : opts.teamKey;
      return key ? teamCipher(key) : null;
    },
    now: () => clock.t,
    random: () => 0.5,
    userId: () => (token === 'test-token' ? 'oid-1' : 'oid-2'),
  });
  return { db, sdb, engine, clock };
}

async function names(db: WerkplanDb): Promise<string[]> {
  return (await db.projects.toArray()).map((p) => p.name).sort();
}

describe('sync engine against a contract server', () => {
  it('uploads encrypted, another client downloads and decrypts; the server never sees the name', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const p = await createProject(a.db, 'Fernwärme Altstadt Süd');
    await a.db.scenarios.add({
      id: crypto.randomUUID(),
      projectId: p.id,
      name: 'Basis',
      overrides: { '/x': 1 },
      createdAt: 1,
      updatedAt: 1,
    });
    await a.db.timeSeries.add({
      id: crypto.randomUUID(),
      projectId: p.id,
      name: 'Last',
      unit: 'kW',
      resolution_min: 60,
      start: '2026-01-01T00:00:00Z',
      values: Float64Array.from([1.5, 2.25, 3]),
      kind: 'demand',
    });
    expect((await a.engine.syncNow()).state).toBe('idle');
    expect(server.rows.get(p.id)?.meta.version).toBe(1);
    expect(server.bodies.join('\n')).not.toContain('Fernwärme');
    expect(server.bodies.join('\n')).not.toContain('Altstadt');

    const b = client({ teamKey: await unlockTeamKey(PASS, params) });
    await b.engine.syncNow();
    expect(await names(b.db)).toEqual(['Fernwärme Altstadt Süd']);
    const ts = await b.db.timeSeries.where('projectId').equals(p.id).toArray();
    expect(Array.from(ts[0].values)).toEqual([1.5, 2.25, 3]);
    expect(ts[0].values).toBeInstanceOf(Float64Array);

    // Nothing changed: a second round uploads nothing from either side.
    const putsBefore = server.puts;
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(server.puts).toBe(putsBefore);
  });

  it('offline: edits are queued, the status says offline, and they are flushed once the server is back', async () => {
    server = new ContractServer();
    await server.start();
    const port = server.port;
    await server.kill();
    const a = client();
    await createProject(a.db, 'Kesseltausch Schule');
    await createProject(a.db, 'BHKW Hallenbad');
    const s = await a.engine.syncNow();
    expect(s.state).toBe('offline');
    expect(s.pending).toBe(2);
    expect(await a.sdb.outbox.count()).toBe(2);
    // Backoff: not retried before the delay has passed.
    await server.start(port);
    await a.engine.syncNow();
    expect(server.rows.size).toBe(0);
    a.clock.t += 60_000;
    const after = await a.engine.syncNow();
    expect(after).toMatchObject({ state: 'idle', pending: 0 });
    expect(server.rows.size).toBe(2);
  });

  it('server dropped mid-upload: retried with backoff, nothing lost', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const p = await createProject(a.db, 'Wärmepumpe Rathaus');
    server.fault = 'drop-mid-upload';
    const s = await a.engine.syncNow();
    expect(s.state).toBe('offline');
    expect(server.rows.size).toBe(0);
    const entry = await a.sdb.outbox.get(p.id);
    expect(entry?.attempts).toBe(1);
    expect(entry?.lastError).toMatch(/PUT/);
    a.clock.t += 10_000;
    expect((await a.engine.syncNow()).state).toBe('idle');
    expect(server.rows.get(p.id)?.meta.version).toBe(1);
    const b = client();
    await b.engine.syncNow();
    expect(await names(b.db)).toEqual(['Wärmepumpe Rathaus']);
  });

  it('server killed after committing but before answering: the retry adopts its own upload, no false conflict', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const p = await createProject(a.db, 'PV Bauhof');
    await a.engine.syncNow();
    await renameProject(a.db, p.id, 'PV Bauhof (Dach Nord)');
    server.fault = 'drop-after-commit';
    expect((await a.engine.syncNow()).state).toBe('offline');
    expect(server.rows.get(p.id)?.meta.version).toBe(2);
    a.clock.t += 10_000;
    const s = await a.engine.syncNow();
    expect(s).toMatchObject({ state: 'idle', pending: 0, conflicts: 0 });
    expect(await names(a.db)).toEqual(['PV Bauhof (Dach Nord)']);
    expect(server.rows.size).toBe(1);
  });

  it('two clients edit the same project: afterwards both edits exist, as the version and as a conflict copy', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const b = client();
    const p = await createProject(a.db, 'Quartier Nord');
    await a.engine.syncNow();
    await b.engine.syncNow();
    await renameProject(a.db, p.id, 'Quartier Nord – Variante A');
    await renameProject(b.db, p.id, 'Quartier Nord – Variante B');
    await Promise.all([a.engine.syncNow(), b.engine.syncNow()]);
    const sa = await a.engine.syncNow();
    const sb = await b.engine.syncNow();
    expect(sa.conflicts + sb.conflicts).toBe(1);
    expect([sa.state, sb.state].sort()).toEqual(['conflict', 'idle']);
    await a.engine.syncNow();
    await b.engine.syncNow();
    const expected = ['Quartier Nord – Variante A', 'Quartier Nord – Variante B'];
    for (const c of [a, b]) {
      const all = await names(c.db);
      expect(all).toHaveLength(2);
      // one of them is the server version, the other the conflict copy of the losing edit
      expect(all.some((x) => x === expected[0] || x === expected[1])).toBe(true);
      expect(
        all.some((x) => /^Quartier Nord – Variante [AB] \(Konflikt 2026-11-24 \d\d:\d\d\)$/.test(x)),
      ).toBe(true);
    }
    expect(await names(a.db)).toEqual(await names(b.db));
    expect(server.rows.size).toBe(2);
    expect(server.rows.get(p.id)?.meta.version).toBe(2);
  });

  it('a project the server refuses (403) waits with its error; the others are uploaded', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const refused = await createProject(a.db, 'Nur lesen');
    const ok = await createProject(a.db, 'Schreiben erlaubt');
    server.readOnly.add(refused.id);
    const s = await a.engine.syncNow();
    expect(s.state).toBe('error');
    expect(s.pending).toBe(1);
    expect(server.rows.has(ok.id)).toBe(true);
    const entry = await a.sdb.outbox.get(refused.id);
    expect(entry?.lastError).toMatch(/HTTP 403 You may not write this project/);
    expect(entry?.attempts).toBe(1);
  });

  it('a project another member deleted on the server is kept here, marked gone, and no longer synced', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const b = client();
    const gone = await createProject(a.db, 'Gelöscht auf dem Server');
    const taken = await createProject(a.db, 'Id schon vergeben');
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await names(b.db)).toEqual(['Gelöscht auf dem Server', 'Id schon vergeben']);
    // Someone else deletes both on the server; client a has edited one of them meanwhile.
    server.rows.delete(gone.id);
    server.rows.delete(taken.id);
    server.foreign.add(taken.id);
    await a.sdb.state.delete(taken.id); // as if it had never been uploaded from here
    await renameProject(a.db, gone.id, 'Gelöscht auf dem Server (meine Änderung)');
    const putsBefore = server.puts;
    const s = await a.engine.syncNow();
    // The edit is kept locally, not uploaded anew, and the project is no longer synced.
    expect(server.rows.has(gone.id)).toBe(false);
    expect((await a.db.projects.get(gone.id))?.name).toBe('Gelöscht auf dem Server (meine Änderung)');
    expect((await a.sdb.state.get(gone.id))?.goneAt).toBe(a.clock.t);
    expect(await a.sdb.outbox.get(gone.id)).toBeUndefined();
    expect(s.pending).toBe(1);
    expect((await a.sdb.outbox.get(taken.id))?.lastError).toMatch(/not shared with you/);
    await renameProject(a.db, gone.id, 'Noch eine Änderung');
    a.clock.t += 60_000;
    await a.engine.syncNow();
    expect(server.puts - putsBefore).toBe(1); // only the create refused for `taken`, retried once
    expect(server.rows.has(gone.id)).toBe(false);

    // Client b had not edited it: it finds it missing from the list and keeps its copy too.
    const sb = await b.engine.syncNow();
    expect(sb.state).toBe('idle');
    expect(await names(b.db)).toEqual(['Gelöscht auf dem Server', 'Id schon vergeben']);
    expect((await b.sdb.state.get(gone.id))?.goneAt).toBeGreaterThan(0);
    expect((await b.sdb.state.get(taken.id))?.goneAt).toBeGreaterThan(0);
  });

  it('a project shared with us again syncs again, and a local edit made meanwhile is not lost', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const p = await createProject(a.db, 'Quartier West');
    await a.engine.syncNow();
    server.members.set(p.id, new Map([['oid-2', 'owner']])); // oid-1 removed from the project
    await a.engine.syncNow();
    expect((await a.sdb.state.get(p.id))?.goneAt).toBeGreaterThan(0);
    await renameProject(a.db, p.id, 'Quartier West – lokal weiterbearbeitet');
    expect((await a.engine.syncNow()).pending).toBe(0);
    server.members.get(p.id)!.set('oid-1', 'editor'); // shared again
    const s = await a.engine.syncNow();
    expect(s).toMatchObject({ state: 'idle', pending: 0 });
    expect(await a.sdb.state.get(p.id)).toMatchObject({ version: 2, access: 'editor' });
    expect((await a.sdb.state.get(p.id))?.goneAt).toBeUndefined();
    expect(server.rows.get(p.id)?.meta.version).toBe(2);
    expect(await names(a.db)).toEqual(['Quartier West – lokal weiterbearbeitet']);
  });

  it('delete everywhere offline: a tombstone waits, goes out with backoff, and the project key is destroyed', async () => {
    server = new ContractServer();
    await server.start();
    const port = server.port;
    const a = client();
    const b = client();
    const p = await createProject(a.db, 'Abwärme Rechenzentrum');
    const keep = await createProject(a.db, 'Bleibt');
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect((await a.sdb.state.get(p.id))?.access).toBe('owner');
    expect((await b.sdb.state.get(p.id))?.access).toBe('owner');
    await server.kill();

    await a.engine.remove(p.id, 'delete', () => deleteProject(a.db, p.id));
    expect(await a.db.projects.get(p.id)).toBeUndefined();
    const offline = await a.engine.syncNow();
    expect(offline).toMatchObject({ state: 'offline', pending: 1 });
    expect(await a.sdb.outbox.get(p.id)).toMatchObject({ op: 'delete', attempts: 1 });
    // The wrapped project key stays until the server has confirmed the deletion.
    expect((await a.sdb.state.get(p.id))?.wrappedKey_b64).toBeTruthy();

    await server.start(port);
    await a.engine.syncNow(); // backoff: not yet due
    expect(server.deletes).toEqual([]);
    a.clock.t += 60_000;
    expect(await a.engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect(server.deletes).toEqual([`DELETE /v1/projects/${p.id} 204`]);
    expect(server.rows.has(p.id)).toBe(false);
    expect(await a.sdb.state.get(p.id)).toBeUndefined();
    expect(await a.sdb.outbox.count()).toBe(0);
    // Not downloaded again, the other project untouched.
    expect(await names(a.db)).toEqual(['Bleibt']);
    expect(server.rows.has(keep.id)).toBe(true);

    // Another member's device keeps its copy, marked as no longer on the server.
    await b.engine.syncNow();
    expect(await names(b.db)).toEqual(['Abwärme Rechenzentrum', 'Bleibt']);
    expect((await b.sdb.state.get(p.id))?.goneAt).toBeGreaterThan(0);
  });

  it('a deletion the server no longer needs (404: already gone) counts as done; removals go out while locked', async () => {
    server = new ContractServer();
    await server.start();
    let key: TeamKey | null = team;
    const a = client({ teamKey: () => key! });
    const p = await createProject(a.db, 'Doppelt gelöscht');
    await a.engine.syncNow();
    server.rows.delete(p.id);
    key = null;
    const locked = new SyncEngine({
      db: a.db,
      syncDb: a.sdb,
      transport: new HttpSyncTransport(fetchSender(server.url, async () => 'test-token')),
      teamKey: () => null,
      now: () => a.clock.t,
    });
    await locked.remove(p.id, 'delete', () => deleteProject(a.db, p.id));
    expect(await locked.syncNow()).toMatchObject({ state: 'locked', pending: 0 });
    expect(server.deletes).toEqual([`DELETE /v1/projects/${p.id} 404`]);
    expect(await a.sdb.state.count()).toBe(0);
  });

  it('a member who is not the owner leaves: the membership goes, the project stays for the others', async () => {
    server = new ContractServer();
    await server.start();
    const owner = client({ token: 'other-token' });
    const p = await createProject(owner.db, 'Gemeinsames Projekt');
    await owner.engine.syncNow();
    server.members.set(
      p.id,
      new Map([
        ['oid-2', 'owner'],
        ['oid-1', 'editor'],
      ]),
    );
    const a = client();
    await a.engine.syncNow();
    expect(await a.sdb.state.get(p.id)).toMatchObject({ access: 'editor' });
    await a.engine.remove(p.id, 'leave', () => deleteProject(a.db, p.id));
    expect(await a.engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect(server.deletes).toEqual([`DELETE /v1/projects/${p.id}/members/oid-1 204`]);
    expect(server.rows.has(p.id)).toBe(true);
    expect(await a.sdb.state.get(p.id)).toBeUndefined();
    expect(await a.db.projects.count()).toBe(0);
    await a.engine.syncNow(); // no longer listed for us: not downloaded again
    expect(await a.db.projects.count()).toBe(0);
    expect(await names(owner.db)).toEqual(['Gemeinsames Projekt']);
  });

  it('a refused deletion (403: not the owner) waits with its error and is retried; the project is not downloaded again', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const p = await createProject(a.db, 'Nicht meins');
    await a.engine.syncNow();
    server.members.set(
      p.id,
      new Map([
        ['oid-2', 'owner'],
        ['oid-1', 'viewer'],
      ]),
    );
    await a.engine.remove(p.id, 'delete', () => deleteProject(a.db, p.id));
    const s = await a.engine.syncNow();
    expect(s).toMatchObject({ state: 'error', pending: 1 });
    expect((await a.sdb.outbox.get(p.id))?.lastError).toMatch(/HTTP 403/);
    expect(await a.db.projects.count()).toBe(0);
    expect(server.rows.has(p.id)).toBe(true);
  });

  it('a deletion during an upload waits for it: the project is not resurrected', async () => {
    server = new ContractServer();
    await server.start();
    const a = client();
    const p = await createProject(a.db, 'Gleichzeitig');
    const round = a.engine.syncNow(); // uploads p
    const removal = a.engine.remove(p.id, 'delete', () => deleteProject(a.db, p.id));
    await Promise.all([round, removal]);
    expect(server.rows.get(p.id)?.meta.version).toBe(1); // the upload completed first
    expect(await a.sdb.outbox.get(p.id)).toMatchObject({ op: 'delete' });
    expect(await a.engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect(server.rows.has(p.id)).toBe(false);
    expect(await a.db.projects.count()).toBe(0);
  });

  it('projects an Administrator sees tenant-wide without membership are not downloaded', async () => {
    server = new ContractServer();
    await server.start();
    const other = client({ token: 'other-token' });
    const p = await createProject(other.db, 'Fremdes Projekt');
    await other.engine.syncNow();
    server.members.set(p.id, new Map([['oid-2', 'owner']]));
    server.tenantWide.add(p.id);
    const admin = client();
    expect(await admin.engine.syncNow()).toMatchObject({ state: 'idle' });
    expect(await admin.db.projects.count()).toBe(0);
  });

  it('without the unlocked team key nothing is sent; edits wait in the queue', async () => {
    server = new ContractServer();
    await server.start();
    n++;
    const db = openDb(`werkplan-test-${n}`);
    const sdb = openSyncDb(`werkplan-sync-test-${n}`);
    open.push({ db, sdb });
    const engine = new SyncEngine({
      db,
      syncDb: sdb,
      transport: new HttpSyncTransport(fetchSender(server.url, async () => 'test-token')),
      teamKey: () => null,
    });
    await createProject(db, 'Nahwärme');
    expect(await engine.syncNow()).toMatchObject({ state: 'locked', pending: 1 });
    expect(server.puts).toBe(0);
  });

  it('a refused token reports signedOut and keeps the queue', async () => {
    server = new ContractServer();
    await server.start();
    n++;
    const db = openDb(`werkplan-test-${n}`);
    const sdb = openSyncDb(`werkplan-sync-test-${n}`);
    open.push({ db, sdb });
    const engine = new SyncEngine({
      db,
      syncDb: sdb,
      transport: new HttpSyncTransport(fetchSender(server.url, async () => 'expired')),
      teamKey: () => teamCipher(team),
    });
    await createProject(db, 'Nahwärme');
    expect(await engine.syncNow()).toMatchObject({ state: 'signedOut', pending: 1 });
  });
});

describe('team key rotation', () => {
  it('re-encrypts every project under a new team key; holders of the old key are told, not fed garbage', async () => {
    server = new ContractServer();
    await server.start();
    let current = team;
    const a = client({ teamKey: () => current });
    const p = await createProject(a.db, 'Contracting Klinikum');
    await a.engine.syncNow();
    expect(server.rows.get(p.id)?.envelope.keyId).toBe(team.keyId);
    const next = await createTeamKey('Rotated-Team-Passphrase-2027');
    current = next.teamKey;
    expect((await a.engine.syncNow()).state).toBe('idle');
    const row = server.rows.get(p.id)!;
    expect(row.meta.version).toBe(2);
    expect(row.envelope.keyId).toBe(next.teamKey.keyId);

    const old = client({ teamKey: team });
    const s = await old.engine.syncNow();
    expect(s.state).toBe('error');
    expect(s.lastError).toMatch(/wrapped with team key/);
    expect(await old.db.projects.count()).toBe(0);

    const fresh = client({ teamKey: await unlockTeamKey('Rotated-Team-Passphrase-2027', next.params) });
    expect((await fresh.engine.syncNow()).state).toBe('idle');
    expect(await names(fresh.db)).toEqual(['Contracting Klinikum']);
  });
});

describe('backoff', () => {
  it('doubles per attempt, is capped, and jitters within [d/2, d]', () => {
    expect(backoffDelay_ms(1, 0, 1000, 60_000)).toBe(500);
    expect(backoffDelay_ms(1, 1, 1000, 60_000)).toBe(1000);
    expect(backoffDelay_ms(4, 1, 1000, 60_000)).toBe(8000);
    expect(backoffDelay_ms(30, 1, 1000, 60_000)).toBe(60_000);
    expect(backoffDelay_ms(30, 0, 1000, 60_000)).toBe(30_000);
  });
});

describe('server URL', () => {
  it('accepts https and loopback http only', () => {
    expect(() => fetchSender('http://sync.example.com', async () => 't')).toThrow(/https/);
    expect(() => fetchSender('ftp://x', async () => 't')).toThrow(/https/);
    expect(() => fetchSender('nonsense', async () => 't')).toThrow(/not a URL/);
    expect(() => fetchSender('https://u:p@sync.example.com', async () => 't')).toThrow(/credentials/);
    expect(() => fetchSender('https://sync.example.com', async () => 't')).not.toThrow();
    expect(() => fetchSender('http://127.0.0.1:8080', async () => 't')).not.toThrow();
  });
});
