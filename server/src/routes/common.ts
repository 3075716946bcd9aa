/**
 * What every route module shares: the context handed to its register function, the caller's
 * principal, the authorisation checks (roles, MFA) with their audited refusals, and the JSON
 * schemas of ids and envelopes.
 */
import type { FastifyRequest } from 'fastify';
import { SYNC_ID_PATTERN, type Role } from '../../../contracts';
import type { AuditInput } from '../audit';
import { AuthError, type Principal } from '../auth';
import type { ServerConfig } from '../config';
import type { Db, Sql } from '../db';
import { HttpError, mfaChallenge } from '../errors';
import type { Metrics } from '../metrics';

export interface RouteContext {
  config: ServerConfig;
  db: Db;
  metrics: Metrics;
  /** Appends an audit entry in a transaction of its own; a failure is logged, never thrown. */
  audit(tenantId: string, input: AuditInput): Promise<void>;
}

/** The verified caller (set by the authentication hook, routes/session.ts). */
export function principal(req: FastifyRequest): Principal {
  if (!req.principal) throw new AuthError('missing', 'Not authenticated');
  return req.principal;
}

/** Runs `fn` in one transaction scoped to the caller's tenant by row-level security. */
export const inTenant = <T>(ctx: RouteContext, p: Principal, fn: (sql: Sql) => Promise<T>) =>
  ctx.db.tenant(p.tenantId, fn);

/** The one role a caller acts in; `member` = no app role. */
export type EffectiveRole = Role | 'member';

/**
 * The single place where the token's roles become permissions: ReadOnly always wins (also over
 * Administrator), then Administrator, then Support; no app role is a plain member. Every route
 * asks the predicates below, never the raw `roles` claim.
 */
export function effectiveRole(roles: readonly Role[]): EffectiveRole {
  if (roles.includes('ReadOnly')) return 'ReadOnly';
  if (roles.includes('Administrator')) return 'Administrator';
  if (roles.includes('Support')) return 'Support';
  return 'member';
}

const roleOf = (p: Principal) => effectiveRole(p.roles);
/** Administrator (still needs MFA for administrative actions: requireAdmin). */
export const isAdministrator = (p: Principal) => roleOf(p) === 'Administrator';
/** Sees the tenant's project metadata and member lists: Administrator and Support. */
export const seesTenant = (p: Principal) => roleOf(p) === 'Administrator' || roleOf(p) === 'Support';
/** Creates, writes, shares, searches the directory: members and Administrators. */
export const mayWrite = (p: Principal) => roleOf(p) === 'member' || roleOf(p) === 'Administrator';

/** A 403 whose `access.denied` entry the error handler appends to the audit chain. */
export const denied = (
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

export const notFound = () => new HttpError(404, 'not_found', 'No such project in your tenant');

/** Administrator role and MFA evidence, else 403 (audited; without MFA with a step-up challenge). */
export function requireAdmin(
  ctx: RouteContext,
  p: Principal,
  action: AuditInput['action'],
  target: string,
): void {
  if (!isAdministrator(p)) throw denied(p, action, target, 'role', 'Administrator role required');
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
      mfaChallenge(ctx.config.auth.mfaAcrs),
    );
}

export const ID_PATTERN = SYNC_ID_PATTERN;
const B64_PATTERN = '^[A-Za-z0-9+/_-]*={0,2}$';

export const idSchema = { type: 'string', pattern: ID_PATTERN } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: idSchema },
} as const;

const envelopeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['formatVersion', 'alg', 'keyId', 'wrappedKey_b64', 'nonce_b64', 'ciphertext_b64'],
  properties: {
    formatVersion: { enum: [1, 2] },
    alg: { const: 'AES-256-GCM' },
    keyId: idSchema,
    wrappedKey_b64: { type: 'string', maxLength: 1024, pattern: B64_PATTERN },
    nonce_b64: { type: 'string', minLength: 16, maxLength: 16, pattern: B64_PATTERN },
    ciphertext_b64: { type: 'string', minLength: 1, pattern: B64_PATTERN },
  },
} as const;

/** A body `{ envelope }` (a project version or a wrapped key). */
export const envelopeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['envelope'],
  properties: { envelope: envelopeSchema },
} as const;
