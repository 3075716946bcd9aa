/**
 * Findings of the attack run of issue #15 against the sync server: rate limiting before
 * authentication, refused tokens aggregated instead of one audit row each, proxy hops, an
 * unreachable key endpoint, app-only tokens and display names with control characters.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { createVerifier, KeysUnavailableError } from './auth';
import { readAudit } from './audit';
import { loadConfig, type ServerConfig } from './config';
import { SYSTEM_TENANT } from './errors';
import { rememberUser } from './repository';
import { API_AUDIENCE } from './testing/entra';
import { startTestServer, TENANT_A, testConfig, type TestServer } from './testing/harness';

let s: TestServer;
let alice: string;
const apps: FastifyInstance[] = [];
const servers: Server[] = [];
beforeAll(async () => {
  s = await startTestServer();
  alice = await s.token(TENANT_A, 'alice');
});
afterAll(async () => {
  for (const app of apps) await app.close();
  for (const srv of servers) {
    srv.closeAllConnections();
    await new Promise((r) => srv.close(r));
  }
  await s?.close();
});

/** A second server instance on the same database and identity provider, driven by inject. */
async function instance(overrides: Partial<ServerConfig> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(s.entra, overrides), db: s.db, logger: false });
  apps.push(app);
  return app;
}

/** Claims as Entra puts them in a delegated user token, signed with the provider's real key. */
async function signed(claims: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const all: Record<string, unknown> = {
    iss: s.entra.issuerTemplate.replace('{tid}', TENANT_A),
    aud: API_AUDIENCE,
    tid: TENANT_A,
    oid: 'hardening-user',
    iat: now,
    exp: now + 600,
    scp: 'access_as_user',
    roles: [],
    ...claims,
  };
  for (const k of Object.keys(all)) if (all[k] === undefined) delete all[k];
  return s.entra.signWithProviderKey(all);
}

async function refusals(tenant: string): Promise<{ reason: string }[]> {
  const entries = await s.db.tenant(tenant, (sql) => readAudit(sql, tenant));
  return entries
    .filter((e) => e.action === 'auth.refused')
    .map((e) => JSON.parse(e.details) as { reason: string });
}

async function refusedMetric(app: FastifyInstance): Promise<number> {
  const text = await app.metrics.registry.metrics();
  return text
    .split('\n')
    .filter((l) => l.startsWith('werkplan_auth_refused_total{'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

const unsigned = (t: string) => t.split('.').slice(0, 2).join('.') + '.';

describe('finding 1: unauthenticated requests', () => {
  it('refused and missing tokens count against the rate limit and get 429 with the error body', async () => {
    const app = await instance({ rateLimitPerMinute: 5 });
    const statuses: number[] = [];
    let body: { error?: string; message?: string } = {};
    for (let i = 0; i < 12; i++) {
      const res = await app.inject({
        method: 'GET',
        url: '/v1/projects',
        headers: i % 2 ? { authorization: `Bearer ${unsigned(alice)}` } : {},
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) body = res.json<typeof body>();
    }
    expect(statuses.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(statuses.slice(5).every((c) => c === 429)).toBe(true);
    expect(body.error).toBe('rate_limited');
    expect(body.message).toMatch(/at most 5 per minute/);
  });

  it('forged tokens write nothing into the tenant they claim, and are aggregated, not one row each', async () => {
    const app = await instance();
    const before = (await refusals(TENANT_A)).length;
    const systemBefore = (await refusals(SYSTEM_TENANT)).length;
    const forged = unsigned(alice);
    for (let i = 0; i < 60; i++) {
      const res = await app.inject({
        method: 'GET',
        url: '/v1/projects',
        headers: { authorization: `Bearer ${forged}` },
      });
      expect(res.statusCode).toBe(401);
    }
    expect((await refusals(TENANT_A)).length).toBe(before);
    expect((await refusals(SYSTEM_TENANT)).length - systemBefore).toBeLessThanOrEqual(1);
    expect(await refusedMetric(app)).toBe(60);
  });

  it('refusals of genuinely signed tokens are audited at most once per tenant, reason and window', async () => {
    const app = await instance();
    const now = Math.floor(Date.now() / 1000);
    const expired = await signed({ iat: now - 1200, exp: now - 600 });
    const before = (await refusals(TENANT_A)).filter((r) => r.reason === 'expired').length;
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({
        method: 'GET',
        url: '/v1/projects',
        headers: { authorization: `Bearer ${expired}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const after = (await refusals(TENANT_A)).filter((r) => r.reason === 'expired').length;
    expect(after - before).toBe(1);
  });
});

describe('finding 3: proxy hops', () => {
  it('TRUST_PROXY=true trusts one hop: a new X-Forwarded-For per request does not evade the rate limit', async () => {
    const trustProxy = loadConfig({
      AUTH_AUDIENCE: 'a',
      AUTH_ALLOWED_TENANTS: 't',
      TRUST_PROXY: 'true',
    }).trustProxy;
    const app = await instance({ rateLimitPerMinute: 5, trustProxy });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await app.inject({
        method: 'GET',
        url: '/v1/projects',
        remoteAddress: '10.0.0.7',
        // The client sends a new X-Forwarded-For each time; the ingress appends the address it saw.
        headers: { authorization: `Bearer ${alice}`, 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((c) => c === 429).length).toBe(5);
  });

  it('the address one hop in is the client: different clients behind the same ingress are apart', async () => {
    const app = await instance({ rateLimitPerMinute: 2, trustProxy: 1 });
    const call = (xff: string) =>
      app.inject({
        method: 'GET',
        url: '/v1/projects',
        remoteAddress: '10.0.0.7',
        headers: { authorization: `Bearer ${alice}`, 'x-forwarded-for': xff },
      });
    expect((await call('1.1.1.1, 203.0.113.1')).statusCode).toBe(200);
    expect((await call('2.2.2.2, 203.0.113.1')).statusCode).toBe(200);
    expect((await call('3.3.3.3, 203.0.113.1')).statusCode).toBe(429);
    expect((await call('203.0.113.2')).statusCode).toBe(200);
  });
});

describe('finding 4: identity provider key endpoint unavailable', () => {
  async function brokenKeys(status: number): Promise<string> {
    const srv = createServer((_req, res) => res.writeHead(status).end('down'));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    servers.push(srv);
    return `http://127.0.0.1:${(srv.address() as AddressInfo).port}/{tid}/keys`;
  }

  for (const [label, uri] of [
    ['answers 5xx', () => brokenKeys(502)],
    ['is unreachable', async () => 'http://127.0.0.1:1/{tid}/keys'],
  ] as const)
    it(`a key endpoint that ${label} answers 503 with Retry-After, not 401, and audits no refusal`, async () => {
      const auth = { ...testConfig(s.entra).auth, jwksUriTemplate: await uri() };
      const app = await instance({ auth });
      const before = (await refusals(TENANT_A)).length;
      const res = await app.inject({
        method: 'GET',
        url: '/v1/projects',
        headers: { authorization: `Bearer ${alice}` },
      });
      expect(res.statusCode).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({ error: 'auth_unavailable' });
      expect((await refusals(TENANT_A)).length).toBe(before);
    });

  it('a key endpoint that does not answer within the timeout is an outage, not a refused token', async () => {
    const srv = createServer(() => undefined);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    servers.push(srv);
    const port = (srv.address() as AddressInfo).port;
    const verify = createVerifier({
      ...testConfig(s.entra).auth,
      jwksUriTemplate: `http://127.0.0.1:${port}/{tid}/keys`,
    });
    await expect(verify(`Bearer ${alice}`)).rejects.toBeInstanceOf(KeysUnavailableError);
  }, 15_000);
});

describe('finding 5: only delegated user tokens', () => {
  const get = (token: string) => s.call('GET', '/v1/projects', { token });

  it('an app-only token (roles, no scp) is refused with user_token_required', async () => {
    const res = await get(await signed({ scp: undefined, roles: ['Administrator'], amr: ['mfa'] }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('user_token_required');
  });

  it('idtyp app is refused even with a scope, and a scope other than the API scope is refused', async () => {
    expect((await get(await signed({ idtyp: 'app' }))).status).toBe(403);
    expect((await get(await signed({ scp: 'User.Read' }))).status).toBe(403);
  });

  it('a delegated token with the API scope among others is accepted', async () => {
    expect((await get(await signed({ scp: 'openid access_as_user', idtyp: 'user' }))).status).toBe(200);
    expect((await get(alice)).status).toBe(200);
  });
});

describe('finding 6: display names', () => {
  const dirty = '\u202Eevil\u200BName\u2066\u0007 Zoe\u0308\uFEFF\u0085\u061C';

  it('bidi overrides, zero-width and control characters are stripped from token names, NFC, bounded', async () => {
    const t = await signed({ oid: 'dirty-name', name: dirty, preferred_username: `x${'\u200E'}y@ex` });
    expect((await s.call('GET', '/v1/projects', { token: t })).status).toBe(200);
    const long = await signed({ oid: 'long-name', name: 'L'.repeat(5000) });
    expect((await s.call('GET', '/v1/projects', { token: long })).status).toBe(200);
    const res = await s.call('GET', '/v1/users?query=dirty-name', { token: alice });
    const { users } = (await res.json()) as { users: { displayName?: string; username?: string }[] };
    expect(users[0].displayName).toBe('evilName Zo\u00EB');
    expect(users[0].username).toBe('xy@ex');
    const longRes = await s.call('GET', '/v1/users?query=long-name', { token: alice });
    const longUsers = ((await longRes.json()) as { users: { displayName: string }[] }).users;
    expect(longUsers[0].displayName.length).toBeLessThanOrEqual(128);
  });

  it('names stored before the fix are cleaned when served', async () => {
    await s.db.tenant(TENANT_A, (sql) =>
      rememberUser(sql, TENANT_A, { userId: 'old-dirty', displayName: dirty, username: '\u202Eold' }),
    );
    const res = await s.call('GET', '/v1/users?query=old-dirty', { token: alice });
    const { users } = (await res.json()) as { users: { displayName?: string; username?: string }[] };
    expect(users[0]).toMatchObject({ displayName: 'evilName Zo\u00EB', username: 'old' });
  });
});
