/**
 * The sync API (contracts/src/sync.ts is the contract; server/openapi.json describes it).
 * Stateless: all state is in PostgreSQL, so instances scale out behind a load balancer.
 * `buildApp` sets up Fastify (CORS, rate limit, security headers, request logs, errors) and
 * registers the routes, one module per resource in routes/, over the SQL in repository/.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import { SYNC_API_PREFIX } from '../../contracts';
import type { ServerConfig } from './config';
import type { Db } from './db';
import { createVerifier, type Principal, type Verifier } from './auth';
import { appendAudit, type AuditInput } from './audit';
import { errorHandler, rateLimited } from './errors';
import { createRefusalSampler } from './refusals';
import { createMetrics, type Metrics } from './metrics';
import { registerUploadGate } from './limits';
import { registerTracing, type Telemetry } from './telemetry';
import { HSTS_HEADER } from './tls';
import type { RouteContext } from './routes/common';
import { registerHealthRoutes } from './routes/health';
import { registerAuthentication } from './routes/session';
import { registerProjectRoutes } from './routes/projects';
import { registerMemberRoutes } from './routes/members';
import { registerUserRoutes } from './routes/users';
import { registerKeyRoutes } from './routes/keys';
import { registerAuditRoutes } from './routes/audit';
import { registerErasureRoutes } from './routes/erasure';
import { registerSubjectRoutes } from './routes/subject';

export { SYSTEM_TENANT, mfaChallenge } from './errors';
export { mayWrite } from './routes/common';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyInstance {
    /** The app's metrics, served by metricsServer.ts on its own listener. */
    metrics: Metrics;
  }
}

export interface AppOptions {
  config: ServerConfig;
  db: Db;
  verifier?: Verifier;
  metrics?: Metrics;
  https?: TlsOptions & SecureContextOptions;
  /** OpenTelemetry traces (telemetry.ts); off unless given. */
  telemetry?: Telemetry;
  /** Pino logger options (a `stream` captures the lines in tests) or false. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const verify = opts.verifier ?? createVerifier(config.auth);
  const metrics = opts.metrics ?? createMetrics(false);
  const { timeouts } = config;
  // Node checks the headers and request timeouts every connectionsCheckingInterval (30 s by default).
  const socketLimits = {
    headersTimeout: timeouts.headers_ms,
    requestTimeout: timeouts.request_ms,
    connectionsCheckingInterval: Math.min(1000, timeouts.headers_ms),
  };
  const app = Fastify({
    ...(opts.https ? { https: { ...opts.https, ...socketLimits } } : { http: socketLimits }),
    // Slow and idle clients: no bytes for idle_ms closes the socket; a request must be complete
    // within request_ms; a keep-alive connection waits keepAlive_ms for the next request.
    connectionTimeout: timeouts.idle_ms,
    requestTimeout: timeouts.request_ms,
    keepAliveTimeout: timeouts.keepAlive_ms,
    logger: opts.logger ?? { level: config.logLevel },
    // Request logs are written below without IPs, headers, tokens or ids of people.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit_bytes,
    // Ids are at most 128 characters (SYNC_ID_PATTERN); longer path segments answer 414.
    maxParamLength: 160,
    // A hop count as a trust function: the socket peer and the next n-1 X-Forwarded-For entries
    // (from the right) are proxies; the entry after them is the client.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
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
  // Counted per client address on the application level, before authentication (a route-level
  // limit would run after the token check and never see refused or anonymous requests).
  await app.register(rateLimit, {
    global: false,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (req) => req.url === '/health',
    errorResponseBuilder: (_req, ctx) => rateLimited(ctx.max),
  });
  app.addHook('onRequest', app.rateLimit());

  registerUploadGate(app, config.maxConcurrentUploads);
  if (opts.telemetry) registerTracing(app, opts.telemetry);
  app.decorate('metrics', metrics);

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
  const ctx: RouteContext = { config, db, metrics, audit };

  app.setErrorHandler(
    errorHandler({
      bodyLimit_bytes: config.bodyLimit_bytes,
      metrics,
      audit,
      sampleRefusal: createRefusalSampler(),
      requiredScope: config.auth.requiredScope,
    }),
  );

  // ---- public ----------------------------------------------------------------------------------
  registerHealthRoutes(app, ctx);

  // ---- authenticated API -------------------------------------------------------------------------
  await app.register(
    // Async although nothing is awaited: Fastify takes a plugin that returns no promise as
    // callback-style and would wait for its done().
    // eslint-disable-next-line @typescript-eslint/require-await
    async (api) => {
      registerAuthentication(api, ctx, verify);
      registerProjectRoutes(api, ctx);
      registerMemberRoutes(api, ctx);
      registerUserRoutes(api, ctx);
      registerKeyRoutes(api, ctx);
      // Administrative: Administrator role + MFA evidence.
      registerAuditRoutes(api, ctx);
      registerErasureRoutes(api, ctx);
      registerSubjectRoutes(api, ctx);
    },
    { prefix: SYNC_API_PREFIX },
  );

  return app;
}
