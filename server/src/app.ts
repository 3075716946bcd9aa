/**
 * The sync API (contracts/src/sync.ts is the contract; server/openapi.json describes it).
 * Stateless: all state is in PostgreSQL, so instances scale out behind a load balancer.
 */
import { readFileSync } from 'node:fs';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import type {
  BlobMeta,
  ConflictResponse,
  DirectoryUser,
  EncryptedEnvelope,
  ListedProject,
  ProjectMember,
  Role,
} from '../../contracts';
import {
  DIRECTORY_QUERY_MAX,
  DIRECTORY_QUERY_MIN,
  DIRECTORY_RESULTS_MAX,
  SYNC_API_PREFIX,
  SYNC_ID_PATTERN,
} from '../../contracts';
import type { ServerConfig } from './config';
import { sqlState, type Db, type Sql } from './db';
import { AuthError, createVerifier, type Principal, type Verifier } from './auth';
import { appendAudit, readAudit, verifyChain, type AuditInput } from './audit';
import { createMetrics, type Metrics } from './metrics';
import { HSTS_HEADER } from './tls';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export interface AppOptions {
  config: ServerConfig;
  db: Db;
  verifier?: Verifier;
  metrics?: Metrics;
  https?: TlsOptions & SecureContextOptions;
  /** Pino logger options (a `stream` captures the lines in tests) or false. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

/** Audit chain for refused tokens whose tenant is unknown or not allowed. */
export const SYSTEM_TENANT = '_system';

const ID_PATTERN = SYNC_ID_PATTERN;
const B64_PATTERN = '^[A-Za-z0-9+/_-]*={0,2}$';

const envelopeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['formatVersion', 'alg', 'keyId', 'wrappedKey_b64', 'nonce_b64', 'ciphertext_b64'],
  properties: {
    formatVersion: { const: 1 },
    alg: { const: 'AES-256-GCM' },
    keyId: { type: 'string', pattern: ID_PATTERN },
    wrappedKey_b64: { type: 'string', maxLength: 1024, pattern: B64_PATTERN },
    nonce_b64: { type: 'string', minLength: 16, maxLength: 16, pattern: B64_PATTERN },
    ciphertext_b64: { type: 'string', minLength: 1, pattern: B64_PATTERN },
  },
} as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: ID_PATTERN } },
} as const;

type Access = 'owner' | 'editor' | 'viewer';

interface ProjectRow {
  id: string;
  tenant_id: string;
  version: number;
  size_bytes: number;
  author_id: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

function toMeta(r: ProjectRow): BlobMeta {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    version: Number(r.version),
    size_bytes: Number(r.size_bytes),
    authorId: r.author_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly audit?: AuditInput,
    /** Extra response headers and body fields (a step-up challenge). */
    readonly extra?: { headers?: Record<string, string>; body?: Record<string, string> },
  ) {
    super(message);
  }
}

/**
 * The step-up challenge of a refusal for missing MFA. With authentication contexts configured
 * (AUTH_MFA_ACRS, Entra Conditional Access), a claims challenge as Entra issues it: the client
 * passes the decoded JSON as the `claims` parameter of its next authorization request, and Entra
 * runs the policy (MFA) of that context. Without, the RFC 9470 error alone.
 */
export function mfaChallenge(mfaAcrs: string[]): {
  headers: Record<string, string>;
  body: Record<string, string>;
} {
  if (!mfaAcrs.length)
    return {
      headers: {
        'WWW-Authenticate':
          'Bearer error="insufficient_user_authentication", error_description="multi-factor authentication required"',
      },
      body: {},
    };
  const claims = Buffer.from(
    JSON.stringify({ access_token: { acrs: { essential: true, value: mfaAcrs[0] } } }),
  ).toString('base64');
  return {
    headers: { 'WWW-Authenticate': `Bearer error="insufficient_claims", claims="${claims}"` },
    body: { claims },
  };
}

const has = (p: Principal, r: Role) => p.roles.includes(r);
/** ReadOnly always wins; Support is read-only unless also Administrator. */
export const mayWrite = (p: Principal) =>
  !has(p, 'ReadOnly') && (has(p, 'Administrator') || !has(p, 'Support'));

function parseIfMatch(header: string | undefined): number | null {
  const m = header ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim()) : null;
  return m ? Number(m[1]) : null;
}

function isDbUnavailable(err: unknown): boolean {
  const code = sqlState(err) ?? '';
  const msg = (err as Error)?.message ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(code) ||
    /terminat|Connection terminated|timeout exceeded when trying to connect|closed|not queryable|Client has encountered a connection error/i.test(
      msg,
    )
  );
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const verify = opts.verifier ?? createVerifier(config.auth);
  const metrics = opts.metrics ?? createMetrics(false);
  const app = Fastify({
    ...(opts.https ? { https: opts.https } : {}),
    logger: opts.logger ?? { level: config.logLevel },
    // Request logs are written below without IPs, headers, tokens or ids of people.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit_bytes,
    // Ids are at most 128 characters (SYNC_ID_PATTERN); longer path segments answer 414.
    maxParamLength: 160,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Refuse unknown fields instead of silently dropping them (Fastify's default strips them).
    ajv: { customOptions: { allErrors: false, removeAdditional: false } },
  });

  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && config.corsOrigins.includes(origin)),
    methods: ['GET', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'X-Confirm-Tenant'],
    exposedHeaders: ['ETag'],
    maxAge: 600,
    strictPreflight: true,
  });
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (req) => req.url === '/health',
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `Too many requests: at most ${ctx.max} per minute`,
    }),
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Strict-Transport-Security', HSTS_HEADER);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cache-Control', 'no-store');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.requestDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, seconds);
    req.log.info(
      { method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  async function audit(tenantId: string, input: AuditInput): Promise<void> {
    try {
      await db.tenant(tenantId, (sql) => appendAudit(sql, tenantId, input));
    } catch (err) {
      app.log.error({ action: input.action, err: (err as Error).message }, 'audit append failed');
    }
  }

  app.setErrorHandler(async (err: unknown, req, reply) => {
    if (err instanceof HttpError) {
      if (err.audit && req.principal) await audit(req.principal.tenantId, err.audit);
      for (const [k, v] of Object.entries(err.extra?.headers ?? {})) reply.header(k, v);
      return reply.code(err.status).send({ error: err.code, message: err.message, ...err.extra?.body });
    }
    if (err instanceof AuthError) {
      metrics.authRefused.inc({ reason: err.reason });
      // Requests without any bearer token are counted, not audited (no database write per anonymous hit).
      if (err.reason !== 'missing')
        await audit(err.claimedTenant ?? SYSTEM_TENANT, {
          actorId: null,
          action: 'auth.refused',
          outcome: 'refused',
          target: req.routeOptions.url ?? null,
          details: { reason: err.reason },
        });
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer error="invalid_token"')
        .send({ error: 'unauthorized', message: err.message });
    }
    const e = err as { statusCode?: number; code?: string; message?: string; validation?: unknown };
    if (e.validation) return reply.code(400).send({ error: 'invalid_request', message: e.message });
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply
        .code(413)
        .send({ error: 'payload_too_large', message: `Body exceeds ${config.bodyLimit_bytes} bytes` });
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send({ error: 'unsupported_media_type', message: 'Send application/json' });
    if (e.statusCode === 429) return reply.code(429).send(err);
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.code(e.statusCode).send({ error: 'bad_request', message: e.message ?? 'Bad request' });
    if (isDbUnavailable(err)) {
      req.log.warn({ err: e.message }, 'database unavailable');
      return reply
        .code(503)
        .header('Retry-After', '2')
        .send({ error: 'unavailable', message: 'Database unavailable, retry' });
    }
    req.log.error({ err: e.message, code: e.code }, 'internal error');
    return reply.code(500).send({ error: 'internal', message: 'Internal error' });
  });

  // ---- public ----------------------------------------------------------------------------------
  app.get('/health', async (_req, reply) => {
    try {
      await db.ping();
      return { status: 'ok', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'degraded', database: 'unreachable' });
    }
  });
  const openapi = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
  app.get('/openapi.json', async (_req, reply) => reply.type('application/json').send(openapi));
  app.get('/metrics', async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  // ---- authenticated API -------------------------------------------------------------------------
  const signIns = new Set<string>();
  await app.register(
    async (api) => {
      api.addHook('onRequest', async (req) => {
        const p = await verify(req.headers.authorization);
        req.principal = p;
        const key = `${p.tenantId}:${p.userId}:${p.issuedAt}`;
        if (!signIns.has(key)) {
          if (signIns.size > 50_000) signIns.clear();
          signIns.add(key);
          await audit(p.tenantId, {
            actorId: p.userId,
            action: 'sign-in',
            outcome: 'ok',
            details: { roles: p.roles.join(','), mfa: p.mfa },
          });
          await rememberUser(p);
        }
      });

      /**
       * The tenant's user directory (oid, username, display name from the verified token), so that
       * colleagues can find each other when sharing. Written once per token and instance, like the
       * sign-in record: a changed name arrives with the next token.
       */
      async function rememberUser(p: Principal): Promise<void> {
        try {
          await db.tenant(p.tenantId, (sql) =>
            sql.query(
              `INSERT INTO user_directory (tenant_id, user_id, username, display_name) VALUES ($1, $2, $3, $4)
               ON CONFLICT (tenant_id, user_id) DO UPDATE SET username = EXCLUDED.username,
                 display_name = EXCLUDED.display_name, last_seen_at = now()`,
              [p.tenantId, p.userId, p.username ?? null, p.displayName ?? null],
            ),
          );
        } catch (err) {
          // The request itself goes on; a database that is down answers it with 503 anyway.
          app.log.warn({ err: (err as Error).message }, 'user directory update failed');
        }
      }

      const principal = (req: FastifyRequest): Principal => {
        if (!req.principal) throw new AuthError('missing', 'Not authenticated');
        return req.principal;
      };
      const inTenant = <T>(p: Principal, fn: (sql: Sql) => Promise<T>) => db.tenant(p.tenantId, fn);

      async function accessOf(sql: Sql, p: Principal, id: string): Promise<Access | null> {
        const rows = await sql.query<{ access: Access }>(
          `SELECT access FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3`,
          [p.tenantId, id, p.userId],
        );
        return rows[0]?.access ?? null;
      }
      async function currentMeta(sql: Sql, p: Principal, id: string): Promise<BlobMeta | null> {
        const rows = await sql.query<ProjectRow>(`SELECT * FROM projects WHERE tenant_id = $1 AND id = $2`, [
          p.tenantId,
          id,
        ]);
        return rows[0] ? toMeta(rows[0]) : null;
      }
      const denied = (
        p: Principal,
        action: AuditInput['action'],
        target: string,
        why: string,
        message: string,
      ) =>
        new HttpError(403, 'forbidden', message, {
          actorId: p.userId,
          action: 'access.denied',
          target,
          outcome: 'refused',
          details: { attempted: action, why },
        });
      const notFound = () => new HttpError(404, 'not_found', 'No such project in your tenant');

      /** Administrator role and MFA evidence, else 403 (audited). */
      function requireAdmin(p: Principal, action: AuditInput['action'], target: string) {
        if (!has(p, 'Administrator')) throw denied(p, action, target, 'role', 'Administrator role required');
        if (!p.mfa)
          throw new HttpError(
            403,
            'mfa_required',
            'Administrative actions require multi-factor authentication',
            {
              actorId: p.userId,
              action: 'access.denied',
              target,
              outcome: 'refused',
              details: { attempted: action, why: 'mfa' },
            },
            mfaChallenge(config.auth.mfaAcrs),
          );
      }

      api.get('/projects', async (req) => {
        const p = principal(req);
        const tenantWide = has(p, 'Administrator') || has(p, 'Support');
        // Each project with the caller's own access (null: listed tenant-wide, not a member).
        const rows = await inTenant(p, (sql) =>
          sql.query<ProjectRow & { access: Access | null }>(
            `SELECT pr.*, m.access FROM projects pr LEFT JOIN project_members m
               ON m.tenant_id = pr.tenant_id AND m.project_id = pr.id AND m.user_id = $2
             WHERE pr.tenant_id = $1 ${tenantWide ? '' : 'AND m.user_id IS NOT NULL'} ORDER BY pr.id`,
            [p.tenantId, p.userId],
          ),
        );
        const projects: ListedProject[] = rows.map((r) => ({ ...toMeta(r), access: r.access ?? null }));
        return { projects };
      });

      async function readVersion(
        req: FastifyRequest,
        reply: FastifyReply,
        id: string,
        version: number | null,
      ) {
        const p = principal(req);
        const result = await inTenant(p, async (sql) => {
          const meta = await currentMeta(sql, p, id);
          if (!meta) return null;
          if (!(await accessOf(sql, p, id))) return 'denied' as const;
          const v = version ?? meta.version;
          const rows = await sql.query<{
            envelope: Uint8Array;
            version: number;
            size_bytes: number;
            author_id: string;
            created_at: Date | string;
          }>(
            `SELECT envelope, version, size_bytes, author_id, created_at FROM project_versions
             WHERE tenant_id = $1 AND project_id = $2 AND version = $3`,
            [p.tenantId, id, v],
          );
          if (!rows[0]) return null;
          const r = rows[0];
          const m: BlobMeta =
            version === null
              ? meta
              : {
                  ...meta,
                  version: Number(r.version),
                  size_bytes: Number(r.size_bytes),
                  authorId: r.author_id,
                  updatedAt: iso(r.created_at),
                };
          return {
            meta: m,
            envelope: JSON.parse(Buffer.from(r.envelope).toString('utf8')) as EncryptedEnvelope,
          };
        });
        if (result === 'denied')
          throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
        if (!result) throw notFound();
        reply.header('ETag', `"${result.meta.version}"`);
        return result;
      }

      api.get<{ Params: { id: string } }>('/projects/:id', { schema: { params: idParams } }, (req, reply) =>
        readVersion(req, reply, req.params.id, null),
      );
      api.get<{ Params: { id: string; version: number } }>(
        '/projects/:id/versions/:version',
        {
          schema: {
            params: {
              type: 'object',
              required: ['id', 'version'],
              properties: { id: idParams.properties.id, version: { type: 'integer', minimum: 1 } },
            },
          },
        },
        (req, reply) => readVersion(req, reply, req.params.id, req.params.version),
      );
      api.get<{ Params: { id: string } }>(
        '/projects/:id/versions',
        { schema: { params: idParams } },
        async (req) => {
          const p = principal(req);
          const id = req.params.id;
          const out = await inTenant(p, async (sql) => {
            const meta = await currentMeta(sql, p, id);
            if (!meta) return null;
            if (!(await accessOf(sql, p, id))) return 'denied' as const;
            const rows = await sql.query<{
              version: number;
              size_bytes: number;
              author_id: string;
              created_at: Date | string;
            }>(
              `SELECT version, size_bytes, author_id, created_at FROM project_versions
             WHERE tenant_id = $1 AND project_id = $2 ORDER BY version`,
              [p.tenantId, id],
            );
            return rows.map((r): BlobMeta => ({
              ...meta,
              version: Number(r.version),
              size_bytes: Number(r.size_bytes),
              authorId: r.author_id,
              updatedAt: iso(r.created_at),
            }));
          });
          if (out === 'denied')
            throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
          if (!out) throw notFound();
          return { versions: out };
        },
      );

      api.put<{ Params: { id: string }; Body: { envelope: EncryptedEnvelope } }>(
        '/projects/:id',
        {
          schema: {
            params: idParams,
            body: {
              type: 'object',
              additionalProperties: false,
              required: ['envelope'],
              properties: { envelope: envelopeSchema },
            },
          },
        },
        async (req, reply) => {
          const p = principal(req);
          const id = req.params.id;
          if (!mayWrite(p)) throw denied(p, 'project.update', id, 'role', 'Your role may not write');
          const blob = Buffer.from(JSON.stringify(req.body.envelope), 'utf8');
          const create = req.headers['if-none-match']?.trim() === '*';
          const expected = parseIfMatch(req.headers['if-match']);
          const outcome = await inTenant(p, async (sql) => {
            if (create) {
              const rows = await sql.query<ProjectRow>(
                `INSERT INTO projects (tenant_id, id, version, size_bytes, author_id) VALUES ($1, $2, 1, $3, $4)
                 ON CONFLICT (tenant_id, id) DO NOTHING RETURNING *`,
                [p.tenantId, id, blob.length, p.userId],
              );
              if (!rows[0]) {
                const access = await accessOf(sql, p, id);
                return { conflict: access ? await currentMeta(sql, p, id) : null };
              }
              await sql.query(
                `INSERT INTO project_members (tenant_id, project_id, user_id, access) VALUES ($1, $2, $3, 'owner')`,
                [p.tenantId, id, p.userId],
              );
              await sql.query(
                `INSERT INTO project_versions (tenant_id, project_id, version, size_bytes, author_id, created_at, envelope)
                 VALUES ($1, $2, 1, $3, $4, $5, $6)`,
                [p.tenantId, id, blob.length, p.userId, rows[0].created_at, blob],
              );
              await appendAudit(sql, p.tenantId, {
                actorId: p.userId,
                action: 'project.create',
                target: id,
                outcome: 'ok',
                details: { version: 1, size_bytes: blob.length },
              });
              return { created: toMeta(rows[0]) };
            }
            const access = await accessOf(sql, p, id);
            if (!access) return (await currentMeta(sql, p, id)) ? { denied: true } : { missing: true };
            if (access === 'viewer') return { denied: true };
            if (expected === null) return { conflict: await currentMeta(sql, p, id) };
            const rows = await sql.query<ProjectRow>(
              `UPDATE projects SET version = version + 1, size_bytes = $4, author_id = $5, updated_at = now()
               WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING *`,
              [p.tenantId, id, expected, blob.length, p.userId],
            );
            if (!rows[0]) return { conflict: await currentMeta(sql, p, id) };
            const meta = toMeta(rows[0]);
            await sql.query(
              `INSERT INTO project_versions (tenant_id, project_id, version, size_bytes, author_id, created_at, envelope)
               VALUES ($1, $2, $3, $4, $5, $6, $7)`,
              [p.tenantId, id, meta.version, blob.length, p.userId, rows[0].updated_at, blob],
            );
            await appendAudit(sql, p.tenantId, {
              actorId: p.userId,
              action: 'project.update',
              target: id,
              outcome: 'ok',
              details: { version: meta.version, size_bytes: blob.length },
            });
            return { updated: meta };
          });
          if ('denied' in outcome)
            throw denied(p, 'project.update', id, 'membership', 'You may not write this project');
          if ('missing' in outcome) throw notFound();
          if ('conflict' in outcome) {
            metrics.conflicts.inc();
            await audit(p.tenantId, {
              actorId: p.userId,
              action: 'project.conflict',
              target: id,
              outcome: 'conflict',
              details: {
                expected: expected ?? (create ? 'create' : 'none'),
                current: outcome.conflict?.version ?? null,
              },
            });
            const body: ConflictResponse = { error: 'conflict', current: outcome.conflict ?? null };
            return reply.code(409).send(body);
          }
          const meta = 'created' in outcome ? outcome.created : 'updated' in outcome ? outcome.updated : null;
          if (!meta) throw new Error('unreachable: write without outcome');
          reply.header('ETag', `"${meta.version}"`);
          return reply.code('created' in outcome ? 201 : 200).send({ meta });
        },
      );

      api.delete<{ Params: { id: string } }>(
        '/projects/:id',
        { schema: { params: idParams } },
        async (req, reply) => {
          const p = principal(req);
          const id = req.params.id;
          if (!mayWrite(p)) throw denied(p, 'project.delete', id, 'role', 'Your role may not delete');
          const result = await inTenant(p, async (sql) => {
            if (!(await currentMeta(sql, p, id))) return 'missing';
            const access = await accessOf(sql, p, id);
            if (access !== 'owner') {
              if (!has(p, 'Administrator')) return 'denied';
              requireAdmin(p, 'project.delete', id);
            }
            const counts = await eraseProject(sql, p.tenantId, id);
            await appendAudit(sql, p.tenantId, {
              actorId: p.userId,
              action: 'project.delete',
              target: id,
              outcome: 'ok',
              details: counts,
            });
            return 'ok';
          });
          if (result === 'missing') throw notFound();
          if (result === 'denied')
            throw denied(p, 'project.delete', id, 'membership', 'Only an owner or Administrator may delete');
          return reply.code(204).send();
        },
      );

      const memberParams = {
        type: 'object',
        required: ['id', 'userId'],
        properties: { id: idParams.properties.id, userId: { type: 'string', pattern: ID_PATTERN } },
      } as const;

      /** Whether `userId` is the only owner of the project (who may then be neither removed nor demoted). */
      async function isLastOwner(sql: Sql, p: Principal, id: string, userId: string): Promise<boolean> {
        const owners = await sql.query<{ user_id: string }>(
          `SELECT user_id FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND access = 'owner'`,
          [p.tenantId, id],
        );
        return owners.length === 1 && owners[0].user_id === userId;
      }
      const lastOwner = () =>
        new HttpError(
          409,
          'last_owner',
          'A project keeps at least one owner: make someone else owner first, or delete the project',
        );

      api.get<{ Params: { id: string } }>(
        '/projects/:id/members',
        { schema: { params: idParams } },
        async (req) => {
          const p = principal(req);
          const id = req.params.id;
          const out = await inTenant(p, async (sql) => {
            if (!(await currentMeta(sql, p, id))) return null;
            // Members read the list; Administrators and Support see every project's metadata anyway.
            if (!(await accessOf(sql, p, id)) && !has(p, 'Administrator') && !has(p, 'Support'))
              return 'denied' as const;
            return sql.query<{
              user_id: string;
              access: Access;
              username: string | null;
              display_name: string | null;
            }>(
              `SELECT m.user_id, m.access, d.username, d.display_name FROM project_members m
                 LEFT JOIN user_directory d ON d.tenant_id = m.tenant_id AND d.user_id = m.user_id
               WHERE m.tenant_id = $1 AND m.project_id = $2
               ORDER BY CASE m.access WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END,
                 lower(coalesce(d.display_name, d.username, m.user_id))`,
              [p.tenantId, id],
            );
          });
          if (out === 'denied')
            throw denied(p, 'project.read', id, 'membership', 'You are not a member of this project');
          if (!out) throw notFound();
          const members: ProjectMember[] = out.map((r) => ({
            userId: r.user_id,
            access: r.access,
            ...(r.display_name ? { displayName: r.display_name } : {}),
            ...(r.username ? { username: r.username } : {}),
          }));
          return { members };
        },
      );

      api.put<{ Params: { id: string; userId: string }; Body: { access: Access } }>(
        '/projects/:id/members/:userId',
        {
          schema: {
            params: memberParams,
            body: {
              type: 'object',
              additionalProperties: false,
              required: ['access'],
              properties: { access: { enum: ['owner', 'editor', 'viewer'] } },
            },
          },
        },
        async (req) => {
          const p = principal(req);
          const { id, userId } = req.params;
          const target = `${id}/${userId}`;
          if (!mayWrite(p)) throw denied(p, 'project.share', target, 'role', 'Your role may not share');
          const result = await inTenant(p, async (sql) => {
            if (!(await currentMeta(sql, p, id))) return 'missing';
            const mine = await accessOf(sql, p, id);
            // Only an owner shares; nobody raises their own access except an MFA-verified Administrator.
            if (mine !== 'owner' || userId === p.userId) {
              if (!has(p, 'Administrator')) return 'denied';
              requireAdmin(p, 'project.share', target);
            }
            if (req.body.access !== 'owner' && (await isLastOwner(sql, p, id, userId))) throw lastOwner();
            const before = await sql.query<{ access: Access }>(
              `SELECT access FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3`,
              [p.tenantId, id, userId],
            );
            await sql.query(
              `INSERT INTO project_members (tenant_id, project_id, user_id, access) VALUES ($1, $2, $3, $4)
               ON CONFLICT (tenant_id, project_id, user_id) DO UPDATE SET access = EXCLUDED.access`,
              [p.tenantId, id, userId, req.body.access],
            );
            await appendAudit(sql, p.tenantId, {
              actorId: p.userId,
              action: before[0] ? 'project.role-change' : 'project.share',
              target,
              outcome: 'ok',
              details: { from: before[0]?.access ?? null, to: req.body.access },
            });
            return 'ok';
          });
          if (result === 'missing') throw notFound();
          if (result === 'denied')
            throw denied(p, 'project.share', target, 'membership', 'Only an owner may share');
          return { projectId: id, userId, access: req.body.access };
        },
      );

      api.delete<{ Params: { id: string; userId: string } }>(
        '/projects/:id/members/:userId',
        { schema: { params: memberParams } },
        async (req, reply) => {
          const p = principal(req);
          const { id, userId } = req.params;
          const target = `${id}/${userId}`;
          // Leaving (removing one's own membership) lowers one's own access: every role may do it.
          const leaving = userId === p.userId;
          if (!leaving && !mayWrite(p))
            throw denied(p, 'project.unshare', target, 'role', 'Your role may not unshare');
          const result = await inTenant(p, async (sql) => {
            if (!(await currentMeta(sql, p, id))) return 'missing';
            const mine = await accessOf(sql, p, id);
            if (leaving && !mine) return 'missing';
            if (!leaving && mine !== 'owner') {
              if (!has(p, 'Administrator')) return 'denied';
              requireAdmin(p, 'project.unshare', target);
            }
            if (await isLastOwner(sql, p, id, userId)) throw lastOwner();
            const removed = await sql.query<{ access: Access }>(
              `DELETE FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3 RETURNING access`,
              [p.tenantId, id, userId],
            );
            await appendAudit(sql, p.tenantId, {
              actorId: p.userId,
              action: 'project.unshare',
              target,
              outcome: 'ok',
              details: { from: removed[0]?.access ?? null, leave: leaving },
            });
            return 'ok';
          });
          if (result === 'missing') throw notFound();
          if (result === 'denied')
            throw denied(p, 'project.unshare', target, 'membership', 'Only an owner may unshare');
          return reply.code(204).send();
        },
      );

      api.get<{ Querystring: { query: string } }>(
        '/users',
        {
          schema: {
            querystring: {
              type: 'object',
              additionalProperties: false,
              required: ['query'],
              properties: {
                query: { type: 'string', minLength: DIRECTORY_QUERY_MIN, maxLength: DIRECTORY_QUERY_MAX },
              },
            },
          },
        },
        async (req) => {
          const p = principal(req);
          // The directory serves sharing: roles that may not share do not browse colleagues' names.
          if (!mayWrite(p)) throw denied(p, 'project.share', 'users', 'role', 'Your role may not share');
          const query = req.query.query.trim().toLowerCase();
          if (query.length < DIRECTORY_QUERY_MIN)
            throw new HttpError(
              400,
              'invalid_request',
              `querystring/query must have at least ${DIRECTORY_QUERY_MIN} characters besides spaces`,
            );
          const like = query.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
          const rows = await inTenant(p, (sql) =>
            sql.query<{ user_id: string; username: string | null; display_name: string | null }>(
              `SELECT user_id, username, display_name FROM user_directory
               WHERE tenant_id = $1 AND (lower(username) LIKE $2::text ESCAPE '\\'
                 OR lower(display_name) LIKE $2::text ESCAPE '\\'
                 OR lower(display_name) LIKE ('% ' || $2::text) ESCAPE '\\' OR lower(user_id) = $3::text)
               ORDER BY lower(coalesce(display_name, username, user_id)), user_id LIMIT ${DIRECTORY_RESULTS_MAX}`,
              [p.tenantId, like, query],
            ),
          );
          const users: DirectoryUser[] = rows.map((r) => ({
            userId: r.user_id,
            ...(r.display_name ? { displayName: r.display_name } : {}),
            ...(r.username ? { username: r.username } : {}),
          }));
          return { users };
        },
      );

      api.get('/keys', async (req) => {
        const p = principal(req);
        const rows = await inTenant(p, (sql) =>
          sql.query<{ key_id: string; envelope: Uint8Array; updated_at: Date | string }>(
            `SELECT key_id, envelope, updated_at FROM wrapped_keys WHERE tenant_id = $1 AND owner_id = $2 ORDER BY key_id`,
            [p.tenantId, p.userId],
          ),
        );
        return {
          keys: rows.map((r) => ({
            keyId: r.key_id,
            envelope: JSON.parse(Buffer.from(r.envelope).toString('utf8')) as EncryptedEnvelope,
            updatedAt: iso(r.updated_at),
          })),
        };
      });

      api.put<{ Params: { keyId: string }; Body: { envelope: EncryptedEnvelope } }>(
        '/keys/:keyId',
        {
          schema: {
            params: {
              type: 'object',
              required: ['keyId'],
              properties: { keyId: { type: 'string', pattern: ID_PATTERN } },
            },
            body: {
              type: 'object',
              additionalProperties: false,
              required: ['envelope'],
              properties: { envelope: envelopeSchema },
            },
          },
        },
        async (req) => {
          const p = principal(req);
          const blob = Buffer.from(JSON.stringify(req.body.envelope), 'utf8');
          await inTenant(p, async (sql) => {
            await sql.query(
              `INSERT INTO wrapped_keys (tenant_id, key_id, owner_id, size_bytes, envelope) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (tenant_id, key_id, owner_id) DO UPDATE SET envelope = EXCLUDED.envelope,
                 size_bytes = EXCLUDED.size_bytes, updated_at = now()`,
              [p.tenantId, req.params.keyId, p.userId, blob.length, blob],
            );
            await appendAudit(sql, p.tenantId, {
              actorId: p.userId,
              action: 'key.put',
              target: req.params.keyId,
              outcome: 'ok',
            });
          });
          return { keyId: req.params.keyId };
        },
      );

      // ---- administrative: Administrator role + MFA evidence -------------------------------------
      api.get<{ Querystring: { after?: number; limit?: number } }>(
        '/admin/audit',
        {
          schema: {
            querystring: {
              type: 'object',
              additionalProperties: false,
              properties: {
                after: { type: 'integer', minimum: 0 },
                limit: { type: 'integer', minimum: 1, maximum: 1000 },
              },
            },
          },
        },
        async (req) => {
          const p = principal(req);
          requireAdmin(p, 'admin.audit-read', 'audit');
          return inTenant(p, async (sql) => {
            await appendAudit(sql, p.tenantId, {
              actorId: p.userId,
              action: 'admin.audit-read',
              target: 'audit',
              outcome: 'ok',
            });
            const entries = await readAudit(sql, p.tenantId, req.query.after ?? 0, req.query.limit ?? 1000);
            return { entries };
          });
        },
      );

      api.get('/admin/audit/export', async (req, reply) => {
        const p = principal(req);
        requireAdmin(p, 'admin.audit-export', 'audit');
        const entries = await inTenant(p, async (sql) => {
          await appendAudit(sql, p.tenantId, {
            actorId: p.userId,
            action: 'admin.audit-export',
            target: 'audit',
            outcome: 'ok',
          });
          const all = [];
          for (let after = 0; ;) {
            const page = await readAudit(sql, p.tenantId, after, 5000);
            all.push(...page);
            if (page.length < 5000) break;
            after = page[page.length - 1].n;
          }
          return all;
        });
        const check = verifyChain(entries);
        return reply
          .type('application/x-ndjson')
          .header('Content-Disposition', `attachment; filename="audit-${p.tenantId}.ndjson"`)
          .header('X-Audit-Chain', check.ok ? 'verified' : `broken-at-${check.brokenAt}`)
          .send(entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
      });

      api.delete<{ Params: { userId: string } }>(
        '/admin/users/:userId',
        {
          schema: {
            params: {
              type: 'object',
              required: ['userId'],
              properties: { userId: { type: 'string', pattern: ID_PATTERN } },
            },
          },
        },
        async (req) => {
          const p = principal(req);
          const userId = req.params.userId;
          requireAdmin(p, 'admin.user-erase', userId);
          return inTenant(p, async (sql) => {
            const counts = await eraseUser(sql, p.tenantId, userId);
            await appendAudit(sql, p.tenantId, {
              actorId: p.userId,
              action: 'admin.user-erase',
              target: userId,
              outcome: 'ok',
              details: counts,
            });
            return { userId, ...counts };
          });
        },
      );

      api.delete('/admin/tenant', async (req) => {
        const p = principal(req);
        requireAdmin(p, 'admin.tenant-erase', p.tenantId);
        if (req.headers['x-confirm-tenant'] !== p.tenantId)
          throw new HttpError(
            400,
            'confirmation_required',
            'Send X-Confirm-Tenant: <your tenant id> to erase the tenant',
          );
        return inTenant(p, async (sql) => {
          const counts = await eraseTenant(sql, p.tenantId);
          await appendAudit(sql, p.tenantId, {
            actorId: p.userId,
            action: 'admin.tenant-erase',
            target: p.tenantId,
            outcome: 'ok',
            details: counts,
          });
          return { tenantId: p.tenantId, ...counts };
        });
      });
    },
    { prefix: SYNC_API_PREFIX },
  );

  return app;
}

async function count(sql: Sql, text: string, params: unknown[]): Promise<number> {
  return (await sql.query(text, params)).length;
}

/** Deletes the project with all versions (blobs) and memberships. */
export async function eraseProject(sql: Sql, tenantId: string, id: string) {
  const versions = await count(
    sql,
    `DELETE FROM project_versions WHERE tenant_id = $1 AND project_id = $2 RETURNING 1`,
    [tenantId, id],
  );
  await sql.query(`DELETE FROM project_members WHERE tenant_id = $1 AND project_id = $2`, [tenantId, id]);
  const projects = await count(sql, `DELETE FROM projects WHERE tenant_id = $1 AND id = $2 RETURNING 1`, [
    tenantId,
    id,
  ]);
  return { projects, versions };
}

/**
 * A user's data: their wrapped keys (crypto-shredding of their access), their memberships, their
 * entry in the user directory, and every project they own alone, with all versions. Versions they wrote in projects that others
 * still own stay (team content) but lose the author id.
 */
export async function eraseUser(sql: Sql, tenantId: string, userId: string) {
  const soleOwned = await sql.query<{ project_id: string }>(
    `SELECT m.project_id FROM project_members m WHERE m.tenant_id = $1 AND m.user_id = $2 AND m.access = 'owner'
       AND NOT EXISTS (SELECT 1 FROM project_members o WHERE o.tenant_id = m.tenant_id AND o.project_id = m.project_id
                       AND o.access = 'owner' AND o.user_id <> $2)`,
    [tenantId, userId],
  );
  let projects = 0;
  let versions = 0;
  for (const { project_id } of soleOwned) {
    const c = await eraseProject(sql, tenantId, project_id);
    projects += c.projects;
    versions += c.versions;
  }
  const keys = await count(
    sql,
    `DELETE FROM wrapped_keys WHERE tenant_id = $1 AND owner_id = $2 RETURNING 1`,
    [tenantId, userId],
  );
  const memberships = await count(
    sql,
    `DELETE FROM project_members WHERE tenant_id = $1 AND user_id = $2 RETURNING 1`,
    [tenantId, userId],
  );
  await sql.query(
    `UPDATE project_versions SET author_id = 'erased' WHERE tenant_id = $1 AND author_id = $2`,
    [tenantId, userId],
  );
  await sql.query(`UPDATE projects SET author_id = 'erased' WHERE tenant_id = $1 AND author_id = $2`, [
    tenantId,
    userId,
  ]);
  const directory = await count(
    sql,
    `DELETE FROM user_directory WHERE tenant_id = $1 AND user_id = $2 RETURNING 1`,
    [tenantId, userId],
  );
  return { projects, versions, keys, memberships, directory };
}

/** Every project, version, membership, wrapped key and directory entry of the tenant. The audit chain remains. */
export async function eraseTenant(sql: Sql, tenantId: string) {
  const versions = await count(sql, `DELETE FROM project_versions WHERE tenant_id = $1 RETURNING 1`, [
    tenantId,
  ]);
  await sql.query(`DELETE FROM project_members WHERE tenant_id = $1`, [tenantId]);
  const projects = await count(sql, `DELETE FROM projects WHERE tenant_id = $1 RETURNING 1`, [tenantId]);
  const keys = await count(sql, `DELETE FROM wrapped_keys WHERE tenant_id = $1 RETURNING 1`, [tenantId]);
  const directory = await count(sql, `DELETE FROM user_directory WHERE tenant_id = $1 RETURNING 1`, [
    tenantId,
  ]);
  return { projects, versions, keys, directory };
}
