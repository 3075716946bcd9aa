import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobMeta, ConflictResponse, GetProjectResponse } from '../../contracts';
import { envelope, startTestServer, TENANT_A, type TestServer } from './testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('sync API: the happy path against a real identity provider and database', () => {
  it('reports health with the database and serves the OpenAPI description and metrics', async () => {
    const health = await s.call('GET', '/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const api = (await (await s.call('GET', '/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(api.openapi).toMatch(/^3\./);
    expect(Object.keys(api.paths)).toContain('/v1/projects/{id}');
    // Every operation described is a route of the server (the description is written by hand).
    const methods = ['get', 'put', 'delete', 'post', 'patch'];
    let operations = 0;
    for (const [path, item] of Object.entries(api.paths))
      for (const method of Object.keys(item as object).filter((k) => methods.includes(k))) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        expect(s.app.hasRoute({ method: method.toUpperCase(), url }), `${method} ${path}`).toBe(true);
        operations++;
      }
    expect(operations).toBeGreaterThanOrEqual(19);
    // Metrics are not on the public port (metricsServer.ts serves them on their own listener).
    expect((await s.call('GET', '/metrics')).status).toBe(404);
    const metrics = await s.app.metrics.registry.metrics();
    expect(metrics).toContain('werkplan_http_request_duration_seconds');
  });

  it('creates, reads, updates with If-Match and keeps every version', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const e1 = envelope(100);
    const created = await s.call('PUT', '/v1/projects/p-happy', {
      token: alice,
      body: { envelope: e1 },
      headers: { 'if-none-match': '*' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const meta1 = ((await created.json()) as { meta: BlobMeta }).meta;
    expect(meta1).toMatchObject({
      id: 'p-happy',
      tenantId: TENANT_A,
      version: 1,
      authorId: s.entra.oidOf(TENANT_A, 'alice'),
    });

    const got = await s.call('GET', '/v1/projects/p-happy', { token: alice });
    expect(got.status).toBe(200);
    expect(((await got.json()) as GetProjectResponse).envelope).toEqual(e1);

    const e2 = envelope(120);
    const updated = await s.call('PUT', '/v1/projects/p-happy', {
      token: alice,
      body: { envelope: e2 },
      headers: { 'if-match': '"1"' },
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { meta: BlobMeta }).meta.version).toBe(2);

    const versions = (await (
      await s.call('GET', '/v1/projects/p-happy/versions', { token: alice })
    ).json()) as { versions: BlobMeta[] };
    expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
    const old = (await (
      await s.call('GET', '/v1/projects/p-happy/versions/1', { token: alice })
    ).json()) as GetProjectResponse;
    expect(old.envelope).toEqual(e1);
    const list = (await (await s.call('GET', '/v1/projects', { token: alice })).json()) as {
      projects: BlobMeta[];
    };
    expect(list.projects.find((p) => p.id === 'p-happy')?.version).toBe(2);
  });

  it('refuses a stale write with 409 and the current meta, and a write without precondition', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    await s.call('PUT', '/v1/projects/p-stale', {
      token: alice,
      body: { envelope: envelope() },
      headers: { 'if-none-match': '*' },
    });
    await s.call('PUT', '/v1/projects/p-stale', {
      token: alice,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    const stale = await s.call('PUT', '/v1/projects/p-stale', {
      token: alice,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as ConflictResponse;
    expect(body.error).toBe('conflict');
    expect(body.current?.version).toBe(2);
    const none = await s.call('PUT', '/v1/projects/p-stale', {
      token: alice,
      body: { envelope: envelope() },
    });
    expect(none.status).toBe(409);
    const again = await s.call('PUT', '/v1/projects/p-stale', {
      token: alice,
      body: { envelope: envelope() },
      headers: { 'if-none-match': '*' },
    });
    expect(again.status).toBe(409);
  });

  it('shares a project: the member reads it, a viewer cannot write, the owner changes the role (audited)', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const bob = await s.token(TENANT_A, 'bob');
    const bobId = s.entra.oidOf(TENANT_A, 'bob');
    await s.call('PUT', '/v1/projects/p-shared', {
      token: alice,
      body: { envelope: envelope() },
      headers: { 'if-none-match': '*' },
    });
    expect((await s.call('GET', '/v1/projects/p-shared', { token: bob })).status).toBe(403);
    expect(
      (
        await s.call('PUT', `/v1/projects/p-shared/members/${bobId}`, {
          token: alice,
          body: { access: 'viewer' },
        })
      ).status,
    ).toBe(200);
    expect((await s.call('GET', '/v1/projects/p-shared', { token: bob })).status).toBe(200);
    const write = await s.call('PUT', '/v1/projects/p-shared', {
      token: bob,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(write.status).toBe(403);
    expect(
      (
        await s.call('PUT', `/v1/projects/p-shared/members/${bobId}`, {
          token: alice,
          body: { access: 'editor' },
        })
      ).status,
    ).toBe(200);
    const write2 = await s.call('PUT', '/v1/projects/p-shared', {
      token: bob,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(write2.status).toBe(200);

    const admin = await s.token(TENANT_A, 'admin');
    const audit = (await (await s.call('GET', '/v1/admin/audit', { token: admin })).json()) as {
      entries: { action: string; target: string; details: string }[];
    };
    const actions = audit.entries.filter((e) => e.target === `p-shared/${bobId}`).map((e) => e.action);
    expect(actions).toEqual(['project.share', 'project.role-change']);
    expect(audit.entries.some((e) => e.action === 'sign-in')).toBe(true);
  });

  it("stores and returns the caller's wrapped keys only", async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const bob = await s.token(TENANT_A, 'bob');
    const k = envelope(32, 'team-key-1');
    expect((await s.call('PUT', '/v1/keys/team-key-1', { token: alice, body: { envelope: k } })).status).toBe(
      200,
    );
    const mine = (await (await s.call('GET', '/v1/keys', { token: alice })).json()) as {
      keys: { keyId: string; envelope: unknown }[];
    };
    expect(mine.keys).toEqual([
      { keyId: 'team-key-1', envelope: k, updatedAt: expect.any(String) as unknown },
    ]);
    const bobs = (await (await s.call('GET', '/v1/keys', { token: bob })).json()) as { keys: unknown[] };
    expect(bobs.keys).toEqual([]);
  });

  it('answers CORS only for the configured origin', async () => {
    const ok = await s.call('OPTIONS', '/v1/projects', {
      headers: { origin: 'https://app.werkplan.example', 'access-control-request-method': 'GET' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.werkplan.example');
    const evil = await s.call('OPTIONS', '/v1/projects', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
  it('Support sees the tenant’s metadata but no content and writes nothing', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const support = await s.token(TENANT_A, 'support');
    await s.call('PUT', '/v1/projects/p-support', {
      token: alice,
      body: { envelope: envelope() },
      headers: { 'if-none-match': '*' },
    });
    const list = (await (await s.call('GET', '/v1/projects', { token: support })).json()) as {
      projects: BlobMeta[];
    };
    expect(list.projects.map((p) => p.id)).toContain('p-support');
    expect((await s.call('GET', '/v1/projects/p-support', { token: support })).status).toBe(403);
    const write = await s.call('PUT', '/v1/projects/p-support', {
      token: support,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(write.status).toBe(403);
    const create = await s.call('PUT', '/v1/projects/p-support-own', {
      token: support,
      body: { envelope: envelope() },
      headers: { 'if-none-match': '*' },
    });
    expect(create.status).toBe(403);
  });

  it('accepts a conditional-access authentication context (acrs) as MFA evidence for admin endpoints', async () => {
    const stepUp = await s.token(TENANT_A, 'adminStepUp');
    const res = await s.call('GET', '/v1/admin/audit?limit=5', { token: stepUp });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { entries: unknown[] }).entries.length).toBeLessThanOrEqual(5);
  });
});
