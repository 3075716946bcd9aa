/**
 * The sync API (contracts/src/sync.ts is the contract; server/openapi.json describes it): the
 * server's setup (TLS, CORS, rate limit, security headers, metrics, errors, sign-in records) and the
 * routes, one module per resource in ./routes over the shared context (./routes/context.ts).
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
import { SYNC_API_PREFIX } from '../../contracts';
import type { ServerConfig } from './config';
import type { Db } from './db';
import { AuthError, createVerifier, type Principal, type Verifier } from './auth';
import { appendAudit, type AuditInput } from './audit';
import { createMetrics, type Metrics } from './metrics';
import { HSTS_HEADER } from './tls';
import { HttpError, isDbUnavailable } from './http';
import { apiContext } from './routes/context';
import { registerProjectReadRoutes, registerProjectWriteRoutes } from './routes/projects';
import { registerMemberRoutes } from './routes/members';
import { registerUserRoutes } from './routes/users';
import { registerKeyRoutes } from './routes/keys';
import { registerAdminRoutes } from './routes/admin';

export { mfaChallenge, mayWrite } from './http';
export { eraseProject, eraseUser, eraseTenant } from './erasure';

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

  app.setErrorHandler(errorHandler(config, metrics, audit));

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

      const c = apiContext({ config, db, metrics, log: app.log, audit });
      registerProjectReadRoutes(api, c);
      registerProjectWriteRoutes(api, c);
      registerMemberRoutes(api, c);
      registerUserRoutes(api, c);
      registerKeyRoutes(api, c);
      registerAdminRoutes(api, c);
    },
    { prefix: SYNC_API_PREFIX },
  );

  return app;
}

/**
 * Every error as the API answers it: HttpError with its status (audited where it says so), 401 for
 * a refused token (audited unless no token was sent), 400/413/415/429 for bad requests, 503 while
 * the database is unavailable, 500 otherwise, never with internals.
 */
function errorHandler(
  config: ServerConfig,
  metrics: Metrics,
  audit: (tenantId: string, input: AuditInput) => Promise<void>,
) {
  return async (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
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
  };
}
