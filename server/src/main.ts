/**
 * `npm run server`: the sync server. Listens on PORT (default 8080); PGlite (embedded, PGLITE_DIR or
 * in memory) unless DATABASE_URL points at PostgreSQL; HTTPS when TLS_CERT and TLS_KEY are set.
 * See docs/deploy.md for every variable.
 */
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { openDb } from './db';
import { buildApp } from './app';
import { createMetrics } from './metrics';
import { startMetricsServer, type MetricsServer } from './metricsServer';
import { tlsOptionsFromFiles } from './tls';
import { fileSink, startAnchoring, type AnchorSink } from './anchor';
import { startRetention } from './retention';
import { createTelemetry, tracesEndpoint } from './telemetry';

let config: ServerConfig;
try {
  config = loadConfig();
} catch (e) {
  // A configuration mistake is the operator's, not a crash: one line, no stack trace.
  if (!(e instanceof ConfigError)) throw e;
  console.error(`werkplan server: ${e.message}`);
  process.exit(1);
}
// OpenTelemetry traces only when an OTLP endpoint is configured (off by default).
const otlp = tracesEndpoint(process.env);
const db = await openDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
const app = await buildApp({
  config,
  db,
  metrics: createMetrics(true),
  telemetry: otlp ? createTelemetry(otlp) : undefined,
  https:
    config.tlsCertFile && config.tlsKeyFile
      ? tlsOptionsFromFiles(config.tlsCertFile, config.tlsKeyFile)
      : undefined,
});
const address = await app.listen({ port: config.port, host: config.host });
// Metrics on their own port (METRICS_PORT, 0 = off), never on the public API listener.
const metricsServer: MetricsServer | null =
  config.metricsPort > 0
    ? await startMetricsServer(app.metrics, config.metricsHost, config.metricsPort)
    : null;
if (metricsServer) app.log.info({ address: metricsServer.url }, 'metrics listening');
app.log.info(
  { address, database: db.kind, tls: Boolean(config.tlsCertFile) },
  'werkplan sync server listening',
);

// The audit chains' heads go to the log (and AUDIT_ANCHOR_FILE): see anchor.ts and docs/deploy.md.
const logSink: AnchorSink = (anchors) => {
  for (const a of anchors) app.log.info(a, 'audit.anchor');
  return Promise.resolve();
};
const anchoring = startAnchoring({
  db,
  tenantIds: config.auth.allowedTenants,
  interval_s: config.auditAnchorInterval_s,
  sinks: config.auditAnchorFile ? [logSink, fileSink(config.auditAnchorFile)] : [logSink],
  onError: (err) =>
    app.log.error({ err: (err as Error).message }, 'audit anchoring failed; retrying at the next tick'),
});

// Retention (docs/security/retention.md): daily by default, per allowed tenant, each run audited.
const retention = startRetention({
  db,
  tenantIds: config.auth.allowedTenants,
  policy: config.retention,
  interval_s: config.retentionInterval_s,
  onRun: (tenantId, r) => {
    if (r.versions + r.auditEntries + r.directoryEntries > 0) app.log.info({ tenantId, ...r }, 'retention');
  },
  onError: (err) =>
    app.log.error({ err: (err as Error).message }, 'retention failed; retrying at the next run'),
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  retention.stop();
  await app.close();
  await metricsServer?.close();
  await anchoring.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
