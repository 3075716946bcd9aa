import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, startTestServer, TENANT_A, type TestServer } from './testing/harness';
import { startMetricsServer } from './metricsServer';
import { securityTxt } from './routes/health';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({
    timeouts: { idle_ms: 400, headers_ms: 600, request_ms: 800, keepAlive_ms: 300 },
    quotaTenant_bytes: 64 * 1024,
    quotaUser_bytes: 8 * 1024,
    maxConcurrentUploads: 1,
  });
});
afterAll(async () => {
  await s?.close();
});

const hostPort = () => {
  const u = new URL(s.url);
  return { host: u.hostname, port: Number(u.port) };
};

/** Opens a raw connection, writes `first`, then waits until the server closes it (or `limit_ms`). */
function closedAfter(first: string, limit_ms: number, drip?: string): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(hostPort(), () => {
      if (first) socket.write(first);
    });
    const dripper = drip ? setInterval(() => !socket.destroyed && socket.write(drip), 100) : undefined;
    const done = () => {
      clearInterval(dripper);
      clearTimeout(timer);
      resolve(Date.now() - started);
    };
    const timer = setTimeout(() => {
      socket.destroy();
      done();
    }, limit_ms);
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
  });
}

describe('slow and idle clients are cut off (finding: no timeouts)', () => {
  it('closes a connection that sends nothing', async () => {
    expect(await closedAfter('', 5_000)).toBeLessThan(5_000);
  });

  it('closes a connection that drips its headers byte by byte', async () => {
    expect(await closedAfter('GET /health HTTP/1.1\r\n', 5_000, 'X')).toBeLessThan(5_000);
  });

  it('closes a connection that announces a body and sends it too slowly', async () => {
    const head =
      'PUT /v1/projects/p-slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Content-Length: 100000\r\n\r\n{';
    expect(await closedAfter(head, 5_000, ' ')).toBeLessThan(5_000);
  });
});

describe('uploads and storage are bounded (finding: no quota)', () => {
  it('refuses a version that would exceed the user quota with 413 quota_exceeded', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const first = await s.call('PUT', '/v1/projects/p-quota-1', {
      token: alice,
      body: { envelope: envelope(5 * 1024) },
      headers: { 'if-none-match': '*' },
    });
    expect(first.status).toBe(201);
    const second = await s.call('PUT', '/v1/projects/p-quota-2', {
      token: alice,
      body: { envelope: envelope(5 * 1024) },
      headers: { 'if-none-match': '*' },
    });
    expect(second.status).toBe(413);
    expect(await second.json()).toMatchObject({ error: 'quota_exceeded' });
    expect((await s.call('GET', '/v1/projects/p-quota-2', { token: alice })).status).toBe(404);
  });

  it('holds one large upload body at a time here; the next gets 503 busy with Retry-After', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const socket = net.connect(hostPort());
    await new Promise((ok) => socket.once('connect', ok));
    socket.on('error', () => undefined);
    socket.write(
      `PUT /v1/projects/p-held HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${alice}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 500000\r\n\r\n{',
    );
    await new Promise((ok) => setTimeout(ok, 100));
    // A second large upload waits for the first; small ones (members, keys) are not held back.
    const busy = await s.call('PUT', '/v1/projects/p-other', {
      token: alice,
      body: { envelope: envelope(100), pad: 'x'.repeat(70 * 1024) },
      headers: { 'if-none-match': '*' },
    });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(await busy.json()).toMatchObject({ error: 'busy' });
    socket.destroy();
    await new Promise((ok) => setTimeout(ok, 200));
    const later = await s.call('PUT', '/v1/projects/p-other', {
      token: alice,
      body: { envelope: envelope(100) },
      headers: { 'if-none-match': '*' },
    });
    expect(later.status).toBe(201);
  });
});

describe('metrics are not public (finding: /metrics on the ingress)', () => {
  it('the API listener has no /metrics; the metrics listener serves it on loopback', async () => {
    expect((await s.call('GET', '/metrics')).status).toBe(404);
    const m = await startMetricsServer(s.app.metrics, '127.0.0.1', 0);
    try {
      const res = await fetch(`${m.url}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('werkplan_http_request_duration_seconds');
      expect((await fetch(`${m.url}/v1/projects`)).status).toBe(404);
    } finally {
      await m.close();
    }
  });
});

describe('security contact (RFC 9116)', () => {
  it('serves /.well-known/security.txt without a token, with contact, expiry a year ahead and policy', async () => {
    const res = await s.call('GET', '/.well-known/security.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^Contact: mailto:security@werkplan\.example$/m);
    expect(text).toMatch(/^Preferred-Languages: de, en$/m);
    expect(text).toMatch(/^Policy: https:\/\/.*SECURITY\.md$/m);
    const expires = new Date(/^Expires: (.*)$/m.exec(text)![1]);
    expect(expires.getTime()).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);
    expect(securityTxt('https://example.org/report', new Date('2026-12-05T10:00:00Z'))).toContain(
      'Contact: https://example.org/report\nExpires: 2027-12-05T00:00:00.000Z',
    );
  });
});
