/** Public routes without a token: health (with the database), the OpenAPI description, metrics. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './common';

export function registerHealthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { db, metrics } = ctx;
  app.get('/health', async (_req, reply) => {
    try {
      await db.ping();
      return { status: 'ok', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'degraded', database: 'unreachable' });
    }
  });
  const openapi = readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8');
  app.get('/openapi.json', async (_req, reply) => reply.type('application/json').send(openapi));
  app.get('/metrics', async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
