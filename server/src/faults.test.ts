/**
 * Fault cases of issue #7: an upload cut off (and the server killed) mid-body, the database going
 * away and coming back, and concurrent writers. Afterwards every acknowledged edit exists as a
 * version or as a conflict copy, and nothing half-written is visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BlobMeta, ConflictResponse, EncryptedEnvelope, GetProjectResponse } from '../../contracts';
import { buildApp } from './app';
import { PgliteDb, PostgresDb } from './db';
import { API_AUDIENCE, startFakeEntra, type FakeEntra } from './testing/entra';
import { spawnServer } from './testing/child';
import {
  envelope,
  freshDatabase,
  startTestServer,
  TENANT_A,
  TENANT_B,
  testConfig,
  testPgUrl,
  type TestServer,
} from './testing/harness';
import { startTcpProxy } from './testing/tcp-proxy';
import { startPgCluster } from './testing/pgcluster';

const json = async <T>(res: Response) => (await res.json()) as T;

async function put(
  base: string,
  token: string,
  id: string,
  e: EncryptedEnvelope,
  precondition: Record<string, string>,
) {
  return fetch(`${base}/v1/projects/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...precondition },
    body: JSON.stringify({ envelope: e }),
  });
}
const get = (base: string, token: string, p: string) =>
  fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });

/** Sends the headers and `fraction` of a PUT body over a raw socket and returns the open socket. */
async function partialPut(
  base: string,
  token: string,
  id: string,
  e: EncryptedEnvelope,
  version: number,
  fraction: number,
) {
  const url = new URL(base);
  const body = Buffer.from(JSON.stringify({ envelope: e }));
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.on('error', () => {});
  socket.write(
    `PUT /v1/projects/${id} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\nIf-Match: "${version}"\r\nContent-Length: ${body.length}\r\n\r\n`,
  );
  socket.write(body.subarray(0, Math.floor(body.length * fraction)));
  await new Promise((r) => setTimeout(r, 150));
  return socket;
}

describe('upload cut off mid-body', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a client that disconnects mid-body leaves nothing half-written; the server carries on', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const e1 = envelope(1000);
    expect((await put(s.url, alice, 'p-cut', e1, { 'if-none-match': '*' })).status).toBe(201);
    const socket = await partialPut(s.url, alice, 'p-cut', envelope(200_000), 1, 0.5);
    socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const now = await json<GetProjectResponse>(await get(s.url, alice, '/v1/projects/p-cut'));
    expect(now.meta.version).toBe(1);
    expect(now.envelope).toEqual(e1);
    expect(
      (await json<{ versions: BlobMeta[] }>(await get(s.url, alice, '/v1/projects/p-cut/versions'))).versions,
    ).toHaveLength(1);
    expect((await put(s.url, alice, 'p-cut', envelope(), { 'if-match': '"1"' })).status).toBe(200);
  });
});

describe('server process killed mid-upload (SIGKILL, then restarted on the same database)', () => {
  let entra: FakeEntra;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    entra = await startFakeEntra([TENANT_A]);
    env = {
      AUTH_AUDIENCE: API_AUDIENCE,
      AUTH_ALLOWED_TENANTS: TENANT_A,
      AUTH_ISSUER_TEMPLATE: entra.issuerTemplate,
      AUTH_JWKS_URI_TEMPLATE: entra.jwksUriTemplate,
      AUTH_CLOCK_TOLERANCE_S: '0',
    };
    if (testPgUrl()) {
      const fresh = await freshDatabase();
      await fresh.db.close();
      env.DATABASE_URL = fresh.url!;
      cleanup = fresh.drop;
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'werkplan-pglite-'));
      env.PGLITE_DIR = dir;
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await entra?.close();
    await cleanup?.();
  });

  it('keeps the last committed version and accepts the retried write after restart', async () => {
    const alice = await entra.token(TENANT_A, 'alice');
    const first = await spawnServer(env);
    const e1 = envelope(1000);
    try {
      expect((await put(first.url, alice, 'p-kill', e1, { 'if-none-match': '*' })).status).toBe(201);
      const socket = await partialPut(first.url, alice, 'p-kill', envelope(300_000), 1, 0.6);
      await first.kill();
      socket.destroy();
    } finally {
      await first.kill();
    }
    const second = await spawnServer(env);
    try {
      const now = await json<GetProjectResponse>(await get(second.url, alice, '/v1/projects/p-kill'));
      expect(now.meta.version).toBe(1);
      expect(now.envelope).toEqual(e1);
      const retry = envelope(300_000);
      expect((await put(second.url, alice, 'p-kill', retry, { 'if-match': '"1"' })).status).toBe(200);
      expect(
        (await json<GetProjectResponse>(await get(second.url, alice, '/v1/projects/p-kill'))).envelope,
      ).toEqual(retry);
    } finally {
      await second.kill();
    }
  });
});

describe('database restart', () => {
  it('answers 503 while the database is away and serves every acknowledged write when it is back', async () => {
    const entra = await startFakeEntra([TENANT_A, TENANT_B]);
    const config = testConfig(entra);
    const alice = await entra.token(TENANT_A, 'alice');
    const base = testPgUrl();
    if (base) {
      // Real PostgreSQL behind a TCP proxy: down() drops every connection, like a restart does.
      const fresh = await freshDatabase();
      await fresh.db.close();
      const target = new URL(fresh.url!);
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      const viaProxy = new URL(fresh.url!);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      const db = new PostgresDb(viaProxy.toString());
      const app = await buildApp({ config, db, logger: false });
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        expect((await put(url, alice, 'p-db', envelope(), { 'if-none-match': '*' })).status).toBe(201);
        proxy.down();
        expect((await put(url, alice, 'p-db', envelope(), { 'if-match': '"1"' })).status).toBe(503);
        expect((await fetch(`${url}/health`)).status).toBe(503);
        proxy.up();
        const e2 = envelope();
        expect((await put(url, alice, 'p-db', e2, { 'if-match': '"1"' })).status).toBe(200);
        expect((await fetch(`${url}/health`)).status).toBe(200);
        // The server side of a restart too: PostgreSQL terminates the sessions.
        await fresh.reopen().then(async (owner) => {
          await owner.owner((sql) =>
            sql.query(
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
            ),
          );
          await owner.close();
        });
        let status = 0;
        for (let i = 0; i < 3 && status !== 200; i++)
          status = (await put(url, alice, 'p-db', envelope(), { 'if-match': '"2"' })).status;
        expect(status).toBe(200);
        const versions = (
          await json<{ versions: BlobMeta[] }>(await get(url, alice, '/v1/projects/p-db/versions'))
        ).versions;
        expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
        expect(
          (await json<GetProjectResponse>(await get(url, alice, '/v1/projects/p-db/versions/2'))).envelope,
        ).toEqual(e2);
      } finally {
        await app.close();
        await db.close();
        await proxy.close();
        await fresh.drop();
        await entra.close();
      }
    } else {
      // PGlite: close the database under the running server, then reopen the same data directory.
      const dir = await mkdtemp(path.join(tmpdir(), 'werkplan-pglite-'));
      const db1 = await PgliteDb.open(dir);
      await db1.migrate();
      const app1 = await buildApp({ config, db: db1, logger: false });
      const url1 = await app1.listen({ port: 0, host: '127.0.0.1' });
      const e1 = envelope();
      try {
        expect((await put(url1, alice, 'p-db', e1, { 'if-none-match': '*' })).status).toBe(201);
        await db1.close();
        expect((await put(url1, alice, 'p-db', envelope(), { 'if-match': '"1"' })).status).toBe(503);
        expect((await fetch(`${url1}/health`)).status).toBe(503);
      } finally {
        await app1.close();
      }
      const db2 = await PgliteDb.open(dir);
      await db2.migrate();
      const app2 = await buildApp({ config, db: db2, logger: false });
      const url2 = await app2.listen({ port: 0, host: '127.0.0.1' });
      try {
        expect(
          (await json<GetProjectResponse>(await get(url2, alice, '/v1/projects/p-db'))).envelope,
        ).toEqual(e1);
        expect((await put(url2, alice, 'p-db', envelope(), { 'if-match': '"1"' })).status).toBe(200);
      } finally {
        await app2.close();
        await db2.close();
        await entra.close();
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});

/**
 * The database server itself goes down and comes back: `pg_ctl stop -m immediate` (a crash; the
 * start replays the WAL) and `pg_ctl stop -m fast` (an orderly restart or failover), on a private
 * cluster, while a client keeps writing with retries like the sync engine does. Needs the Debian
 * PostgreSQL binaries (README; .ci/run installs them): without them it fails and says so.
 */
describe('database server crashed and restarted (pg_ctl on a private cluster)', () => {
  it('refuses with 503 while it is down, recovers without a server restart, and every acknowledged write is a version', async () => {
    const cluster = await startPgCluster();
    const entra = await startFakeEntra([TENANT_A]);
    const db = new PostgresDb(cluster.url);
    await db.migrate();
    const app = await buildApp({ config: testConfig(entra), db, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const alice = await entra.token(TENANT_A, 'alice');
    try {
      const acknowledged = new Map<number, EncryptedEnvelope>();
      const sent: EncryptedEnvelope[] = [];
      const statuses: number[] = [];
      const first = envelope(512);
      expect((await put(url, alice, 'p-crash', first, { 'if-none-match': '*' })).status).toBe(201);
      acknowledged.set(1, first);
      let version = 1;
      /** One edit, retried like the sync engine: 503 or a broken connection → wait and resend. */
      const edit = async () => {
        const e = envelope(512);
        sent.push(e);
        for (;;) {
          const status = await put(url, alice, 'p-crash', e, { 'if-match': `"${version}"` })
            .then((r) => r.status)
            .catch(() => 0);
          statuses.push(status);
          if (status === 200) {
            acknowledged.set(++version, e);
            return;
          }
          if (status === 409) {
            // Committed before the connection broke: the server has it; continue from its version.
            const cur = await json<GetProjectResponse>(await get(url, alice, '/v1/projects/p-crash'));
            if (JSON.stringify(cur.envelope) === JSON.stringify(e)) {
              version = cur.meta.version;
              acknowledged.set(version, e);
              return;
            }
            throw new Error(`unexpected conflict at version ${cur.meta.version}`);
          }
          expect([0, 503]).toContain(status);
          await new Promise((r) => setTimeout(r, 200));
        }
      };
      for (let i = 0; i < 3; i++) await edit();

      for (const outage of ['crash', 'stop'] as const) {
        await (outage === 'crash' ? cluster.crash() : cluster.stop());
        expect((await fetch(`${url}/health`)).status).toBe(503);
        const down = await put(url, alice, 'p-crash', envelope(), { 'if-match': `"${version}"` });
        expect(down.status).toBe(503);
        expect(((await down.json()) as { error: string }).error).toBeTruthy();
        // An edit made while the database is away completes once it is back.
        const pending = edit();
        await new Promise((r) => setTimeout(r, 1_000));
        await cluster.start();
        await pending;
        expect((await fetch(`${url}/health`)).status).toBe(200);
        for (let i = 0; i < 2; i++) await edit();
      }

      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      const versions = (
        await json<{ versions: BlobMeta[] }>(await get(url, alice, '/v1/projects/p-crash/versions'))
      ).versions.map((v) => v.version);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, k) => k + 1));
      expect(versions.length).toBe(acknowledged.size);
      for (const [v, e] of acknowledged)
        expect(
          (await json<GetProjectResponse>(await get(url, alice, `/v1/projects/p-crash/versions/${v}`)))
            .envelope,
        ).toEqual(e);
      expect(sent.length + 1).toBe(acknowledged.size);
    } finally {
      await app.close();
      await db.close().catch(() => undefined);
      await entra.close();
      await cluster.destroy();
    }
  });
});

describe('concurrent writers', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('exactly one of several simultaneous writers wins; the others get 409 with the current meta and keep a conflict copy', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const bob = await s.token(TENANT_A, 'bob');
    const admin = await s.token(TENANT_A, 'admin');
    const writers = [alice, bob, admin];
    expect((await put(s.url, alice, 'p-race', envelope(), { 'if-none-match': '*' })).status).toBe(201);
    for (const persona of ['bob', 'admin'] as const)
      await s.call('PUT', `/v1/projects/p-race/members/${s.entra.oidOf(TENANT_A, persona)}`, {
        token: alice,
        body: { access: 'editor' },
      });

    const sent: EncryptedEnvelope[] = [];
    const copies: { id: string; token: string }[] = [];
    for (let round = 0; round < 8; round++) {
      const meta = (await json<GetProjectResponse>(await get(s.url, alice, '/v1/projects/p-race'))).meta;
      const mine = writers.map(() => envelope(2000));
      sent.push(...mine);
      const results = await Promise.all(
        writers.map((t, i) => put(s.url, t, 'p-race', mine[i], { 'if-match': `"${meta.version}"` })),
      );
      const statuses = results.map((r) => r.status);
      expect(
        statuses.filter((x) => x === 200),
        `round ${round}: ${statuses.join(',')}`,
      ).toHaveLength(1);
      expect(statuses.filter((x) => x === 409)).toHaveLength(writers.length - 1);
      for (let i = 0; i < results.length; i++) {
        if (results[i].status !== 409) continue;
        const conflict = await json<ConflictResponse>(results[i]);
        expect(conflict.current?.version).toBe(meta.version + 1);
        // What the client does: keep its edit as a conflict copy next to the winner.
        const copyId = `p-race-conflict-${round}-${i}`;
        expect((await put(s.url, writers[i], copyId, mine[i], { 'if-none-match': '*' })).status).toBe(201);
        copies.push({ id: copyId, token: writers[i] });
      }
    }
    const stored: string[] = [];
    const versions = (
      await json<{ versions: BlobMeta[] }>(await get(s.url, alice, '/v1/projects/p-race/versions'))
    ).versions;
    expect(versions).toHaveLength(1 + 8);
    for (const v of versions)
      stored.push(
        (await json<GetProjectResponse>(await get(s.url, alice, `/v1/projects/p-race/versions/${v.version}`)))
          .envelope.ciphertext_b64,
      );
    for (const c of copies)
      stored.push(
        (await json<GetProjectResponse>(await get(s.url, c.token, `/v1/projects/${c.id}`))).envelope
          .ciphertext_b64,
      );
    for (const e of sent) expect(stored).toContain(e.ciphertext_b64);
  });
});
