/**
 * `npm run server`: the sync server. Listens on PORT (default 8080); PGlite (embedded, PGLITE_DIR or
 * in memory) unless DATABASE_URL points at PostgreSQL; HTTPS when TLS_CERT and TLS_KEY are set.
 * See docs/deploy.md for every variable.
 */
import { loadConfig } from './config';
import { openDb } from './db';
import { buildApp } from './app';
import { createMetrics } from './metrics';
import { tlsOptionsFromFiles } from './tls';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
const app = await buildApp({
  config,
  db,
  metrics: createMetrics(true),
  https:
    config.tlsCertFile && config.tlsKeyFile
      ? tlsOptionsFromFiles(config.tlsCertFile, config.tlsKeyFile)
      : undefined,
});
const address = await app.listen({ port: config.port, host: config.host });
app.log.info(
  { address, database: db.kind, tls: Boolean(config.tlsCertFile) },
  'werkplan sync server listening',
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
