import { describe, expect, it } from 'vitest';
import { fetchSender } from './transport';

describe('fetchSender (the sync API without the desktop shell)', () => {
  it('sends the token and preconditions, X-Confirm-Tenant for tenant erasure, and returns X-Audit-Chain', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const send = fetchSender(
      'https://sync.example.de/',
      async () => 'at-1',
      async (url, init) => {
        seen.push({ url, init });
        return new Response('{}', { status: 200, headers: { etag: '"3"', 'x-audit-chain': 'broken-at-7' } });
      },
    );
    const res = await send({ method: 'DELETE', path: '/admin/tenant', confirmTenant: 'tid-1' });
    expect(res).toEqual({ status: 200, etag: '"3"', body: '{}', auditChain: 'broken-at-7' });
    expect(seen[0].url).toBe('https://sync.example.de/v1/admin/tenant');
    expect(seen[0].init.headers).toMatchObject({ authorization: 'Bearer at-1', 'x-confirm-tenant': 'tid-1' });
    await send({ method: 'PUT', path: '/projects/p1', ifMatch: 2, body: '{}' });
    expect(seen[1].init.headers).toMatchObject({ 'if-match': '"2"', 'content-type': 'application/json' });
    expect(seen[1].init.headers).not.toHaveProperty('x-confirm-tenant');
  });

  it('reports a missing sign-in without calling the server', async () => {
    let called = false;
    const send = fetchSender(
      'https://sync.example.de',
      async () => null,
      async () => {
        called = true;
        return new Response('');
      },
    );
    expect(await send({ method: 'GET', path: '/projects' })).toMatchObject({ status: 0, signedOut: true });
    expect(called).toBe(false);
  });
});
