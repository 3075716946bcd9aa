/**
 * Public routes without a token: health (with the database) and the OpenAPI description. Metrics
 * are not here: they are served on their own listener (metricsServer.ts), never on the public port.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './common';

/** Where SECURITY.md is published (the policy the file points to). */
export const SECURITY_POLICY_URL = 'https://github.com/werkplan/werkplan/blob/main/SECURITY.md';

/**
 * RFC 9116 security.txt: how to report a vulnerability. `Expires` is a year ahead of each answer,
 * so the file never goes stale while the server runs.
 */
export function securityTxt(contact: string, now: Date): string {
  const expires = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `Contact: ${contact.includes(':') ? contact : `mailto:${contact}`}`,
    `Expires: ${expires.toISOString()}`,
    'Preferred-Languages: de, en',
    `Policy: ${SECURITY_POLICY_URL}`,
    '',
  ].join('\n');
}

export function registerHealthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { db } = ctx;
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
  app.get('/.well-known/security.txt', async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(securityTxt(ctx.config.securityContact, new Date())),
  );
}
