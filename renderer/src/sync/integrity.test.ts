// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BlobMeta, EncryptedEnvelope, GetProjectResponse } from '../../../contracts';
import {
  associatedData,
  createProjectKey,
  createTeamKey,
  decryptProject,
  encryptProject,
  teamCipher,
  toBase64,
  unwrapProjectKey,
  wrapProjectKey,
  type TeamKey,
} from '../../../contracts';
import { createProject, renameProject } from '../db/projects';
import { openDb, type WerkplanDb } from '../db/schema';
import { openSyncDb, type SyncDb } from './db';
import { SyncEngine } from './engine';
import type { ProjectPayload } from './payload';
import {
  HttpSyncTransport,
  type ListedMeta,
  type Precondition,
  type PutResult,
  type SyncTransport,
} from './transport';

/**
 * Attacks by a malicious server and a malicious team member (issue #15): an in-memory server that
 * keeps every version ever written, so that it can serve old ones, list lies, or accept crafted
 * versions written with the team key.
 */
class HistoryServer implements SyncTransport {
  readonly history = new Map<string, GetProjectResponse[]>();
  /** Every upload, as project id. */
  readonly puts: string[] = [];
  /** Lies: what to list / serve instead of the truth. */
  listLie: ((m: BlobMeta) => BlobMeta) | null = null;
  serveLie: ((id: string) => GetProjectResponse | undefined) | null = null;

  latest(id: string): GetProjectResponse | undefined {
    const h = this.history.get(id);
    return h?.[h.length - 1];
  }
  async list(): Promise<ListedMeta[]> {
    return [...this.history.keys()].map((id) => {
      const m = this.latest(id)!.meta;
      return { ...(this.listLie ? this.listLie(m) : m), access: 'owner' as const };
    });
  }
  async get(id: string): Promise<GetProjectResponse | null> {
    return this.serveLie?.(id) ?? this.latest(id) ?? null;
  }
  /** Stores a version as written by any team member (also crafted ones). */
  store(id: string, envelope: EncryptedEnvelope): BlobMeta {
    const version = (this.latest(id)?.meta.version ?? 0) + 1;
    const now = new Date(Date.UTC(2026, 11, 1, 12, version)).toISOString();
    const meta = {
      id,
      tenantId: 't1',
      version,
      size_bytes: 1,
      authorId: 'x',
      createdAt: now,
      updatedAt: now,
    };
    this.history.set(id, [...(this.history.get(id) ?? []), { meta, envelope }]);
    return meta;
  }
  async put(id: string, envelope: EncryptedEnvelope, pre: Precondition): Promise<PutResult> {
    const cur = this.latest(id)?.meta ?? null;
    if ('ifMatch' in pre ? cur?.version !== pre.ifMatch : cur) return { ok: false, current: cur };
    this.puts.push(id);
    return { ok: true, meta: this.store(id, envelope) };
  }
  async remove(): Promise<void> {}
  async leave(): Promise<void> {}
}

/** The HTTP transport over `server`, with the ETag of downloads chosen by `etag`. */
function overHttp(server: HistoryServer, etag: (version: number) => string) {
  return new HttpSyncTransport(async (req) => {
    const json = (status: number, body: unknown, tag: string | null = null) => ({
      status,
      etag: tag,
      body: JSON.stringify(body),
    });
    if (req.method === 'GET' && req.path === '/projects') return json(200, { projects: await server.list() });
    const id = decodeURIComponent(req.path.split('/')[2]);
    if (req.method === 'GET') {
      const r = await server.get(id);
      return r ? json(200, r, etag(r.meta.version)) : json(404, { error: 'not_found', message: '' });
    }
    const { envelope } = JSON.parse(req.body ?? '{}') as { envelope: EncryptedEnvelope };
    const pre: Precondition = req.ifMatch !== undefined ? { ifMatch: req.ifMatch } : { ifNoneMatch: '*' };
    const res = await server.put(id, envelope, pre);
    return res.ok ? json(201, { meta: res.meta }) : json(409, { error: 'conflict', current: res.current });
  });
}

/** An envelope as written before format 2 (AAD "<projectId>:<version>"). */
async function legacyEnvelope(bytes: Uint8Array<ArrayBuffer>, id: string, version: number, key: CryptoKey) {
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: associatedData(id, version), tagLength: 128 },
    key,
    bytes,
  );
  const env: EncryptedEnvelope = {
    formatVersion: 1,
    alg: 'AES-256-GCM',
    keyId: team.keyId,
    wrappedKey_b64: await wrapProjectKey(key, team),
    nonce_b64: toBase64(nonce),
    ciphertext_b64: toBase64(new Uint8Array(ct)),
  };
  return env;
}

let team: TeamKey;
beforeAll(async () => {
  ({ teamKey: team } = await createTeamKey('Team-Passphrase-2026'));
});

const open: { db: WerkplanDb; sdb: SyncDb }[] = [];
let n = 0;
afterEach(() => {
  for (const c of open.splice(0)) {
    c.db.close();
    c.sdb.close();
  }
});

function client(server: SyncTransport) {
  n++;
  const db = openDb(`werkplan-integrity-${n}`);
  const sdb = openSyncDb(`werkplan-sync-integrity-${n}`);
  open.push({ db, sdb });
  const engine = new SyncEngine({
    db,
    syncDb: sdb,
    transport: server,
    teamKey: () => teamCipher(team),
    tenantId: () => 't1',
    now: () => Date.UTC(2026, 11, 5, 12),
    random: () => 0.5,
  });
  return { db, sdb, engine };
}

describe('rollback by a malicious server (issue #15, finding 1)', () => {
  async function victimAtV3() {
    const server = new HistoryServer();
    const author = client(server);
    const p = await createProject(author.db, 'Nahwärme v1');
    await author.engine.syncNow();
    const victim = client(server);
    await victim.engine.syncNow();
    for (const name of ['Nahwärme v2', 'Nahwärme v3']) {
      await renameProject(author.db, p.id, name);
      await author.engine.syncNow();
    }
    await victim.engine.syncNow();
    expect((await victim.db.projects.get(p.id))?.name).toBe('Nahwärme v3');
    expect((await victim.sdb.state.get(p.id))?.version).toBe(3);
    return { server, victim, id: p.id };
  }

  it('refuses genuine version 1 served while version 4 is listed: v3 stays, the user is alerted', async () => {
    const { server, victim, id } = await victimAtV3();
    server.listLie = (m) => ({ ...m, version: 4 });
    server.serveLie = () => server.history.get(id)![0];
    const status = await victim.engine.syncNow();
    expect((await victim.db.projects.get(id))?.name).toBe('Nahwärme v3');
    expect((await victim.sdb.state.get(id))?.version).toBe(3);
    expect(status.state).toBe('conflict');
    const [alert] = await victim.sdb.conflicts.toArray();
    expect(alert).toMatchObject({
      kind: 'rollback',
      projectId: id,
      serverVersion: 1,
      copyName: 'Nahwärme v3',
    });
  });

  it('refuses a version whose authenticated version differs from the listed and served one', async () => {
    const { server, victim, id } = await victimAtV3();
    const v1 = server.history.get(id)![0];
    server.listLie = (m) => ({ ...m, version: 4 });
    server.serveLie = () => ({ meta: { ...v1.meta, version: 4 }, envelope: v1.envelope });
    const status = await victim.engine.syncNow();
    expect((await victim.db.projects.get(id))?.name).toBe('Nahwärme v3');
    expect(status.state).toBe('conflict');
    expect((await victim.sdb.conflicts.toArray()).map((c) => c.kind)).toEqual(['unauthentic']);
  });

  it('refuses a listing below the highest version seen, also after the sync state is gone', async () => {
    const { server, victim, id } = await victimAtV3();
    server.history.set(id, server.history.get(id)!.slice(0, 1));
    await victim.sdb.state.delete(id); // e.g. left and shared again: the seen version remains
    const status = await victim.engine.syncNow();
    expect((await victim.db.projects.get(id))?.name).toBe('Nahwärme v3');
    expect(status.state).toBe('conflict');
    expect(await victim.sdb.conflicts.toArray()).toMatchObject([
      { kind: 'rollback', serverVersion: 1, seenVersion: 3 },
    ]);
  });
});

describe('rollback by a malicious server, ETag (issue #15, finding 1)', () => {
  it('refuses a download whose ETag names another version than the listing and the body', async () => {
    const server = new HistoryServer();
    const author = client(server);
    const p = await createProject(author.db, 'Stand 1');
    await author.engine.syncNow();
    let lie = false;
    const victim = client(overHttp(server, (v) => `"${lie ? 1 : v}"`));
    await victim.engine.syncNow();
    await renameProject(author.db, p.id, 'Stand 2');
    await author.engine.syncNow();
    lie = true;
    const status = await victim.engine.syncNow();
    expect((await victim.db.projects.get(p.id))?.name).toBe('Stand 1');
    expect(status.state).toBe('conflict');
    expect((await victim.sdb.conflicts.toArray()).map((c) => c.kind)).toEqual(['rollback']);
    lie = false;
    await victim.engine.syncNow();
    expect((await victim.db.projects.get(p.id))?.name).toBe('Stand 2');
  });
});

describe('cross-project injection by a malicious team member (issue #15, finding 2)', () => {
  it('refuses a version of project A carrying records of project B: B untouched and not uploaded', async () => {
    const server = new HistoryServer();
    const victim = client(server);
    const a = await createProject(victim.db, 'Geteiltes Projekt A');
    const b = await createProject(victim.db, 'Eigenes Projekt B');
    const bScenario = {
      id: crypto.randomUUID(),
      projectId: b.id,
      name: 'B Basis',
      overrides: { '/x': 1 },
      createdAt: 1,
      updatedAt: 1,
    };
    await victim.db.scenarios.add(bScenario);
    await victim.engine.syncNow();
    const putsBefore = server.puts.filter((id) => id === b.id).length;
    const bBefore = JSON.stringify(await victim.db.scenarios.where('projectId').equals(b.id).toArray());

    // The attacker (holding the team key) writes version 2 of A with scenarios of B in it.
    const v1 = server.latest(a.id)!;
    const key = await unwrapProjectKey(v1.envelope.wrappedKey_b64, v1.envelope.keyId, team);
    const { plaintext } = await decryptProject(v1.envelope, a.id, 1, team, { tenantId: 't1' });
    const payload = JSON.parse(new TextDecoder().decode(plaintext)) as ProjectPayload;
    payload.scenarios.push(
      { ...bScenario, name: 'übernommen' },
      { ...bScenario, id: crypto.randomUUID(), name: 'eingeschleust' },
    );
    const crafted = new TextEncoder().encode(JSON.stringify(payload));
    server.store(a.id, await encryptProject(crafted, a.id, 2, key, team, 't1'));

    const status = await victim.engine.syncNow();
    await victim.engine.syncNow();
    expect(JSON.stringify(await victim.db.scenarios.where('projectId').equals(b.id).toArray())).toBe(bBefore);
    expect(await victim.db.scenarios.where('projectId').equals(a.id).count()).toBe(0);
    expect(server.puts.filter((id) => id === b.id).length).toBe(putsBefore);
    expect((await victim.sdb.state.get(a.id))?.version).toBe(1);
    expect(status.state).toBe('conflict');
    expect(await victim.sdb.conflicts.toArray()).toMatchObject([
      { kind: 'foreign', projectId: a.id, copyName: 'Geteiltes Projekt A' },
    ]);
  });

  it('refuses a record that claims project A but takes over the id of a record of project B', async () => {
    const server = new HistoryServer();
    const victim = client(server);
    const a = await createProject(victim.db, 'A');
    const b = await createProject(victim.db, 'B');
    const bSeries = {
      id: crypto.randomUUID(),
      projectId: b.id,
      name: 'Last B',
      unit: 'kW',
      resolution_min: 60,
      start: '2026-01-01T00:00:00Z',
      values: Float64Array.from([1, 2]),
      kind: 'demand' as const,
    };
    await victim.db.timeSeries.add(bSeries);
    await victim.engine.syncNow();
    const v1 = server.latest(a.id)!;
    const key = await unwrapProjectKey(v1.envelope.wrappedKey_b64, v1.envelope.keyId, team);
    const opened = await decryptProject(v1.envelope, a.id, 1, team, { tenantId: 't1' });
    const payload = JSON.parse(new TextDecoder().decode(opened.plaintext)) as ProjectPayload;
    payload.timeSeries.push({ ...bSeries, projectId: a.id, values: [9, 9] });
    server.store(
      a.id,
      await encryptProject(new TextEncoder().encode(JSON.stringify(payload)), a.id, 2, key, team, 't1'),
    );
    await victim.engine.syncNow();
    expect((await victim.db.timeSeries.get(bSeries.id))?.projectId).toBe(b.id);
    expect(Array.from((await victim.db.timeSeries.get(bSeries.id))!.values)).toEqual([1, 2]);
    expect((await victim.sdb.conflicts.toArray()).map((c) => c.kind)).toEqual(['foreign']);
  });
});

describe('envelope format 2 (issue #15, finding 2: AAD)', () => {
  it('binds project, tenant, key id and version; reads legacy format 1 until format 2 was seen', async () => {
    const key = await createProjectKey();
    const bytes = new TextEncoder().encode('plan');
    const env = await encryptProject(bytes, 'p1', 3, key, team, 't1');
    expect(env.formatVersion).toBe(2);
    expect(
      new TextDecoder().decode((await decryptProject(env, 'p1', 3, team, { tenantId: 't1' })).plaintext),
    ).toBe('plan');
    await expect(decryptProject(env, 'p1', 3, team, { tenantId: 't2' })).rejects.toMatchObject({
      code: 'unauthentic',
    });
    await expect(decryptProject(env, 'p2', 3, team, { tenantId: 't1' })).rejects.toThrow(
      /does not authenticate/,
    );
    await expect(decryptProject(env, 'p1', 2, team, { tenantId: 't1' })).rejects.toThrow(
      /does not authenticate/,
    );

    const legacy = await legacyEnvelope(bytes, 'p1', 3, key);
    expect((await decryptProject(legacy, 'p1', 3, team)).formatVersion).toBe(1);
    await expect(decryptProject(legacy, 'p1', 3, team, { acceptLegacy: false })).rejects.toMatchObject({
      code: 'unauthentic',
    });
  });

  it('refuses a format-1 version of a project once format 2 was seen (downgrade)', async () => {
    const server = new HistoryServer();
    const author = client(server);
    const p = await createProject(author.db, 'Format 2');
    await author.engine.syncNow();
    const victim = client(server);
    await victim.engine.syncNow();
    const v1 = server.latest(p.id)!;
    const key = await unwrapProjectKey(v1.envelope.wrappedKey_b64, v1.envelope.keyId, team);
    const opened = await decryptProject(v1.envelope, p.id, 1, team, { tenantId: 't1' });
    const payload = JSON.parse(new TextDecoder().decode(opened.plaintext)) as ProjectPayload;
    payload.project.name = 'Format 1';
    server.store(p.id, await legacyEnvelope(new TextEncoder().encode(JSON.stringify(payload)), p.id, 2, key));
    const status = await victim.engine.syncNow();
    expect((await victim.db.projects.get(p.id))?.name).toBe('Format 2');
    expect(status.state).toBe('conflict');
    expect((await victim.sdb.conflicts.toArray()).map((c) => c.kind)).toEqual(['unauthentic']);
  });

  it('still downloads a project that only exists as format 1', async () => {
    const server = new HistoryServer();
    const id = crypto.randomUUID();
    const payload: ProjectPayload = {
      formatVersion: 1,
      project: { id, name: 'Alt', createdAt: 1, updatedAt: 1, document: {} },
      scenarios: [],
      timeSeries: [],
    };
    const bytes = new TextEncoder().encode(JSON.stringify(payload));
    server.store(id, await legacyEnvelope(bytes, id, 1, await createProjectKey()));
    const victim = client(server);
    expect((await victim.engine.syncNow()).state).toBe('idle');
    expect((await victim.db.projects.get(id))?.name).toBe('Alt');
    expect(await victim.sdb.seen.get(id)).toMatchObject({ version: 1, format: 1 });
  });
});
