import {
  SYNC_API_PREFIX,
  type BlobMeta,
  type ConflictResponse,
  type EncryptedEnvelope,
  type GetProjectResponse,
} from '../../../solver/src/shared/sync';

/** Why a request failed: decides between retrying later, asking to sign in, or giving up. */
export type TransportErrorKind = 'network' | 'server' | 'auth' | 'client';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

export type Precondition = { ifMatch: number } | { ifNoneMatch: '*' };

export type PutResult = { ok: true; meta: BlobMeta } | { ok: false; current: BlobMeta | null };

/** The seam between the sync engine and the server (docs: solver/src/shared/sync.ts). */
export interface SyncTransport {
  list(): Promise<BlobMeta[]>;
  get(id: string): Promise<GetProjectResponse | null>;
  put(id: string, envelope: EncryptedEnvelope, precondition: Precondition): Promise<PutResult>;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

function isMeta(v: unknown): v is BlobMeta {
  const m = v as BlobMeta;
  return typeof m === 'object' && m !== null && typeof m.id === 'string' && Number.isInteger(m.version);
}

/** Validates a server URL: https, or http only on loopback (development and tests). */
export function parseServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new TypeError(`server URL "${raw}" is not a URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new TypeError(`server URL "${raw}" must use https (http is allowed on loopback only)`);
  if (url.username || url.password) throw new TypeError('server URL must not contain credentials');
  return url;
}

/** The HTTP transport: bearer token per request, timeouts, and errors mapped to TransportError. */
export class HttpSyncTransport implements SyncTransport {
  private readonly base: string;
  constructor(
    serverUrl: string,
    private readonly accessToken: () => Promise<string | null>,
    private readonly fetchImpl: FetchLike = (i, init) => globalThis.fetch(i, init),
    private readonly timeout_ms = 30_000,
  ) {
    this.base = parseServerUrl(serverUrl).toString().replace(/\/$/, '') + SYNC_API_PREFIX;
  }

  private async request(method: string, path: string, headers: Record<string, string>, body?: string) {
    const token = await this.accessToken();
    if (!token) throw new TransportError('auth', 'not signed in');
    let res: Response;
    try {
      res = await this.fetchImpl(this.base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(this.timeout_ms),
      });
    } catch (e) {
      throw new TransportError('network', `${method} ${path}: ${(e as Error).message}`);
    }
    let json: unknown = null;
    try {
      const text = await res.text();
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      // A body cut off mid-way is a network failure; a non-JSON body from a proxy a server one.
      if (res.ok || res.status >= 500 || res.status === 409)
        throw new TransportError('network', `${method} ${path}: response cut off (${(e as Error).message})`);
    }
    return { res, json };
  }

  private fail(method: string, path: string, res: Response, json: unknown): never {
    const msg = (json as { message?: string } | null)?.message ?? res.statusText;
    const where = `${method} ${path}: HTTP ${res.status} ${msg}`;
    if (res.status === 401 || res.status === 403) throw new TransportError('auth', where, res.status);
    if (res.status >= 500 || res.status === 429 || res.status === 408)
      throw new TransportError('server', where, res.status);
    throw new TransportError('client', where, res.status);
  }

  async list(): Promise<BlobMeta[]> {
    const { res, json } = await this.request('GET', '/projects', {});
    if (!res.ok) this.fail('GET', '/projects', res, json);
    const projects = (json as { projects?: unknown } | null)?.projects;
    if (!Array.isArray(projects) || !projects.every(isMeta))
      throw new TransportError('server', 'GET /projects: unexpected response');
    return projects;
  }

  async get(id: string): Promise<GetProjectResponse | null> {
    const path = `/projects/${encodeURIComponent(id)}`;
    const { res, json } = await this.request('GET', path, {});
    if (res.status === 404) return null;
    if (!res.ok) this.fail('GET', path, res, json);
    const body = json as GetProjectResponse | null;
    if (!body || !isMeta(body.meta) || typeof body.envelope !== 'object')
      throw new TransportError('server', `GET ${path}: unexpected response`);
    return body;
  }

  async put(id: string, envelope: EncryptedEnvelope, pre: Precondition): Promise<PutResult> {
    const path = `/projects/${encodeURIComponent(id)}`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if ('ifMatch' in pre) headers['if-match'] = `"${pre.ifMatch}"`;
    else headers['if-none-match'] = '*';
    const { res, json } = await this.request('PUT', path, headers, JSON.stringify({ envelope }));
    if (res.status === 409 || res.status === 412) {
      const current = (json as ConflictResponse | null)?.current ?? null;
      return { ok: false, current: isMeta(current) ? current : null };
    }
    if (!res.ok) this.fail('PUT', path, res, json);
    const body = json as { meta?: unknown } | null;
    const meta = isMeta(body?.meta) ? body.meta : isMeta(body) ? body : null;
    if (meta) return { ok: true, meta };
    const etag = res.headers.get('etag')?.replace(/^W\//, '').replace(/"/g, '');
    const version = Number(etag);
    if (!Number.isInteger(version) || version < 1)
      throw new TransportError('server', `PUT ${path}: response names no version`);
    const now = new Date().toISOString();
    return {
      ok: true,
      meta: { id, tenantId: '', version, size_bytes: 0, authorId: '', createdAt: now, updatedAt: now },
    };
  }
}
