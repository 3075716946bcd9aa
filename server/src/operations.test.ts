/** Rate limits, and logs and metrics that carry no personal data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, startTestServer, TENANT_A, type TestServer } from './testing/harness';

let s: TestServer;
const lines: string[] = [];
beforeAll(async () => {
  s = await startTestServer({ rateLimitPerMinute: 25 }, lines);
});
afterAll(async () => {
  await s?.close();
});

describe('operations', () => {
  it('logs one structured line per request without ids of people, addresses, tokens or content', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const e = envelope(64);
    const put = await s.call('PUT', '/v1/projects/p-log-secret-name', {
      token: alice,
      body: { envelope: e },
      headers: { 'if-none-match': '*' },
    });
    expect(put.status).toBe(201);
    expect((await s.call('GET', '/v1/projects/p-log-secret-name', { token: alice })).status).toBe(200);
    expect((await s.call('GET', '/v1/projects', { token: 'garbage' })).status).toBe(401);
    const requests = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(requests.map((r) => [r.method, r.route, r.status])).toEqual([
      ['PUT', '/v1/projects/:id', 201],
      ['GET', '/v1/projects/:id', 200],
      ['GET', '/v1/projects', 401],
    ]);
    // Everything after start-up (the "Server listening at <address>" line names the bind address).
    const all = lines.filter((l) => !l.includes('Server listening')).join('\n');
    for (const secret of [
      s.entra.oidOf(TENANT_A, 'alice'),
      TENANT_A,
      'p-log-secret-name',
      '127.0.0.1',
      alice.slice(0, 40),
      'garbage',
      e.ciphertext_b64.slice(0, 20),
    ])
      expect(all, secret).not.toContain(secret);
    const metrics = await s.app.metrics.registry.metrics();
    expect(metrics).toMatch(
      /werkplan_http_request_duration_seconds_count\{method="PUT",route="\/v1\/projects\/:id",status="201"\} 1/,
    );
    expect(metrics).toContain('werkplan_auth_refused_total{reason="malformed"} 1');
    expect(metrics).not.toContain('p-log-secret-name');
    expect(metrics).not.toContain(s.entra.oidOf(TENANT_A, 'alice'));
  });

  it('answers 429 above the rate limit, but never limits /health', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await s.call('GET', '/v1/projects', { token: alice })).status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThan(15);
    expect((await s.call('GET', '/health')).status).toBe(200);
  });
});
