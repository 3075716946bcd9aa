/** TLS when the server terminates it: TLS 1.2 minimum, BSI TR-02102-2 suites only, HSTS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type ConnectionOptions } from 'node:tls';
import { request } from 'node:https';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loadConfig } from './config';
import { PgliteDb } from './db';
import { tlsOptions } from './tls';

let app: FastifyInstance;
let db: PgliteDb;
let port: number;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'werkplan-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  db = await PgliteDb.open();
  await db.migrate();
  const config = loadConfig({ AUTH_AUDIENCE: 'api://x', AUTH_ALLOWED_TENANTS: 't1' });
  app = await buildApp({
    config,
    db,
    logger: false,
    https: tlsOptions(readFileSync(path.join(dir, 'cert.pem')), readFileSync(path.join(dir, 'key.pem'))),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(address).port);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Handshake result: negotiated protocol and cipher, or the error message. */
function handshake(
  opts: ConnectionOptions,
): Promise<{ protocol: string | null; cipher: string } | { error: string }> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      rejectUnauthorized: false,
      servername: 'localhost',
      ...opts,
    });
    socket.once('secureConnect', () => {
      resolve({ protocol: socket.getProtocol(), cipher: socket.getCipher().name });
      socket.end();
    });
    socket.once('error', (err: Error) => resolve({ error: err.message }));
  });
}

describe('TLS', () => {
  it('prefers TLS 1.3', async () => {
    expect(await handshake({})).toMatchObject({ protocol: 'TLSv1.3' });
  });

  it('accepts TLS 1.2 with an ECDHE AES-GCM suite from TR-02102-2', async () => {
    expect(await handshake({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' })).toEqual({
      protocol: 'TLSv1.2',
      cipher: 'ECDHE-RSA-AES256-GCM-SHA384',
    });
  });

  it('refuses a client that offers at most TLS 1.1 or TLS 1.0', async () => {
    for (const maxVersion of ['TLSv1.1', 'TLSv1'] as const) {
      const result = await handshake({ minVersion: 'TLSv1', maxVersion, ciphers: 'DEFAULT@SECLEVEL=0' });
      expect(result, maxVersion).toHaveProperty('error');
      // The server's alert 70 (protocol_version), not a refusal inside the client.
      expect((result as { error: string }).error).toMatch(/alert protocol version/i);
    }
  });

  it('refuses TLS 1.2 suites without forward secrecy or with CBC/SHA-1', async () => {
    for (const ciphers of [
      'AES256-GCM-SHA384',
      'AES128-SHA',
      'ECDHE-RSA-AES128-SHA',
      'ECDHE-RSA-CHACHA20-POLY1305',
    ]) {
      const result = await handshake({ maxVersion: 'TLSv1.2', ciphers });
      expect(result, ciphers).toHaveProperty('error');
    }
  });

  it('sends HSTS over HTTPS', async () => {
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/health', rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.headers);
      });
      req.on('error', reject);
      req.end();
    });
    expect(headers['strict-transport-security']).toMatch(/max-age=\d{7,}; includeSubDomains/);
  });
});
