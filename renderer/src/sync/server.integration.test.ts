// @vitest-environment node
/// <reference types="node" />
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GetProjectResponse } from '../../../contracts';
import { createProject, deleteProject, renameProject } from '../db/projects';
import { openDb } from '../db/schema';
import { createTeamKey, teamCipher, type TeamKey } from '../../../contracts';
import { openSyncDb } from './db';
import { SyncEngine } from './engine';
import { fetchSender, HttpSyncTransport } from './transport';

/**
 * The sync engine against the real server (server/: Fastify, PGlite, JWT verification against an
 * Entra-shaped oidc-provider). Loaded at run time, so the renderer's type check does not compile
 * the server; the shape used here is declared below.
 */
interface Harness {
  startTestServer(): Promise<{
    url: string;
    token(tid: string, persona: string): Promise<string>;
    call(method: string, path: string, opts?: { token?: string; body?: unknown }): Promise<Response>;
    entra: { oidOf(tid: string, persona: string): string };
    close(): Promise<void>;
  }>;
  TENANT_A: string;
}

const HARNESS = '../../../server/src/testing/harness';
let s: Awaited<ReturnType<Harness['startTestServer']>>;
let harness: Harness;
let team: TeamKey;

beforeAll(async () => {
  harness = (await import(/* @vite-ignore */ HARNESS)) as Harness;
  s = await harness.startTestServer();
  team = (await createTeamKey('Real-Server-Team-2026')).teamKey;
}, 60_000);

afterAll(async () => {
  await s?.close();
});

let n = 0;
async function device(persona = 'alice') {
  n++;
  const token = await s.token(harness.TENANT_A, persona);
  const db = openDb(`real-app-${n}`);
  const syncDb = openSyncDb(`real-sync-${n}`);
  const transport = new HttpSyncTransport(fetchSender(s.url, async () => token));
  const engine = new SyncEngine({
    db,
    syncDb,
    transport,
    teamKey: () => teamCipher(team),
    userId: () => s.entra.oidOf(harness.TENANT_A, persona),
  });
  return { db, syncDb, engine, token, transport };
}

describe('sync engine against the real server', () => {
  it('uploads encrypted, a second device downloads, concurrent edits end as version + conflict copy', async () => {
    const a = await device();
    const b = await device();
    const p = await createProject(a.db, 'Wärmenetz Bahnhofsviertel');
    expect(await a.engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 });

    const stored = (await (
      await s.call('GET', `/v1/projects/${p.id}`, { token: a.token })
    ).json()) as GetProjectResponse;
    expect(stored.meta.version).toBe(1);
    expect(JSON.stringify(stored)).not.toContain('Bahnhofsviertel');

    await b.engine.syncNow();
    expect((await b.db.projects.get(p.id))?.name).toBe('Wärmenetz Bahnhofsviertel');

    await renameProject(a.db, p.id, 'Wärmenetz Bahnhofsviertel – Trasse Nord');
    await renameProject(b.db, p.id, 'Wärmenetz Bahnhofsviertel – Trasse Süd');
    await a.engine.syncNow();
    const sb = await b.engine.syncNow();
    expect(sb.conflicts).toBe(1);
    await a.engine.syncNow();
    for (const d of [a, b]) {
      const names = (await d.db.projects.toArray()).map((x) => x.name).sort();
      expect(names).toHaveLength(2);
      expect(names[0]).toBe('Wärmenetz Bahnhofsviertel – Trasse Nord');
      expect(names[1]).toMatch(
        /^Wärmenetz Bahnhofsviertel – Trasse Süd \(Konflikt \d{4}-\d\d-\d\d \d\d:\d\d\)$/,
      );
    }
    const list = (await (await s.call('GET', '/v1/projects', { token: a.token })).json()) as {
      projects: { id: string; version: number }[];
    };
    expect(list.projects).toHaveLength(2);
    expect(list.projects.find((x) => x.id === p.id)?.version).toBe(2);
  }, 60_000);

  it('shares, a member leaves, the owner deletes everywhere; the other device keeps its copy, marked gone', async () => {
    const a = await device('alice');
    const a2 = await device('alice');
    const b = await device('bob');
    const bobId = s.entra.oidOf(harness.TENANT_A, 'bob');
    const p = await createProject(a.db, 'Nahwärme Schulzentrum');
    await a.engine.syncNow();
    await a2.engine.syncNow();
    expect(await a2.syncDb.state.get(p.id)).toMatchObject({ access: 'owner' });

    // Shared with bob as editor through the sharing API; his device downloads it.
    await a.transport.setMember(p.id, bobId, 'editor');
    expect((await a.transport.members(p.id)).map((m) => [m.userId, m.access])).toEqual([
      [s.entra.oidOf(harness.TENANT_A, 'alice'), 'owner'],
      [bobId, 'editor'],
    ]);
    await b.engine.syncNow();
    expect(await b.syncDb.state.get(p.id)).toMatchObject({ access: 'editor' });
    expect((await b.db.projects.get(p.id))?.name).toBe('Nahwärme Schulzentrum');

    // Bob leaves: his membership goes, the project stays for alice.
    await b.engine.remove(p.id, 'leave', () => deleteProject(b.db, p.id));
    expect(await b.engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect((await a.transport.members(p.id)).map((m) => m.userId)).not.toContain(bobId);
    expect(await b.db.projects.count()).toBe(0);
    expect(await b.syncDb.state.get(p.id)).toBeUndefined();

    // Alice deletes it everywhere from one device.
    await a.engine.remove(p.id, 'delete', () => deleteProject(a.db, p.id));
    expect(await a.engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect((await s.call('GET', `/v1/projects/${p.id}`, { token: a.token })).status).toBe(404);
    expect(await a.syncDb.state.get(p.id)).toBeUndefined();

    // Her other device had it: kept, marked as no longer on the server, not uploaded again.
    expect(await a2.engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect((await a2.db.projects.get(p.id))?.name).toBe('Nahwärme Schulzentrum');
    expect((await a2.syncDb.state.get(p.id))?.goneAt).toBeGreaterThan(0);
    await renameProject(a2.db, p.id, 'Nahwärme Schulzentrum (lokal)');
    await a2.engine.syncNow();
    expect((await s.call('GET', `/v1/projects/${p.id}`, { token: a.token })).status).toBe(404);
  }, 60_000);
});
