import type { SyncHttpRequest, SyncHttpResponse } from './bridge';
import { SYNC_API_PREFIX } from './sync';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * One sync API request as HTTP: bearer token, version preconditions, the tenant confirmation, no
 * redirects (a token must not follow one elsewhere), a time limit; the answer as a
 * SyncHttpResponse, a broken connection as status 0 with its reason. Used by the desktop shell's
 * main process (electron/src/auth/api.ts) and by the renderer's fetchSender alike.
 */
export async function fetchSyncRequest(
  serverUrl: string,
  token: string,
  req: SyncHttpRequest,
  fetchImpl: FetchLike = (i, init) => globalThis.fetch(i, init),
  timeout_ms = 60_000,
): Promise<SyncHttpResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.ifMatch !== undefined) headers['if-match'] = `"${req.ifMatch}"`;
  if (req.ifNoneMatch) headers['if-none-match'] = '*';
  if (req.confirmTenant !== undefined) headers['x-confirm-tenant'] = req.confirmTenant;
  try {
    const res = await fetchImpl(serverUrl.replace(/\/$/, '') + SYNC_API_PREFIX + req.path, {
      method: req.method,
      headers,
      body: req.body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeout_ms),
    });
    const chain = res.headers.get('x-audit-chain');
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      body: await res.text(),
      ...(chain !== null ? { auditChain: chain } : {}),
    };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return {
      status: 0,
      etag: null,
      body: '',
      error: `${err.message}${err.cause?.code ? ` (${err.cause.code})` : ''}`,
    };
  }
}
