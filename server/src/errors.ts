/**
 * Refusals and failures as HTTP answers: `HttpError` (thrown by routes, audited when it carries
 * an audit entry), refused tokens (401/403, counted; sampled into the audit log, refusals.ts),
 * validation, size and media-type errors, an unavailable database or identity provider (503 with
 * Retry-After) and everything else (500, no details).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  SYNC_ERROR_AUTH_UNAVAILABLE,
  SYNC_ERROR_RATE_LIMITED,
  SYNC_ERROR_USER_TOKEN_REQUIRED,
} from '../../contracts';
import type { AuditInput } from './audit';
import { AuthError, KeysUnavailableError } from './auth';
import { sqlState } from './db';
import type { Metrics } from './metrics';
import type { RefusalSampler } from './refusals';

/** Audit chain for refused tokens whose tenant is not verified (forged, unsigned, not allowed). */
export const SYSTEM_TENANT = '_system';

/** The 429 body of the rate limit (also used by its error response builder). */
export const rateLimited = (max: number) => ({
  statusCode: 429,
  error: SYNC_ERROR_RATE_LIMITED,
  message: `Too many requests: at most ${max} per minute`,
});

export class HttpError extends Error {
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

/** The app's error handler; `audit` appends in its own transaction and never throws. */
export function errorHandler(deps: {
  bodyLimit_bytes: number;
  metrics: Metrics;
  audit: (tenantId: string, input: AuditInput) => Promise<void>;
  sampleRefusal: RefusalSampler;
  requiredScope: string;
}) {
  const { bodyLimit_bytes, metrics, audit, sampleRefusal, requiredScope } = deps;

  /**
   * Every refusal is counted; the audit log gets at most one entry per chain, reason and window.
   * Only a verified token names its tenant's chain: a forged one's `tid` is the caller's choice.
   */
  async function refused(err: AuthError, req: FastifyRequest): Promise<void> {
    metrics.authRefused.inc({ reason: err.reason });
    // Requests without any bearer token are counted, not audited (no database write per anonymous hit).
    if (err.reason === 'missing') return;
    const chain = err.verifiedTenant ?? SYSTEM_TENANT;
    const sample = sampleRefusal(chain, err.reason);
    if (!sample) return;
    await audit(chain, {
      actorId: null,
      action: 'auth.refused',
      outcome: 'refused',
      target: req.routeOptions.url ?? null,
      details: { reason: err.reason, notRecordedBefore: sample.suppressed },
    });
  }

  return async (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof HttpError) {
      if (err.audit && req.principal) await audit(req.principal.tenantId, err.audit);
      for (const [k, v] of Object.entries(err.extra?.headers ?? {})) reply.header(k, v);
      return reply.code(err.status).send({ error: err.code, message: err.message, ...err.extra?.body });
    }
    if (err instanceof AuthError) {
      await refused(err, req);
      if (err.status === 403)
        return reply
          .code(403)
          .header('WWW-Authenticate', `Bearer error="insufficient_scope", scope="${requiredScope}"`)
          .send({ error: SYNC_ERROR_USER_TOKEN_REQUIRED, message: err.message });
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer error="invalid_token"')
        .send({ error: 'unauthorized', message: err.message });
    }
    if (err instanceof KeysUnavailableError) {
      // Not the user's fault: a 401 would sign them out. Not audited as a refused token.
      metrics.authKeysUnavailable.inc();
      req.log.warn('identity provider keys unavailable');
      return reply
        .code(503)
        .header('Retry-After', '30')
        .send({ error: SYNC_ERROR_AUTH_UNAVAILABLE, message: err.message });
    }
    const e = err as { statusCode?: number; code?: string; message?: string; validation?: unknown };
    if (e.validation) return reply.code(400).send({ error: 'invalid_request', message: e.message });
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply
        .code(413)
        .send({ error: 'payload_too_large', message: `Body exceeds ${bodyLimit_bytes} bytes` });
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
