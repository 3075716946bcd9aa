import type { SyncHttpRequest, SyncHttpResponse } from '../../../contracts';
import { AUDIT_GENESIS_HASH, auditHashInput, SYNC_ID_PATTERN, type AuditEntry } from '../../../contracts';
import type { SyncSender } from './transport';

/**
 * The administrative sync API (contracts/src/sync.ts, /v1/admin/...) over a SyncSender: the
 * tenant's audit log (page by page and as an NDJSON export) and erasure of a user's data or of the
 * whole tenant. The server requires the Administrator app role and MFA evidence in the token; its
 * refusals are mapped to AdminError kinds the UI can explain (docs/security/admin.md).
 */

export type { AuditEntry };

/**
 * Why an administrative request failed:
 * - `mfa`: Administrator, but the sign-in has no multi-factor evidence (403 mfa_required);
 * - `role`: the token has no Administrator role (403 forbidden);
 * - `auth`: not signed in, or the sign-in was refused or has expired (401);
 * - `network`: the server could not be reached or the answer broke off;
 * - `confirm`: the tenant confirmation did not match (400 confirmation_required);
 * - `invalid`: a malformed request, e.g. an id the server does not accept (400);
 * - `server`: the server failed or is busy (5xx, 429): try again later;
 * - `unexpected`: any other answer.
 */
export type AdminErrorKind =
  'mfa' | 'role' | 'auth' | 'network' | 'confirm' | 'invalid' | 'server' | 'unexpected';

export class AdminError extends Error {
  constructor(
    readonly kind: AdminErrorKind,
    message: string,
    readonly status?: number,
    /** With `mfa`: the server's claims challenge for the step-up sign-in, when it sent one. */
    readonly claims?: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

/** The audit chain as checked by the server on export (X-Audit-Chain) or by verifyAuditChain. */
export type ChainStatus =
  | { state: 'verified' }
  | { state: 'broken'; at: number }
  /** The server named no (or an unknown) result. */
  | { state: 'unknown'; raw: string | null };

export interface AuditPage {
  entries: AuditEntry[];
  /** `after` for the next page, or null when this page was the last. */
  next: number | null;
  /** Where the chain starts after retention pruned older entries (null: at the genesis). */
  checkpoint: ChainCursor | null;
}

export interface AuditExport {
  /** The NDJSON text exactly as the server sent it (one entry per line). */
  ndjson: string;
  entries: number;
  /** Tenant id named in the entries (null for an empty log). */
  tenantId: string | null;
  chain: ChainStatus;
}

/** What DELETE /v1/admin/users/:oid erased (counts). */
export interface UserErasure {
  userId: string;
  projects: number;
  versions: number;
  keys: number;
  memberships: number;
  /** Entries in the tenant's user directory (oid, username, display name); absent from older servers. */
  directory?: number;
}

/** What DELETE /v1/admin/tenant erased (counts). */
export interface TenantErasure {
  tenantId: string;
  projects: number;
  versions: number;
  keys: number;
  /** Entries in the tenant's user directory; absent from older servers. */
  directory?: number;
}

export const AUDIT_PAGE_SIZE = 200;
/** The server's maximum page size (GET /v1/admin/audit?limit=). */
export const AUDIT_MAX_PAGE = 1000;

const ID = new RegExp(SYNC_ID_PATTERN);
export const isSyncId = (v: string): boolean => ID.test(v);

function errorBody(body: string): { error?: string; message?: string; claims?: string } {
  try {
    const v = JSON.parse(body) as unknown;
    return typeof v === 'object' && v !== null ? v : {};
  } catch {
    return {};
  }
}

/** Maps a response that is not the expected success to an AdminError. */
export function adminErrorOf(where: string, res: SyncHttpResponse): AdminError {
  if (res.signedOut) return new AdminError('auth', `${where}: ${res.error ?? 'not signed in'}`);
  if (res.status === 0) return new AdminError('network', `${where}: ${res.error ?? 'no connection'}`);
  const body = errorBody(res.body);
  const text = `${where}: HTTP ${res.status}${body.message ? ` ${body.message}` : ''}`;
  if (res.status === 401) return new AdminError('auth', text, res.status);
  if (res.status === 403)
    return body.error === 'mfa_required'
      ? new AdminError('mfa', text, res.status, typeof body.claims === 'string' ? body.claims : undefined)
      : new AdminError('role', text, res.status);
  if (res.status === 400)
    return new AdminError(body.error === 'confirmation_required' ? 'confirm' : 'invalid', text, res.status);
  if (res.status >= 500 || res.status === 429 || res.status === 408)
    return new AdminError('server', text, res.status);
  return new AdminError('unexpected', text, res.status);
}

async function call(send: SyncSender, req: SyncHttpRequest): Promise<SyncHttpResponse> {
  try {
    return await send(req);
  } catch (e) {
    // The shell refuses a request it does not allow (IPC error) or the bridge is gone.
    throw new AdminError('unexpected', `${req.method} ${req.path}: ${(e as Error).message}`);
  }
}

function isEntry(v: unknown): v is AuditEntry {
  const e = v as AuditEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.tenantId === 'string' &&
    Number.isInteger(e.n) &&
    e.n >= 1 &&
    typeof e.at === 'string' &&
    (e.actorId === null || typeof e.actorId === 'string') &&
    typeof e.action === 'string' &&
    (e.target === null || typeof e.target === 'string') &&
    typeof e.outcome === 'string' &&
    typeof e.details === 'string' &&
    typeof e.prevHash === 'string' &&
    typeof e.hash === 'string'
  );
}

function parseJson(where: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (e) {
    // A success whose body does not parse was cut off on the way.
    throw new AdminError('network', `${where}: response cut off (${(e as Error).message})`);
  }
}

/** One page of the audit log: the entries after entry `after` (0 = from the start), oldest first. */
export async function listAudit(
  send: SyncSender,
  opts: { after?: number; limit?: number } = {},
): Promise<AuditPage> {
  const after = opts.after ?? 0;
  const limit = opts.limit ?? AUDIT_PAGE_SIZE;
  if (!Number.isInteger(after) || after < 0)
    throw new RangeError(`after must be an integer >= 0, got ${after}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_MAX_PAGE)
    throw new RangeError(`limit must be an integer in 1..${AUDIT_MAX_PAGE}, got ${limit}`);
  const path = `/admin/audit?after=${after}&limit=${limit}`;
  const where = `GET ${path}`;
  const res = await call(send, { method: 'GET', path });
  if (res.status !== 200 || res.signedOut) throw adminErrorOf(where, res);
  const body = parseJson(where, res.body) as { entries?: unknown; checkpoint?: unknown } | null;
  const entries = body?.entries;
  if (!Array.isArray(entries) || !entries.every(isEntry))
    throw new AdminError('unexpected', `${where}: unexpected response`, res.status);
  const last = entries.at(-1);
  const c = body?.checkpoint as { n?: unknown; hash?: unknown } | null | undefined;
  const checkpoint =
    c && Number.isInteger(c.n) && typeof c.hash === 'string' ? { n: c.n as number, hash: c.hash } : null;
  return { entries, next: entries.length === limit && last ? last.n : null, checkpoint };
}

/** Reads X-Audit-Chain: "verified" or "broken-at-<n>". */
export function parseAuditChain(header: string | null | undefined): ChainStatus {
  if (header === 'verified') return { state: 'verified' };
  const m = header ? /^broken-at-(\d{1,12})$/.exec(header) : null;
  if (m) return { state: 'broken', at: Number(m[1]) };
  return { state: 'unknown', raw: header ?? null };
}

/** The whole audit log as NDJSON, with the server's chain check. */
export async function exportAudit(send: SyncSender): Promise<AuditExport> {
  const path = '/admin/audit/export';
  const where = `GET ${path}`;
  const res = await call(send, { method: 'GET', path });
  if (res.status !== 200 || res.signedOut) throw adminErrorOf(where, res);
  const lines = res.body.split('\n').filter((l) => l.trim() !== '');
  let tenantId: string | null = null;
  if (lines.length > 0) {
    const first = parseJson(where, lines[0]);
    if (!isEntry(first)) throw new AdminError('unexpected', `${where}: unexpected response`, res.status);
    tenantId = first.tenantId;
  }
  return { ndjson: res.body, entries: lines.length, tenantId, chain: parseAuditChain(res.auditChain) };
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
/** An optional count: absent, or a count. */
const optCount = (v: unknown) => v === undefined || isCount(v);

/** Erases a user's wrapped keys, memberships and sole-owned projects in the caller's tenant. */
export async function eraseUser(send: SyncSender, userId: string): Promise<UserErasure> {
  const id = userId.trim();
  if (!isSyncId(id)) throw new AdminError('invalid', `"${userId}" is not a valid object id`);
  const path = `/admin/users/${encodeURIComponent(id)}`;
  const where = `DELETE ${path}`;
  const res = await call(send, { method: 'DELETE', path });
  if (res.status !== 200 || res.signedOut) throw adminErrorOf(where, res);
  const r = parseJson(where, res.body) as Partial<UserErasure> | null;
  if (
    !r ||
    !isCount(r.projects) ||
    !isCount(r.versions) ||
    !isCount(r.keys) ||
    !isCount(r.memberships) ||
    !optCount(r.directory)
  )
    throw new AdminError('unexpected', `${where}: unexpected response`, res.status);
  return {
    userId: id,
    projects: r.projects,
    versions: r.versions,
    keys: r.keys,
    memberships: r.memberships,
    ...(r.directory !== undefined ? { directory: r.directory } : {}),
  };
}

/** Erases every project, version, membership and wrapped key of the tenant; `confirmTenant` must be its id. */
export async function eraseTenant(send: SyncSender, confirmTenant: string): Promise<TenantErasure> {
  const tid = confirmTenant.trim();
  if (!isSyncId(tid)) throw new AdminError('confirm', `"${confirmTenant}" is not a tenant id`);
  const path = '/admin/tenant';
  const where = `DELETE ${path}`;
  const res = await call(send, { method: 'DELETE', path, confirmTenant: tid });
  if (res.status !== 200 || res.signedOut) throw adminErrorOf(where, res);
  const r = parseJson(where, res.body) as Partial<TenantErasure> | null;
  if (
    !r ||
    typeof r.tenantId !== 'string' ||
    !isCount(r.projects) ||
    !isCount(r.versions) ||
    !isCount(r.keys) ||
    !optCount(r.directory)
  )
    throw new AdminError('unexpected', `${where}: unexpected response`, res.status);
  return {
    tenantId: r.tenantId,
    projects: r.projects,
    versions: r.versions,
    keys: r.keys,
    ...(r.directory !== undefined ? { directory: r.directory } : {}),
  };
}

// ---- chain check on the client -------------------------------------------------------------------

export const GENESIS_HASH = AUDIT_GENESIS_HASH;

/** Where a client-side check of consecutive entries stands: the last good entry and its hash. */
export interface ChainCursor {
  n: number;
  hash: string;
}

export const CHAIN_START: ChainCursor = { n: 0, hash: GENESIS_HASH };

const hex = (buf: ArrayBuffer) =>
  [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** hash_n = SHA-256(hash_{n-1} | JSON [tenantId, n, at, actorId, action, target, outcome, details]) as hex. */
export async function auditEntryHash(e: Omit<AuditEntry, 'hash'>): Promise<string> {
  const data = new TextEncoder().encode(auditHashInput(e));
  return hex(await crypto.subtle.digest('SHA-256', data));
}

/**
 * Checks entries that continue the chain at `from` (CHAIN_START for the first page), independently
 * of the server: consecutive numbers, each prevHash the previous hash, each hash recomputed.
 * Returns the new cursor, or the first entry that does not fit.
 */
export async function verifyAuditChain(
  entries: AuditEntry[],
  from: ChainCursor = CHAIN_START,
): Promise<{ ok: true; cursor: ChainCursor } | { ok: false; brokenAt: number }> {
  let cursor = from;
  for (const e of entries) {
    const { hash, ...rest } = e;
    if (e.n !== cursor.n + 1 || e.prevHash !== cursor.hash || (await auditEntryHash(rest)) !== hash)
      return { ok: false, brokenAt: e.n };
    cursor = { n: e.n, hash };
  }
  return { ok: true, cursor };
}
