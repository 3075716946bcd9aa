import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { createTelemetry, tracesEndpoint } from './telemetry';
import { envelope, startTestServer, TENANT_A, testConfig, type TestServer } from './testing/harness';

/** An in-process OTLP/HTTP collector: keeps every body posted to /v1/traces. */
async function collector() {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/v1/traces') bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => new Promise((ok) => server.close(ok)) };
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('OpenTelemetry traces (OTLP/HTTP, off by default)', () => {
  it('is off unless an OTLP endpoint is configured', () => {
    expect(tracesEndpoint({})).toBeNull();
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318/' })).toBe(
      'http://otel:4318/v1/traces',
    );
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c/t' })).toBe('http://c/t');
  });

  it('sends one span per request with the route template and status, and no personal data', async () => {
    const c = await collector();
    const telemetry = createTelemetry(`${c.url}/v1/traces`);
    const app = await buildApp({ config: testConfig(s.entra), db: s.db, logger: false, telemetry });
    try {
      const alice = await s.token(TENANT_A, 'alice');
      const res = await app.inject({
        method: 'PUT',
        url: '/v1/projects/p-otel-secret-id',
        headers: { authorization: `Bearer ${alice}`, 'if-none-match': '*', 'x-forwarded-for': '203.0.113.7' },
        payload: { envelope: envelope(100) },
      });
      expect(res.statusCode).toBe(201);
      await app.inject({ method: 'GET', url: '/health' });
      await telemetry.flush();
      const all = c.bodies.join('\n');
      expect(all).toContain('"PUT /v1/projects/:id"');
      expect(all).toContain('http.route');
      expect(all).toContain('/v1/projects/:id');
      expect(all).toContain('werkplan-sync');
      for (const secret of [
        'p-otel-secret-id',
        TENANT_A,
        alice.slice(0, 30),
        '203.0.113.7',
        '127.0.0.1',
        'Alice',
        s.entra.oidOf(TENANT_A, 'alice'),
      ])
        expect(all, secret).not.toContain(secret);
    } finally {
      await app.close();
      await c.close();
    }
  });
});
