import type { SyncHttpRequest, SyncHttpResponse } from '../../../contracts';
import { fetchSyncRequest, type FetchLike } from '../../../contracts';
import {
  type BlobMeta,
  type ConflictResponse,
  type DirectoryUser,
  type EncryptedEnvelope,
  type GetProjectResponse,
  type ListedProject,
  type ProjectAccess,
  type ProjectMember,
} from '../../../contracts';

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
  /** The server's error code (`forbidden`, `last_owner`, …) when it sent one. */
  code?: string;
}

export type Precondition = { ifMatch: number } | { ifNoneMatch: '*' };

export type PutResult = { ok: true; meta: BlobMeta } | { ok: false; current: BlobMeta | null };

/**
 * A project as listed; `access` is missing from servers that predate it (then: a member) and null
 * where an Administrator or Support sees a project of the tenant they are not a member of.
 */
export type ListedMeta = BlobMeta & { access?: ListedProject['access'] };

/** A downloaded version; `etagVersion` is the version the response's ETag names, if it had one. */
export type FetchedProject = GetProjectResponse & { etagVersion?: number };

/** The version an ETag (`"3"`, `W/"3"`) names, or undefined. */
export function etagVersion(etag: string | null | undefined): number | undefined {
  if (!etag) return undefined;
  const v = Number(etag.replace(/^W\//, '').replace(/"/g, ''));
  return Number.isInteger(v) ? v : NaN;
}

/** The seam between the sync engine and the server (docs: contracts/src/sync.ts). */
export interface SyncTransport {
  list(): Promise<ListedMeta[]>;
  get(id: string): Promise<FetchedProject | null>;
  put(id: string, envelope: EncryptedEnvelope, precondition: Precondition): Promise<PutResult>;
  /** Erases the project on the server for every member; already gone (404) counts as done. */
  remove(id: string): Promise<void>;
  /** Removes the caller's own membership; not (or no longer) a member (404) counts as done. */
  leave(id: string, userId: string): Promise<void>;
}

/** Sharing: the member list, the tenant's user directory, and changes of access. */
export interface SharingApi {
  members(id: string): Promise<ProjectMember[]>;
  setMember(id: string, userId: string, access: ProjectAccess): Promise<void>;
  removeMember(id: string, userId: string): Promise<void>;
  searchUsers(query: string): Promise<DirectoryUser[]>;
}

export type { FetchLike };

/** Sends one sync API request; in the desktop app the main process does it (platform/auth). */
export type SyncSender = (req: SyncHttpRequest) => Promise<SyncHttpResponse>;

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

/**
 * A sender that calls the server with fetch and a bearer token from `accessToken` (tests, and any
 * context allowed to reach the server directly); the same semantics as the main process's proxy.
 */
export function fetchSender(
  serverUrl: string,
  accessToken: () => Promise<string | null>,
  fetchImpl: FetchLike = (i, init) => globalThis.fetch(i, init),
  timeout_ms = 60_000,
): SyncSender {
  const base = parseServerUrl(serverUrl).toString();
  return async (req) => {
    const token = await accessToken();
    if (!token) return { status: 0, etag: null, body: '', signedOut: true, error: 'not signed in' };
    return fetchSyncRequest(base, token, req, fetchImpl, timeout_ms);
  };
}

/** The sync API over a SyncSender, with responses checked and errors mapped to TransportError. */
export class HttpSyncTransport implements SyncTransport, SharingApi {
  constructor(private readonly send: SyncSender) {}

  private async request(req: SyncHttpRequest) {
    const where = `${req.method} ${req.path}`;
    const res = await this.send(req);
    if (res.signedOut) throw new TransportError('auth', `${where}: ${res.error ?? 'not signed in'}`);
    if (res.status === 0) throw new TransportError('network', `${where}: ${res.error ?? 'no connection'}`);
    let json: unknown = null;
    try {
      json = res.body ? JSON.parse(res.body) : null;
    } catch (e) {
      // A body cut off mid-way is a network failure; a non-JSON error page from a proxy is not.
      if ((res.status >= 200 && res.status < 300) || res.status >= 500 || res.status === 409)
        throw new TransportError('network', `${where}: response cut off (${(e as Error).message})`);
    }
    return { status: res.status, etag: res.etag, json, where };
  }

  private fail(r: { status: number; json: unknown; where: string }): never {
    const body = r.json as { message?: string; error?: string } | null;
    const where = `${r.where}: HTTP ${r.status} ${body?.message ?? ''}`.trim();
    // 401: the sign-in is gone. 403 (a role or membership that may not write) concerns one request.
    const kind: TransportErrorKind =
      r.status === 401
        ? 'auth'
        : r.status >= 500 || r.status === 429 || r.status === 408
          ? 'server'
          : 'client';
    const err = new TransportError(kind, where, r.status);
    if (typeof body?.error === 'string') err.code = body.error;
    throw err;
  }

  async remove(id: string): Promise<void> {
    const r = await this.request({ method: 'DELETE', path: `/projects/${encodeURIComponent(id)}` });
    if (r.status !== 204 && r.status !== 200 && r.status !== 404) this.fail(r);
  }

  async leave(id: string, userId: string): Promise<void> {
    const r = await this.request({
      method: 'DELETE',
      path: `/projects/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
    });
    if (r.status !== 204 && r.status !== 200 && r.status !== 404) this.fail(r);
  }

  async members(id: string): Promise<ProjectMember[]> {
    const r = await this.request({ method: 'GET', path: `/projects/${encodeURIComponent(id)}/members` });
    if (r.status !== 200) this.fail(r);
    const members = (r.json as { members?: unknown } | null)?.members;
    if (
      !Array.isArray(members) ||
      !members.every(
        (m: ProjectMember) =>
          typeof m?.userId === 'string' && ['owner', 'editor', 'viewer'].includes(m.access),
      )
    )
      throw new TransportError('server', `${r.where}: unexpected response`);
    return members as ProjectMember[];
  }

  async setMember(id: string, userId: string, access: ProjectAccess): Promise<void> {
    const r = await this.request({
      method: 'PUT',
      path: `/projects/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
      body: JSON.stringify({ access }),
    });
    if (r.status !== 200 && r.status !== 204) this.fail(r);
  }

  async removeMember(id: string, userId: string): Promise<void> {
    const r = await this.request({
      method: 'DELETE',
      path: `/projects/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
    });
    if (r.status !== 204 && r.status !== 200 && r.status !== 404) this.fail(r);
  }

  async searchUsers(query: string): Promise<DirectoryUser[]> {
    const r = await this.request({ method: 'GET', path: `/users?query=${encodeURIComponent(query)}` });
    if (r.status !== 200) this.fail(r);
    const users = (r.json as { users?: unknown } | null)?.users;
    if (!Array.isArray(users) || !users.every((u: DirectoryUser) => typeof u?.userId === 'string'))
      throw new TransportError('server', `${r.where}: unexpected response`);
    return users as DirectoryUser[];
  }

  async list(): Promise<ListedMeta[]> {
    const r = await this.request({ method: 'GET', path: '/projects' });
    if (r.status !== 200) this.fail(r);
    const projects = (r.json as { projects?: unknown } | null)?.projects;
    if (!Array.isArray(projects) || !projects.every(isMeta))
      throw new TransportError('server', `${r.where}: unexpected response`);
    return projects;
  }

  async get(id: string): Promise<FetchedProject | null> {
    const r = await this.request({ method: 'GET', path: `/projects/${encodeURIComponent(id)}` });
    if (r.status === 404) return null;
    if (r.status !== 200) this.fail(r);
    const body = r.json as GetProjectResponse | null;
    if (!body || !isMeta(body.meta) || typeof body.envelope !== 'object')
      throw new TransportError('server', `${r.where}: unexpected response`);
    const tag = etagVersion(r.etag);
    return tag === undefined ? body : { ...body, etagVersion: tag };
  }

  async put(id: string, envelope: EncryptedEnvelope, pre: Precondition): Promise<PutResult> {
    const r = await this.request({
      method: 'PUT',
      path: `/projects/${encodeURIComponent(id)}`,
      ...('ifMatch' in pre ? { ifMatch: pre.ifMatch } : { ifNoneMatch: '*' as const }),
      body: JSON.stringify({ envelope }),
    });
    // 404: an update of a project the server no longer has (deleted by another member).
    if (r.status === 409 || r.status === 412 || (r.status === 404 && 'ifMatch' in pre)) {
      const current = (r.json as ConflictResponse | null)?.current ?? null;
      return { ok: false, current: isMeta(current) ? current : null };
    }
    if (r.status !== 200 && r.status !== 201) this.fail(r);
    const body = r.json as { meta?: unknown } | null;
    const meta = isMeta(body?.meta) ? body.meta : isMeta(body) ? body : null;
    if (meta) return { ok: true, meta };
    const version = Number(r.etag?.replace(/^W\//, '').replace(/"/g, ''));
    if (!Number.isInteger(version) || version < 1)
      throw new TransportError('server', `${r.where}: response names no version`);
    const now = new Date().toISOString();
    return {
      ok: true,
      meta: { id, tenantId: '', version, size_bytes: 0, authorId: '', createdAt: now, updatedAt: now },
    };
  }
}
