import { describe, expect, it, vi } from 'vitest';
import type { SyncHttpRequest, SyncHttpResponse } from '../../../contracts';
import {
  AdminError,
  auditEntryHash,
  CHAIN_START,
  eraseTenant,
  eraseUser,
  exportAudit,
  listAudit,
  parseAuditChain,
  verifyAuditChain,
  type AuditEntry,
} from './admin';
import type { SyncSender } from './transport';

const ok = (body: unknown, extra: Partial<SyncHttpResponse> = {}): SyncHttpResponse => ({
  status: 200,
  etag: null,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...extra,
});
const fail = (status: number, error: string, message = ''): SyncHttpResponse => ({
  status,
  etag: null,
  body: JSON.stringify({ error, message }),
});

/** A sender that records requests and answers from a queue. */
function fakeSender(...answers: SyncHttpResponse[]) {
  const requests: SyncHttpRequest[] = [];
  const send: SyncSender = vi.fn(async (r: SyncHttpRequest) => {
    requests.push(r);
    const a = answers.shift();
    if (!a) throw new Error('no answer queued');
    return a;
  });
  return { send, requests };
}

// Two chained entries whose hashes were computed by hand with sha256sum (see the strings below):
// printf '%s' '<prevHash>|["t1",1,"2026-11-24T13:05:09.000Z","u1","sign-in",null,"ok","{\"mfa\":true}"]' | sha256sum
const E1: AuditEntry = {
  tenantId: 't1',
  n: 1,
  at: '2026-11-24T13:05:09.000Z',
  actorId: 'u1',
  action: 'sign-in',
  target: null,
  outcome: 'ok',
  details: '{"mfa":true}',
  prevHash: '0'.repeat(64),
  hash: 'aa510b81525d6e0ca3a8eddd73d4a516e34db0afd184eae1455b7f2577487357',
};
const E2: AuditEntry = {
  tenantId: 't1',
  n: 2,
  at: '2026-11-24T13:06:00.000Z',
  actorId: 'u1',
  action: 'admin.user-erase',
  target: 'u2',
  outcome: 'ok',
  details: '{"keys":1,"memberships":2,"projects":1,"versions":3}',
  prevHash: E1.hash,
  hash: '2ec207b9601aeebc107cca4a423d3ca1107171b5a4b45a475a55b4e9f09ae6af',
};

async function rejection(p: Promise<unknown>): Promise<AdminError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AdminError);
  return e as AdminError;
}

describe('admin client: audit log', () => {
  it('reads a page with after= and limit=, and names the next page only when the page was full', async () => {
    const { send, requests } = fakeSender(ok({ entries: [E1, E2] }), ok({ entries: [E2] }));
    expect(await listAudit(send, { limit: 2 })).toEqual({ entries: [E1, E2], next: 2, checkpoint: null });
    expect(await listAudit(send, { after: 1, limit: 2 })).toEqual({
      entries: [E2],
      next: null,
      checkpoint: null,
    });
    expect(requests).toEqual([
      { method: 'GET', path: '/admin/audit?after=0&limit=2' },
      { method: 'GET', path: '/admin/audit?after=1&limit=2' },
    ]);
  });

  it('after retention, checks the chain from the checkpoint the server names (entry 1 pruned)', async () => {
    const { send } = fakeSender(ok({ entries: [E2], checkpoint: { n: 1, hash: E1.hash } }));
    const page = await listAudit(send, { limit: 10 });
    expect(page.checkpoint).toEqual({ n: 1, hash: E1.hash });
    expect(await verifyAuditChain(page.entries, page.checkpoint!)).toEqual({
      ok: true,
      cursor: { n: 2, hash: E2.hash },
    });
    expect((await verifyAuditChain(page.entries)).ok).toBe(false);
  });

  it('refuses page sizes the server would refuse, before sending', async () => {
    const { send } = fakeSender();
    await expect(listAudit(send, { limit: 1001 })).rejects.toThrow(RangeError);
    await expect(listAudit(send, { after: -1 })).rejects.toThrow(RangeError);
    expect(send).not.toHaveBeenCalled();
  });

  it('tells "MFA required" from "not an Administrator" by the 403 body', async () => {
    const { send } = fakeSender(
      fail(403, 'mfa_required', 'Administrative actions require multi-factor authentication'),
      fail(403, 'forbidden', 'Administrator role required'),
    );
    const mfa = await rejection(listAudit(send));
    expect(mfa.kind).toBe('mfa');
    expect(mfa.status).toBe(403);
    expect(mfa.message).toContain('multi-factor');
    expect((await rejection(listAudit(send))).kind).toBe('role');
  });

  it('maps 401, signed out, network, busy server and a cut-off body', async () => {
    const { send } = fakeSender(
      fail(401, 'unauthorized', 'Token expired'),
      { status: 0, etag: null, body: '', signedOut: true, error: 'not signed in' },
      { status: 0, etag: null, body: '', error: 'fetch failed (ECONNREFUSED)' },
      fail(503, 'unavailable'),
      fail(429, 'rate_limited'),
      ok('{"entries":[{"tenantId":"t1"'),
      ok({ entries: [{ n: 1 }] }),
    );
    expect((await rejection(listAudit(send))).kind).toBe('auth');
    expect((await rejection(listAudit(send))).kind).toBe('auth');
    const net = await rejection(listAudit(send));
    expect(net.kind).toBe('network');
    expect(net.message).toContain('ECONNREFUSED');
    expect((await rejection(listAudit(send))).kind).toBe('server');
    expect((await rejection(listAudit(send))).kind).toBe('server');
    expect((await rejection(listAudit(send))).kind).toBe('network');
    expect((await rejection(listAudit(send))).kind).toBe('unexpected');
  });

  it('a sender that throws (the shell refused the request) becomes an AdminError', async () => {
    const send: SyncSender = async () => {
      throw new Error('werkplan:sync-request: invalid payload: path must be a sync API path');
    };
    const e = await rejection(listAudit(send));
    expect(e.kind).toBe('unexpected');
    expect(e.message).toContain('invalid payload');
  });

  it('exports NDJSON and reads the chain result', async () => {
    const body = `${JSON.stringify(E1)}\n${JSON.stringify(E2)}\n`;
    const { send, requests } = fakeSender(
      ok(body, { auditChain: 'verified' }),
      ok(body, { auditChain: 'broken-at-2' }),
      ok('', {}),
    );
    expect(await exportAudit(send)).toEqual({
      ndjson: body,
      entries: 2,
      tenantId: 't1',
      chain: { state: 'verified' },
    });
    expect((await exportAudit(send)).chain).toEqual({ state: 'broken', at: 2 });
    expect(await exportAudit(send)).toMatchObject({
      entries: 0,
      tenantId: null,
      chain: { state: 'unknown' },
    });
    expect(requests[0]).toEqual({ method: 'GET', path: '/admin/audit/export' });
  });

  it('parses X-Audit-Chain strictly', () => {
    expect(parseAuditChain('verified')).toEqual({ state: 'verified' });
    expect(parseAuditChain('broken-at-17')).toEqual({ state: 'broken', at: 17 });
    expect(parseAuditChain('broken-at-x')).toEqual({ state: 'unknown', raw: 'broken-at-x' });
    expect(parseAuditChain(undefined)).toEqual({ state: 'unknown', raw: null });
  });
});

describe('admin client: chain check', () => {
  it('recomputes the hand-computed hashes of two entries', async () => {
    const { hash: h1, ...r1 } = E1;
    const { hash: h2, ...r2 } = E2;
    expect(await auditEntryHash(r1)).toBe(h1);
    expect(await auditEntryHash(r2)).toBe(h2);
    expect(await verifyAuditChain([E1, E2])).toEqual({ ok: true, cursor: { n: 2, hash: E2.hash } });
  });

  it('continues across pages from a cursor', async () => {
    const first = await verifyAuditChain([E1], CHAIN_START);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await verifyAuditChain([E2], first.cursor)).toEqual({ ok: true, cursor: { n: 2, hash: E2.hash } });
  });

  it('finds a changed, a removed and a reordered entry', async () => {
    expect(await verifyAuditChain([E1, { ...E2, target: 'someone-else' }])).toEqual({
      ok: false,
      brokenAt: 2,
    });
    expect(await verifyAuditChain([{ ...E1, details: '{"mfa":false}' }, E2])).toEqual({
      ok: false,
      brokenAt: 1,
    });
    expect(await verifyAuditChain([E2])).toEqual({ ok: false, brokenAt: 2 });
    expect(await verifyAuditChain([E2, E1])).toEqual({ ok: false, brokenAt: 2 });
  });
});

describe('admin client: erasure', () => {
  it('erases a user by object id and returns the counts', async () => {
    const { send, requests } = fakeSender(
      ok({ userId: 'aaaaaaaa-alice', projects: 1, versions: 3, keys: 1, memberships: 2 }),
    );
    expect(await eraseUser(send, ' aaaaaaaa-alice ')).toEqual({
      userId: 'aaaaaaaa-alice',
      projects: 1,
      versions: 3,
      keys: 1,
      memberships: 2,
    });
    expect(requests).toEqual([{ method: 'DELETE', path: '/admin/users/aaaaaaaa-alice' }]);
  });

  it('refuses an id the server would not accept without sending, and maps refusals', async () => {
    const { send } = fakeSender(fail(403, 'mfa_required'), fail(403, 'forbidden'));
    expect((await rejection(eraseUser(send, '../tenant'))).kind).toBe('invalid');
    expect((await rejection(eraseUser(send, ''))).kind).toBe('invalid');
    expect(send).not.toHaveBeenCalled();
    expect((await rejection(eraseUser(send, 'u-1'))).kind).toBe('mfa');
    expect((await rejection(eraseUser(send, 'u-1'))).kind).toBe('role');
  });

  it('erases the tenant with X-Confirm-Tenant; a wrong confirmation is its own kind', async () => {
    const tid = 'aaaaaaaa-0000-4000-8000-00000000000a';
    const { send, requests } = fakeSender(
      fail(400, 'confirmation_required', 'Send X-Confirm-Tenant: <your tenant id> to erase the tenant'),
      ok({ tenantId: tid, projects: 4, versions: 9, keys: 3 }),
    );
    expect((await rejection(eraseTenant(send, 'bbbbbbbb-0000-4000-8000-00000000000b'))).kind).toBe('confirm');
    expect(await eraseTenant(send, tid)).toEqual({ tenantId: tid, projects: 4, versions: 9, keys: 3 });
    expect(requests[1]).toEqual({ method: 'DELETE', path: '/admin/tenant', confirmTenant: tid });
    expect((await rejection(eraseTenant(send, ''))).kind).toBe('confirm');
    expect(requests).toHaveLength(2);
  });

  it('passes on the user-directory count of servers that report it', async () => {
    const { send } = fakeSender(
      ok({ userId: 'u', projects: 0, versions: 0, keys: 0, memberships: 0, directory: 1 }),
      ok({ tenantId: 't', projects: 1, versions: 2, keys: 3, directory: 4 }),
      ok({ userId: 'u', projects: 0, versions: 0, keys: 0, memberships: 0, directory: 'x' }),
    );
    expect(await eraseUser(send, 'u')).toEqual({
      userId: 'u',
      projects: 0,
      versions: 0,
      keys: 0,
      memberships: 0,
      directory: 1,
    });
    expect(await eraseTenant(send, 't')).toEqual({
      tenantId: 't',
      projects: 1,
      versions: 2,
      keys: 3,
      directory: 4,
    });
    expect((await rejection(eraseUser(send, 'u'))).kind).toBe('unexpected');
  });

  it('an unexpected success body is not taken for a result', async () => {
    const { send } = fakeSender(
      ok({ userId: 'u' }),
      ok({ tenantId: 't', projects: -1, versions: 0, keys: 0 }),
    );
    expect((await rejection(eraseUser(send, 'u'))).kind).toBe('unexpected');
    expect((await rejection(eraseTenant(send, 't'))).kind).toBe('unexpected');
  });
});
