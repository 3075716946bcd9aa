import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseSyncRequest, sendSyncRequest } from './api';

let server: http.Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  server = null;
});

async function listen(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const signedIn = (serverUrl: string) => ({
  accessToken: async () => ({ token: 'at-123', expiresAt: Date.now() + 60_000, serverUrl }),
});

describe('sync API proxy in the main process', () => {
  it('adds the bearer token and the version precondition, and returns status, ETag and body', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const url = await listen((req, res) => {
      seen.push(req.headers);
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(req.url === '/v1/projects/p1' ? 200 : 404, {
          etag: '"4"',
          'content-type': 'application/json',
        });
        res.end(JSON.stringify({ echoed: body.length }));
      });
    });
    const res = await sendSyncRequest(signedIn(url), {
      method: 'PUT',
      path: '/projects/p1',
      ifMatch: 3,
      body: '{"envelope":{}}',
    });
    expect(res).toEqual({ status: 200, etag: '"4"', body: '{"echoed":15}' });
    expect(seen[0]).toMatchObject({
      authorization: 'Bearer at-123',
      'if-match': '"3"',
      'content-type': 'application/json',
    });
    const created = await sendSyncRequest(signedIn(url), {
      method: 'PUT',
      path: '/projects/p1',
      ifNoneMatch: '*',
      body: '{}',
    });
    expect(created.status).toBe(200);
    expect(seen[1]['if-none-match']).toBe('*');
  });

  it('retries a 401 once with a refreshed token', async () => {
    const url = await listen((req, res) => {
      res.writeHead(req.headers.authorization === 'Bearer fresh' ? 200 : 401).end('{}');
    });
    const calls: boolean[] = [];
    const auth = {
      accessToken: async (o?: { forceRefresh?: boolean }) => {
        calls.push(!!o?.forceRefresh);
        return { token: o?.forceRefresh ? 'fresh' : 'stale', expiresAt: Date.now() + 60_000, serverUrl: url };
      },
    };
    expect((await sendSyncRequest(auth, { method: 'GET', path: '/projects' })).status).toBe(200);
    expect(calls).toEqual([false, true]);
  });

  it('reports a dead server as status 0 with the reason, and a missing sign-in as signedOut', async () => {
    const url = await listen((_req, res) => res.end());
    server!.closeAllConnections();
    await new Promise<void>((ok) => server!.close(() => ok()));
    server = null;
    const res = await sendSyncRequest(signedIn(url), { method: 'GET', path: '/projects' });
    expect(res.status).toBe(0);
    expect(res.error).toMatch(/fetch failed|ECONNREFUSED/);
    expect(
      await sendSyncRequest({ accessToken: async () => null }, { method: 'GET', path: '/projects' }),
    ).toMatchObject({
      status: 0,
      signedOut: true,
    });
  });
});

describe('which sync requests the main process accepts from the renderer', () => {
  const ok = (req: object) => parseSyncRequest('werkplan:sync-request', req);
  const refused = (req: object) => () => parseSyncRequest('werkplan:sync-request', req);

  it('accepts every path of the sync API', () => {
    for (const path of [
      '/projects',
      '/projects/p-1',
      '/projects/p-1/versions',
      '/projects/p-1/versions/12',
      '/projects/p-1/members',
      '/projects/p-1/members/00000000-0000-0000-0000-00000000b0b0',
      '/keys',
      '/users?query=an',
      `/users?query=${encodeURIComponent('Jürgen Müller-Lüdenscheidt')}`,
      `/users?query=${encodeURIComponent("o'brien (extern)")}`,
      '/keys/team-key-1',
      '/admin/audit',
      '/admin/audit?limit=50',
      '/admin/audit?after=120&limit=50',
      '/admin/audit/export',
      '/admin/users/oid-1',
      '/admin/tenant',
    ])
      expect(ok({ method: 'GET', path }).path).toBe(path);
  });

  it('refuses paths outside the API, traversal, foreign queries and bad ids', () => {
    for (const path of [
      '/health',
      '/projects/../admin/tenant',
      '/projects/p-1/members/',
      '/projects/p-1/versions/x',
      '/users',
      '/users?query=a',
      '/users?query=an&limit=500',
      '/users?query=an%2',
      '/users?query=a b',
      '/users?query=an#x',
      `/users?query=${'a'.repeat(385)}`,
      '/users/oid-1',
      '/admin',
      '/admin/audit?limit=50&x=1',
      '/admin/audit?after=-1',
      '/admin/users',
      '/projects/-leading-dash',
      'https://evil.example/projects',
      '/projects/p 1',
    ])
      expect(refused({ method: 'GET', path }), path).toThrow(/sync API path/);
  });

  it('reads the member list and the user directory with GET only', () => {
    for (const path of ['/projects/p-1/members', '/users?query=an'])
      for (const method of ['PUT', 'DELETE'])
        expect(
          refused({ method, path, ...(method === 'PUT' ? { body: '{}' } : {}) }),
          `${method} ${path}`,
        ).toThrow(/GET only/);
    // Sharing itself (one member) keeps PUT and DELETE.
    expect(
      ok({ method: 'PUT', path: '/projects/p-1/members/oid-2', body: '{"access":"viewer"}' }).method,
    ).toBe('PUT');
    expect(ok({ method: 'DELETE', path: '/projects/p-1/members/oid-2' }).method).toBe('DELETE');
  });

  it('sends X-Confirm-Tenant only with DELETE /admin/tenant', async () => {
    expect(ok({ method: 'DELETE', path: '/admin/tenant', confirmTenant: 'tid-1' })).toEqual({
      method: 'DELETE',
      path: '/admin/tenant',
      confirmTenant: 'tid-1',
      ifMatch: undefined,
      ifNoneMatch: undefined,
      body: undefined,
    });
    expect(refused({ method: 'GET', path: '/admin/tenant', confirmTenant: 'tid-1' })).toThrow(
      /confirmTenant/,
    );
    expect(refused({ method: 'DELETE', path: '/projects/p1', confirmTenant: 'tid-1' })).toThrow(
      /confirmTenant/,
    );
    expect(refused({ method: 'DELETE', path: '/admin/tenant', confirmTenant: 'a\r\nb' })).toThrow(
      /confirmTenant/,
    );
    const seen: http.IncomingHttpHeaders[] = [];
    const url = await listen((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'x-audit-chain': 'verified' }).end('');
    });
    const res = await sendSyncRequest(signedIn(url), {
      method: 'DELETE',
      path: '/admin/tenant',
      confirmTenant: 'tid-1',
    });
    expect(seen[0]['x-confirm-tenant']).toBe('tid-1');
    expect(res.auditChain).toBe('verified');
  });
});

describe('an outage does not sign out; only an invalid token after a refresh does', () => {
  const tracking = (url: string, refresh: () => Promise<string>) => {
    const state = { signedOut: 0, refreshes: 0 };
    const auth = {
      accessToken: async (o?: { forceRefresh?: boolean }) => {
        if (o?.forceRefresh) {
          state.refreshes++;
          return { token: await refresh(), expiresAt: Date.now() + 60_000, serverUrl: url };
        }
        return { token: 'at-1', expiresAt: Date.now() + 60_000, serverUrl: url };
      },
      signOut: async () => (state.signedOut++, { revoked: false }),
    };
    return { auth, state };
  };

  it('a 503 (JWKS outage at the server) keeps the sign-in', async () => {
    const url = await listen((_req, res) =>
      res.writeHead(503, { 'retry-after': '30' }).end('{"error":"unavailable"}'),
    );
    const { auth, state } = tracking(url, async () => 'at-2');
    const res = await sendSyncRequest(auth, { method: 'GET', path: '/projects' });
    expect(res.status).toBe(503);
    expect(res.signedOut).toBeFalsy();
    expect(state).toEqual({ signedOut: 0, refreshes: 0 });
  });

  it('a network error at the provider during the refresh keeps the sign-in', async () => {
    const url = await listen((_req, res) => res.writeHead(401).end('{}'));
    const { auth, state } = tracking(url, async () => {
      throw new Error('token refresh failed: fetch failed (ECONNREFUSED)');
    });
    const res = await sendSyncRequest(auth, { method: 'GET', path: '/projects' });
    expect(res.status).toBe(0);
    expect(res.error).toMatch(/ECONNREFUSED/);
    expect(res.signedOut).toBeFalsy();
    expect(state.signedOut).toBe(0);
  });

  it('a 401 with error="invalid_token" after a refresh attempt signs out', async () => {
    const url = await listen((_req, res) =>
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end('{}'),
    );
    const { auth, state } = tracking(url, async () => 'at-2');
    const res = await sendSyncRequest(auth, { method: 'GET', path: '/projects' });
    expect(res.status).toBe(401);
    expect(res.signedOut).toBe(true);
    expect(state).toEqual({ signedOut: 1, refreshes: 1 });
  });

  it('a 401 without invalid_token after the refresh (e.g. a claims challenge) keeps the sign-in', async () => {
    const url = await listen((_req, res) =>
      res.writeHead(401, { 'www-authenticate': 'Bearer error="insufficient_claims"' }).end('{}'),
    );
    const { auth, state } = tracking(url, async () => 'at-2');
    const res = await sendSyncRequest(auth, { method: 'GET', path: '/projects' });
    expect(res.signedOut).toBeFalsy();
    expect(state.signedOut).toBe(0);
  });
});
