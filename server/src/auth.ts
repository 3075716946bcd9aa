/**
 * Verification of Microsoft Entra ID access tokens (JWT) with `jose`: signature against the
 * tenant's JWKS, algorithms pinned (never `none`, never HMAC), issuer of the tenant's v2.0
 * endpoint, audience = the API, expiry and not-before, and the tenant on the allow list before
 * any key is fetched. Roles come from the `roles` claim (Entra app roles).
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Role } from '../../contracts';
import type { AuthConfig } from './config';

export interface Principal {
  tenantId: string;
  /** Entra object id of the user (or service principal). */
  userId: string;
  roles: Role[];
  /** Multi-factor evidence in the token (amr contains mfa, or a configured acrs value). */
  mfa: boolean;
  /** Issued-at, seconds; used to record each sign-in once. */
  issuedAt: number;
  /** `preferred_username` (or `upn`) and `name` of the token, for the tenant's user directory. */
  username?: string;
  displayName?: string;
}

/** A printable profile claim of at most 256 characters, or undefined. */
function profileClaim(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const clean = v.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean ? clean.slice(0, 256) : undefined;
}

/** A refused token: `reason` is a short fixed code, safe to log and audit (no token content). */
export class AuthError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    /** Tenant claimed by the token, only when that tenant is on the allow list. */
    readonly claimedTenant?: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

const GUIDISH = /^[0-9A-Za-z-]{1,64}$/;

export function createVerifier(config: AuthConfig) {
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const allowed = new Set(config.allowedTenants);

  function keySet(tid: string) {
    let set = keySets.get(tid);
    if (!set) {
      set = createRemoteJWKSet(new URL(config.jwksUriTemplate.replaceAll('{tid}', tid)), {
        cooldownDuration: 30_000,
        cacheMaxAge: 3_600_000,
        timeoutDuration: 5_000,
      });
      keySets.set(tid, set);
    }
    return set;
  }

  return async function verify(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw new AuthError('missing', 'Authorization: Bearer <token> is required');
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!match) throw new AuthError('malformed', 'Authorization must be "Bearer <JWT>"');
    const token = match[1];
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claimed: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      claimed = decodeJwt(token);
    } catch {
      throw new AuthError('malformed', 'The bearer token is not a decodable JWT');
    }
    const tid = claimed.tid;
    if (typeof tid !== 'string' || !GUIDISH.test(tid))
      throw new AuthError('tenant', 'Token has no valid tid claim');
    if (!allowed.has(tid)) throw new AuthError('tenant', 'Token tenant is not allowed on this server');
    if (typeof header.alg !== 'string' || !config.algorithms.includes(header.alg))
      throw new AuthError('algorithm', `Token algorithm ${String(header.alg)} is not accepted`, tid);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet(tid), {
        issuer: config.issuerTemplate.replaceAll('{tid}', tid),
        audience: config.audiences,
        algorithms: config.algorithms,
        clockTolerance: config.clockTolerance_s,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      const reason =
        code === 'ERR_JWT_EXPIRED'
          ? 'expired'
          : code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY'
            ? 'signature'
            : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
              ? `claim:${(err as { claim?: string }).claim ?? '?'}`
              : 'invalid';
      throw new AuthError(reason, `Token refused (${reason})`, tid);
    }
    if (payload.tid !== tid) throw new AuthError('tenant', 'Token tenant changed during verification', tid);
    const oid = payload.oid;
    if (typeof oid !== 'string' || !GUIDISH.test(oid))
      throw new AuthError('claim:oid', 'Token has no valid oid', tid);
    const rawRoles = Array.isArray(payload.roles) ? payload.roles : [];
    const roles = ROLES.filter((r) => rawRoles.includes(r));
    const amr = Array.isArray(payload.amr)
      ? payload.amr.filter((v): v is string => typeof v === 'string')
      : [];
    const acrs = Array.isArray(payload.acrs)
      ? payload.acrs.filter((v): v is string => typeof v === 'string')
      : [];
    const mfa = amr.some((v) => config.mfaAmr.includes(v)) || acrs.some((v) => config.mfaAcrs.includes(v));
    const username = profileClaim(payload.preferred_username) ?? profileClaim(payload.upn);
    const displayName = profileClaim(payload.name);
    return {
      tenantId: tid,
      userId: oid,
      roles,
      mfa,
      issuedAt: payload.iat ?? 0,
      ...(username ? { username } : {}),
      ...(displayName ? { displayName } : {}),
    };
  };
}

export type Verifier = ReturnType<typeof createVerifier>;
