/** What the sync API's routes share: request schemas, row mapping, refusals, role rules. */
import type { BlobMeta, Role } from '../../contracts';
import { sqlState } from './db';
import type { Principal } from './auth';
import type { AuditInput } from './audit';
import { SYNC_ID_PATTERN } from '../../contracts';

export const ID_PATTERN = SYNC_ID_PATTERN;
const B64_PATTERN = '^[A-Za-z0-9+/_-]*={0,2}$';

export const envelopeSchema = {
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

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: ID_PATTERN } },
} as const;

export type Access = 'owner' | 'editor' | 'viewer';

export interface ProjectRow {
  id: string;
  tenant_id: string;
  version: number;
  size_bytes: number;
  author_id: string;
  created_at: Date | string;
  updated_at: Date | string;
}

export const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function toMeta(r: ProjectRow): BlobMeta {
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

export const has = (p: Principal, r: Role) => p.roles.includes(r);
/** ReadOnly always wins; Support is read-only unless also Administrator. */
export const mayWrite = (p: Principal) =>
  !has(p, 'ReadOnly') && (has(p, 'Administrator') || !has(p, 'Support'));

export function parseIfMatch(header: string | undefined): number | null {
  const m = header ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim()) : null;
  return m ? Number(m[1]) : null;
}

export function isDbUnavailable(err: unknown): boolean {
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
