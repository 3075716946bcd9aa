/**
 * Test harness: a real database (PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set, a fresh
 * database per suite; PGlite in memory otherwise), the real server on a random loopback port and
 * the oidc-provider-based Entra double (./entra.ts).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { EncryptedEnvelope } from '../../../contracts';
import { buildApp } from '../app';
import { loadConfig, type ServerConfig } from '../config';
import { PgliteDb, PostgresDb, type Db } from '../db';
import { API_AUDIENCE, PERSONAS, startFakeEntra, type FakeEntra } from './entra';

export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
/** Has a working identity provider but is not on the server's allow list. */
export const TENANT_C = 'cccccccc-0000-4000-8000-00000000000c';
/** A look-alike issuer path that signs with the same keys but is not the tenant's v2.0 issuer. */
export const LOOKALIKE_MOUNT = `${TENANT_A}/v2.0-lookalike`;

export const testPgUrl = (): string | undefined =>
  process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

/** A throwaway database: a new PostgreSQL database on the test server, or PGlite in memory. */
export async function freshDatabase(): Promise<{
  db: Db;
  url?: string;
  reopen: () => Promise<Db>;
  drop: () => Promise<void>;
}> {
  const base = testPgUrl();
  if (!base) {
    const db = await PgliteDb.open();
    await db.migrate();
    return { db, reopen: async () => db, drop: () => db.close() };
  }
  const name = `werkplan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = new PostgresDb(url.toString());
  await db.migrate();
  return {
    db,
    url: url.toString(),
    reopen: async () => {
      const again = new PostgresDb(url.toString());
      await again.migrate();
      return again;
    },
    drop: async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export function testConfig(entra: FakeEntra, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const config = loadConfig({
    AUTH_AUDIENCE: API_AUDIENCE,
    AUTH_ALLOWED_TENANTS: `${TENANT_A},${TENANT_B}`,
    AUTH_ISSUER_TEMPLATE: entra.issuerTemplate,
    AUTH_JWKS_URI_TEMPLATE: entra.jwksUriTemplate,
    AUTH_CLOCK_TOLERANCE_S: '0',
    AUTH_MFA_ACRS: 'c1',
    CORS_ORIGINS: 'https://app.werkplan.example',
    BODY_LIMIT_BYTES: String(1024 * 1024),
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  return { ...config, ...overrides };
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  db: Db;
  entra: FakeEntra;
  token(
    tid: string,
    persona: keyof typeof PERSONAS,
    opts?: { audience?: string; mount?: string },
  ): Promise<string>;
  /** fetch against the server with an optional bearer token and JSON body. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  /** Receives the server's JSON log lines; without it the server logs nothing. */
  logLines?: string[],
): Promise<TestServer & { database: Awaited<ReturnType<typeof freshDatabase>> }> {
  const entra = await startFakeEntra(
    [TENANT_A, TENANT_B, TENANT_C],
    [{ path: LOOKALIKE_MOUNT, tid: TENANT_A }],
  );
  const database = await freshDatabase();
  const config = testConfig(entra, overrides);
  const app = await buildApp({
    config,
    db: database.db,
    logger: logLines ? { level: 'info', stream: { write: (line) => void logLines.push(line) } } : false,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const tokens = new Map<string, string>();
  return {
    url: address,
    app,
    db: database.db,
    database,
    entra,
    async token(tid, persona, opts) {
      const key = `${tid}|${persona}|${opts?.audience ?? ''}|${opts?.mount ?? ''}`;
      if (persona === 'shortLived') return entra.token(tid, persona, opts);
      let t = tokens.get(key);
      if (!t) tokens.set(key, (t = await entra.token(tid, persona, opts)));
      return t;
    },
    call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      }
      return fetch(`${address}${path}`, { method, headers, body });
    },
    async close() {
      await app.close();
      await database.db.close();
      await database.drop();
      await entra.close();
    },
  };
}

/** A syntactically valid envelope with random "ciphertext" (the server never decrypts). */
export function envelope(size_bytes = 256, keyId = 'team-key-1'): EncryptedEnvelope {
  return {
    formatVersion: 1,
    alg: 'AES-256-GCM',
    keyId,
    wrappedKey_b64: randomBytes(40).toString('base64'),
    nonce_b64: randomBytes(12).toString('base64'),
    ciphertext_b64: randomBytes(size_bytes).toString('base64'),
  };
}
