/**
 * Verification of Microsoft Entra ID access tokens (JWT) with `jose`: signature against the
 * tenant's JWKS, algorithms pinned (never `none`, never HMAC), issuer of the tenant's v2.0
 * endpoint, audience = the API, expiry and not-before, and the tenant on the allow list before
 * any key is fetched. Only delegated user tokens with the API scope (`scp`) are accepted; app-only
 * tokens are refused. Roles come from the `roles` claim (Entra app roles). An unreachable key
 * endpoint is `KeysUnavailableError` (503), not a refused token.
 */
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTHeaderParameters,
  type JWTPayload,
  type FlattenedJWSInput,
} from 'jose';
import { ROLES, type Role } from '../../contracts';
import type { AuthConfig } from './config';
import { cleanProfileText } from './text';

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

/** A refused token: `reason` is a short fixed code, safe to log and audit (no token content). */
export class AuthError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    /**
     * The token's tenant, only when its signature was verified (so the claim is the identity
     * provider's word, not the caller's). Refusals of unverified tokens name no tenant.
     */
    readonly verifiedTenant?: string,
    /** 401 (not a valid token) or 403 `user_token_required` (valid, but not a user token for the API). */
    readonly status: 401 | 403 = 401,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The issuer's signing keys could not be fetched (down, 5xx, timeout): the token was not judged. */
export class KeysUnavailableError extends Error {
  constructor() {
    super("The identity provider's signing keys are unavailable");
    this.name = 'KeysUnavailableError';
  }
}

/** Errors of a key lookup that are about the token (its kid or key), not about the endpoint. */
const KEY_ERRORS = new Set([
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWK_INVALID',
]);

/** `scp` is a space-separated list of delegated scopes; app-only tokens have none. */
function delegatedScopes(payload: JWTPayload): string[] {
  return typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
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
    const remote = set;
    // A failed fetch (refused, 5xx, not JSON, timeout) is an outage of the issuer, not a bad token.
    return async (header: JWTHeaderParameters, input: FlattenedJWSInput) => {
      try {
        return await remote(header, input);
      } catch (err) {
        if (KEY_ERRORS.has((err as { code?: string }).code ?? '')) throw err;
        throw new KeysUnavailableError();
      }
    };
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
      throw new AuthError('algorithm', `Token algorithm ${String(header.alg)} is not accepted`);
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
      if (err instanceof KeysUnavailableError) throw err;
      const code = (err as { code?: string }).code ?? '';
      const reason =
        code === 'ERR_JWT_EXPIRED'
          ? 'expired'
          : code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY'
            ? 'signature'
            : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
              ? `claim:${(err as { claim?: string }).claim ?? '?'}`
              : 'invalid';
      // Claims are checked after the signature: a claim refusal comes from a genuine token.
      const verified = code === 'ERR_JWT_EXPIRED' || code === 'ERR_JWT_CLAIM_VALIDATION_FAILED';
      throw new AuthError(reason, `Token refused (${reason})`, verified ? tid : undefined);
    }
    if (payload.tid !== tid) throw new AuthError('tenant', 'Token tenant changed during verification', tid);
    const oid = payload.oid;
    if (typeof oid !== 'string' || !GUIDISH.test(oid))
      throw new AuthError('claim:oid', 'Token has no valid oid', tid);
    // Delegated user tokens only: app-only tokens (idtyp app, or roles without scp) act for no user.
    if (payload.idtyp === 'app' || !delegatedScopes(payload).includes(config.requiredScope))
      throw new AuthError(
        payload.idtyp === 'app' || !payload.scp ? 'app-token' : 'scope',
        `A delegated user token with the scope ${config.requiredScope} is required`,
        tid,
        403,
      );
    const rawRoles = Array.isArray(payload.roles) ? payload.roles : [];
    const roles = ROLES.filter((r) => rawRoles.includes(r));
    const amr = Array.isArray(payload.amr)
      ? payload.amr.filter((v): v is string => typeof v === 'string')
      : [];
    const acrs = Array.isArray(payload.acrs)
      ? payload.acrs.filter((v): v is string => typeof v === 'string')
      : [];
    const mfa = amr.some((v) => config.mfaAmr.includes(v)) || acrs.some((v) => config.mfaAcrs.includes(v));
    const username = cleanProfileText(payload.preferred_username) ?? cleanProfileText(payload.upn);
    const displayName = cleanProfileText(payload.name);
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
