// @vitest-environment node
/// <reference types="node" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncHttpRequest, SyncHttpResponse } from '../../../contracts';
import type { EncryptedEnvelope } from '../../../contracts';
import {
  AdminError,
  eraseTenant,
  eraseUser,
  exportAudit,
  listAudit,
  verifyAuditChain,
  type AuditEntry,
} from './admin';
import type { SyncSender } from './transport';

/**
 * The admin client against the real server (server/: Fastify, PGlite, JWT verification against an
 * Entra-shaped oidc-provider), through the desktop shell's own request proxy
 * (electron/src/auth/api.ts: its path allow-list, X-Confirm-Tenant and X-Audit-Chain). Both are
 * loaded at run time, so the renderer's type check compiles neither; the shapes used are declared.
 */
interface Harness {
  startTestServer(): Promise<{
    url: string;
    entra: { oidOf(tid: string, persona: string): string };
    token(tid: string, persona: string): Promise<string>;
    call(
      method: string,
      path: string,
      opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
    ): Promise<Response>;
    close(): Promise<void>;
  }>;
  envelope(size_bytes?: number, keyId?: string): EncryptedEnvelope;
  TENANT_A: string;
}
interface ShellProxy {
  parseSyncRequest(channel: string, v: unknown): SyncHttpRequest;
  sendSyncRequest(
    auth: {
      accessToken(opts: {
        forceRefresh?: boolean;
      }): Promise<{ token: string; expiresAt: number; serverUrl: string } | null>;
    },
    req: SyncHttpRequest,
  ): Promise<SyncHttpResponse>;
}

const HARNESS = '../../../server/src/testing/harness';
const SHELL = '../../../electron/src/auth/api';
let s: Awaited<ReturnType<Harness['startTestServer']>>;
let harness: Harness;
let shell: ShellProxy;

beforeAll(async () => {
  harness = (await import(/* @vite-ignore */ HARNESS)) as Harness;
  shell = (await import(/* @vite-ignore */ SHELL)) as ShellProxy;
  s = await harness.startTestServer();
}, 60_000);

afterAll(async () => {
  await s?.close();
});

/** What the renderer's platform/auth does in the desktop app: the main process checks and sends. */
async function senderFor(persona: string): Promise<SyncSender & { sent: SyncHttpRequest[] }> {
  const token = await s.token(harness.TENANT_A, persona);
  const sent: SyncHttpRequest[] = [];
  const send = async (req: SyncHttpRequest) => {
    sent.push(req);
    const checked = shell.parseSyncRequest('werkplan:sync-request', req);
    return shell.sendSyncRequest(
      { accessToken: async () => ({ token, expiresAt: Date.now() + 3_600_000, serverUrl: s.url }) },
      checked,
    );
  };
  return Object.assign(send, { sent });
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AdminError);
  return (e as AdminError).kind;
}

describe('admin client against the real server', () => {
  it('reads the audit log page by page, erases a user with MFA, and is refused without MFA or role', async () => {
    const tid = harness.TENANT_A;
    const aliceOid = s.entra.oidOf(tid, 'alice');
    const alice = await s.token(tid, 'alice');
    // Alice owns one project (two versions) alone and has stored a wrapped team key.
    const content = harness.envelope();
    const put1 = await s.call('PUT', '/v1/projects/p-alice', {
      token: alice,
      body: { envelope: content },
      headers: { 'if-none-match': '*' },
    });
    expect(put1.status).toBe(201);
    const put2 = await s.call('PUT', '/v1/projects/p-alice', {
      token: alice,
      body: { envelope: harness.envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(put2.status).toBe(200);
    expect(
      (await s.call('PUT', '/v1/keys/team-1', { token: alice, body: { envelope: harness.envelope(40) } }))
        .status,
    ).toBe(200);
    // Bob owns a project and shares it with Alice as editor: it stays, only her membership goes.
    const bob = await s.token(tid, 'bob');
    expect(
      (
        await s.call('PUT', '/v1/projects/p-shared', {
          token: bob,
          body: { envelope: harness.envelope() },
          headers: { 'if-none-match': '*' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await s.call('PUT', `/v1/projects/p-shared/members/${aliceOid}`, {
          token: bob,
          body: { access: 'editor' },
        })
      ).status,
    ).toBeLessThan(300);

    const noMfa = await senderFor('adminNoMfa');
    const member = await senderFor('bob');
    const admin = await senderFor('admin');

    // Refused without MFA (the Administrator role alone is not enough) and without the role.
    expect(await kindOf(listAudit(noMfa))).toBe('mfa');
    expect(await kindOf(exportAudit(noMfa))).toBe('mfa');
    expect(await kindOf(eraseUser(noMfa, aliceOid))).toBe('mfa');
    expect(await kindOf(eraseTenant(noMfa, tid))).toBe('mfa');
    expect(await kindOf(listAudit(member))).toBe('role');
    expect(await kindOf(eraseUser(member, aliceOid))).toBe('role');
    expect((await s.call('GET', '/v1/projects/p-alice', { token: alice })).status).toBe(200);

    // Page by page (3 entries each) until a short page; the pages form one unbroken chain.
    const all: AuditEntry[] = [];
    for (let after = 0, pages = 0; ; pages++) {
      expect(pages).toBeLessThan(50);
      const page = await listAudit(admin, { after, limit: 3 });
      all.push(...page.entries);
      if (page.next === null) break;
      after = page.next;
    }
    expect(all.map((e) => e.n)).toEqual(all.map((_, i) => i + 1));
    expect(await verifyAuditChain(all)).toMatchObject({ ok: true, cursor: { n: all.length } });
    const actions = all.map((e) => e.action);
    expect(actions).toContain('project.create');
    expect(actions).toContain('project.update');
    expect(actions).toContain('key.put');
    const denials = all
      .filter((e) => e.action === 'access.denied')
      .map((e) => JSON.parse(e.details) as { why: string });
    expect(denials.filter((d) => d.why === 'mfa')).toHaveLength(4);
    expect(denials.filter((d) => d.why === 'role')).toHaveLength(2);
    expect(admin.sent[0]).toEqual({ method: 'GET', path: '/admin/audit?after=0&limit=3' });

    // Erasure with MFA: the sole-owned project with both versions, the key, the shared membership
    // and her entry in the user directory (made when her token was first used).
    expect(await eraseUser(admin, aliceOid)).toEqual({
      userId: aliceOid,
      projects: 1,
      versions: 2,
      keys: 1,
      memberships: 1,
      directory: 1,
    });
    expect((await s.call('GET', '/v1/projects/p-alice', { token: alice })).status).toBe(404);
    expect((await s.call('GET', '/v1/projects/p-shared', { token: alice })).status).not.toBe(200);
    expect((await s.call('GET', '/v1/projects/p-shared', { token: bob })).status).toBe(200);
    expect(await eraseUser(admin, aliceOid)).toMatchObject({
      projects: 0,
      versions: 0,
      keys: 0,
      memberships: 0,
    });

    // The export holds everything, the erasure included, and the server reports the chain intact.
    const exported = await exportAudit(admin);
    expect(exported.chain).toEqual({ state: 'verified' });
    expect(exported.tenantId).toBe(tid);
    const lines = exported.ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(lines).toHaveLength(exported.entries);
    expect(await verifyAuditChain(lines)).toMatchObject({ ok: true });
    const erase = lines.find((e) => e.action === 'admin.user-erase' && e.target === aliceOid);
    expect(erase?.actorId).toBe(s.entra.oidOf(tid, 'admin'));
    expect(JSON.parse(erase!.details)).toEqual({
      projects: 1,
      versions: 2,
      keys: 1,
      memberships: 1,
      directory: 1,
    });
    // Audit entries carry ids and counts, never content.
    expect(exported.ndjson).toContain('p-alice');
    expect(exported.ndjson).not.toContain(content.ciphertext_b64.slice(0, 24));
  }, 60_000);

  it('erases the tenant only with its own id as confirmation', async () => {
    const tid = harness.TENANT_A;
    const bob = await s.token(tid, 'bob');
    expect(
      (
        await s.call('PUT', '/v1/projects/p-bob', {
          token: bob,
          body: { envelope: harness.envelope() },
          headers: { 'if-none-match': '*' },
        })
      ).status,
    ).toBe(201);
    const admin = await senderFor('admin');
    expect(await kindOf(eraseTenant(admin, 'bbbbbbbb-0000-4000-8000-00000000000b'))).toBe('confirm');
    expect((await s.call('GET', '/v1/projects/p-bob', { token: bob })).status).toBe(200);
    const r = await eraseTenant(admin, tid);
    // p-bob and p-shared from the first test, one version each; the directory still holds bob,
    // adminNoMfa and admin (alice's entry went with her erasure, her token is not used again).
    expect(r).toEqual({ tenantId: tid, projects: 2, versions: 2, keys: 0, directory: 3 });
    expect(admin.sent.at(-1)).toEqual({ method: 'DELETE', path: '/admin/tenant', confirmTenant: tid });
    expect((await s.call('GET', '/v1/projects/p-bob', { token: bob })).status).toBe(404);
    // The audit chain remains and records the erasure.
    const exported = await exportAudit(admin);
    expect(exported.chain).toEqual({ state: 'verified' });
    expect(exported.ndjson).toContain('"action":"admin.tenant-erase"');
  }, 60_000);
});
