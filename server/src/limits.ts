/**
 * Limits that keep one client from exhausting the server: a gate on how many upload bodies are held
 * in memory at once (PUT of a project; bodies are parsed whole, up to BODY_LIMIT_BYTES each), and the
 * storage quotas per tenant and per user. Timeouts against slow and idle connections are Node's,
 * set in app.ts from config.timeouts.
 */
import type { FastifyInstance } from 'fastify';
import { SYNC_ERROR_BUSY, SYNC_ERROR_QUOTA_EXCEEDED } from '../../contracts';
import type { ServerConfig } from './config';
import { HttpError } from './errors';
import type { Sql } from './db';
import { storedBytes } from './repository';

/** How long a client waits before retrying a refused upload (seconds). */
export const BUSY_RETRY_AFTER_S = 5;

/** Bodies up to this size (announced by Content-Length) pass the gate: they cost little memory. */
export const SMALL_BODY_BYTES = 64 * 1024;

/**
 * At most `max` large PUT bodies at a time (over SMALL_BODY_BYTES or of unknown length): a further
 * one is answered 503 `busy` before its body is read, so memory stays at about
 * max × BODY_LIMIT_BYTES for uploads however many clients send at once.
 */
export function registerUploadGate(app: FastifyInstance, max: number): void {
  let inFlight = 0;
  const held = new WeakSet<object>();
  const release = (req: object) => {
    if (held.delete(req)) inFlight--;
  };
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'PUT') return;
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && length <= SMALL_BODY_BYTES) return;
    if (inFlight >= max) {
      reply.header('Retry-After', String(BUSY_RETRY_AFTER_S));
      return reply.code(503).send({
        statusCode: 503,
        error: SYNC_ERROR_BUSY,
        message: `The server is busy with other uploads; retry in ${BUSY_RETRY_AFTER_S} s`,
      });
    }
    inFlight++;
    held.add(req);
  });
  app.addHook('onResponse', (req, _reply, done) => {
    release(req);
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    release(req);
    done();
  });
}

/** Refuses a write of `size_bytes` that would take the tenant or the user over their quota. */
export async function checkQuota(
  sql: Sql,
  config: Pick<ServerConfig, 'quotaTenant_bytes' | 'quotaUser_bytes'>,
  tenantId: string,
  userId: string,
  size_bytes: number,
): Promise<void> {
  const used = await storedBytes(sql, tenantId, userId);
  const over =
    used.tenant_bytes + size_bytes > config.quotaTenant_bytes
      ? `the organisation's storage quota (${config.quotaTenant_bytes} bytes)`
      : used.user_bytes + size_bytes > config.quotaUser_bytes
        ? `your storage quota (${config.quotaUser_bytes} bytes)`
        : null;
  if (over)
    throw new HttpError(413, SYNC_ERROR_QUOTA_EXCEEDED, `Storing this version would exceed ${over}`, {
      actorId: userId,
      action: 'project.quota',
      target: null,
      outcome: 'refused',
      details: { size_bytes, tenant_bytes: used.tenant_bytes, user_bytes: used.user_bytes },
    });
}
