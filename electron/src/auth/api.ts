import type { SyncHttpRequest, SyncHttpResponse } from '../../../contracts';
import { fetchSyncRequest, type FetchLike } from '../../../contracts';
import { PayloadError } from '../ipc/validate';
import { SignedOutError, type AuthService } from './signin';

/**
 * The sync API proxy of the main process: the renderer names a method, a path below /v1 and a
 * version precondition; the main process checks them, adds the bearer token and calls the
 * configured server. So the token stays here and the renderer's CSP needs no remote origin.
 */

export const MAX_SYNC_BODY_CHARS = 256 * 1024 * 1024;
const ID = '[A-Za-z0-9][A-Za-z0-9._:-]{0,127}';
/** A percent-encoded directory search (encodeURIComponent of 2 to 64 characters). */
const QUERY = `(?:[A-Za-z0-9._~!*'()-]|%[0-9A-Fa-f]{2}){2,384}`;
/**
 * The sync API paths the renderer may reach (contracts/src/sync.ts); anything else is refused
 * before a token is attached. Only the audit listing (after, limit: integers) and the user
 * directory search (query: percent-encoded text) take a query.
 */
const PATH = new RegExp(
  `^/(projects(/${ID}(/versions(/\\d{1,9})?|/members(/${ID})?)?)?|keys(/${ID})?|users\\?query=${QUERY}|me/export|` +
    `admin/(audit(\\?after=\\d{1,12}(&limit=\\d{1,4})?|\\?limit=\\d{1,4})?|audit/export|users/${ID}(/export)?|tenant))$`,
);
/** Paths that are only ever read: the member list and the directory search. */
const READ_ONLY_PATH = new RegExp(
  `^/(projects/${ID}/members|users\\?.*|me/export|admin/users/${ID}/export)$`,
);

export type { FetchLike };

export function parseSyncRequest(channel: string, v: unknown): SyncHttpRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new PayloadError(channel, 'expected an object');
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter(
    (k) => !['method', 'path', 'ifMatch', 'ifNoneMatch', 'body', 'confirmTenant'].includes(k),
  );
  if (extra.length) throw new PayloadError(channel, `unknown key(s) ${extra.join(', ')}`);
  if (o.method !== 'GET' && o.method !== 'PUT' && o.method !== 'DELETE')
    throw new PayloadError(channel, 'method must be GET, PUT or DELETE');
  if (typeof o.path !== 'string' || !PATH.test(o.path))
    throw new PayloadError(channel, 'path must be a sync API path (projects, keys, users, admin)');
  if (o.method !== 'GET' && READ_ONLY_PATH.test(o.path))
    throw new PayloadError(channel, `${o.path.split('?')[0]} is read with GET only`);
  if (o.ifMatch !== undefined && (!Number.isInteger(o.ifMatch) || (o.ifMatch as number) < 1))
    throw new PayloadError(channel, 'ifMatch must be a positive integer version');
  if (o.ifNoneMatch !== undefined && o.ifNoneMatch !== '*')
    throw new PayloadError(channel, 'ifNoneMatch must be "*"');
  if (o.body !== undefined) {
    if (o.method !== 'PUT') throw new PayloadError(channel, 'only PUT has a body');
    if (typeof o.body !== 'string' || o.body.length > MAX_SYNC_BODY_CHARS)
      throw new PayloadError(channel, `body must be a string of at most ${MAX_SYNC_BODY_CHARS} characters`);
  }
  if (o.confirmTenant !== undefined) {
    if (o.method !== 'DELETE' || o.path !== '/admin/tenant')
      throw new PayloadError(channel, 'confirmTenant belongs to DELETE /admin/tenant only');
    if (typeof o.confirmTenant !== 'string' || !new RegExp(`^${ID}$`).test(o.confirmTenant))
      throw new PayloadError(channel, 'confirmTenant must be a tenant id');
  }
  return {
    method: o.method,
    path: o.path,
    ifMatch: o.ifMatch as number | undefined,
    ifNoneMatch: o.ifNoneMatch,
    body: o.body,
    ...(o.confirmTenant !== undefined ? { confirmTenant: o.confirmTenant } : {}),
  };
}

type AuthLike = Pick<AuthService, 'accessToken'> & Partial<Pick<AuthService, 'signOut'>>;

/**
 * Sends the request; a 401 (token revoked or expired early) is retried once with a refreshed
 * token. Only a refused refresh token, or a second 401 with error="invalid_token" after the
 * refresh, signs out. A 503 (e.g. the server cannot reach its provider's keys) or a network error,
 * at the server or at the provider during the refresh, is an outage: the sign-in is kept.
 */
export async function sendSyncRequest(
  auth: AuthLike,
  req: SyncHttpRequest,
  fetchImpl: FetchLike = (i, init) => globalThis.fetch(i, init),
  timeout_ms = 60_000,
): Promise<SyncHttpResponse> {
  const first = await sendOnce(auth, req, fetchImpl, timeout_ms, false);
  if (first.res.status !== 401) return first.res;
  const second = await sendOnce(auth, req, fetchImpl, timeout_ms, true);
  if (second.res.status === 401 && /error="?invalid_token"?/.test(second.challenge ?? '')) {
    await auth.signOut?.();
    return { ...second.res, signedOut: true };
  }
  return second.res;
}

async function sendOnce(
  auth: AuthLike,
  req: SyncHttpRequest,
  fetchImpl: FetchLike,
  timeout_ms: number,
  forceRefresh: boolean,
): Promise<{ res: SyncHttpResponse; challenge?: string | null }> {
  let token;
  try {
    token = await auth.accessToken({ forceRefresh });
  } catch (e) {
    const error = (e as Error).message;
    return {
      res: {
        status: 0,
        etag: null,
        body: '',
        error,
        ...(e instanceof SignedOutError ? { signedOut: true } : {}),
      },
    };
  }
  if (!token) return { res: { status: 0, etag: null, body: '', signedOut: true, error: 'not signed in' } };
  let challenge: string | null = null;
  const res = await fetchSyncRequest(
    token.serverUrl,
    token.token,
    req,
    async (i, init) => {
      const r = await fetchImpl(i, init);
      challenge = r.headers.get('www-authenticate');
      return r;
    },
    timeout_ms,
  );
  return { res, challenge };
}
