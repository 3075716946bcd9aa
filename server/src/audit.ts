/**
 * Append-only, tamper-evident audit log: one hash chain per tenant. Entry n stores
 * hash_n = SHA-256(hash_{n-1} | canonical entry), so changing, removing or reordering any entry
 * breaks every later hash. Entries hold opaque ids (Entra oid, project id) and fixed action codes,
 * never project content, names or tokens.
 */
import { createHash } from 'node:crypto';
import type { Sql } from './db';
import { AUDIT_GENESIS_HASH, auditHashInput, type AuditEntry } from '../../contracts';

export const GENESIS_HASH = AUDIT_GENESIS_HASH;

export type AuditAction =
  | 'sign-in'
  | 'auth.refused'
  | 'access.denied'
  | 'project.read'
  | 'project.create'
  | 'project.update'
  | 'project.conflict'
  | 'project.quota'
  | 'project.delete'
  | 'project.share'
  | 'project.role-change'
  | 'project.unshare'
  | 'key.put'
  | 'admin.audit-read'
  | 'admin.audit-export'
  | 'admin.user-erase'
  | 'admin.tenant-erase'
  | 'admin.user-export'
  | 'subject.export'
  | 'retention.run';

export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  target?: string | null;
  outcome: 'ok' | 'refused' | 'conflict';
  details?: Record<string, string | number | boolean | null>;
}

export type { AuditEntry };

function canonicalDetails(details: AuditInput['details']): string {
  const d = details ?? {};
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(d)
        .sort()
        .map((k) => [k, d[k]]),
    ),
  );
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(auditHashInput(e)).digest('hex');
}

/** Appends one entry inside the caller's tenant transaction (so it commits with the action). */
export async function appendAudit(
  sql: Sql,
  tenantId: string,
  input: AuditInput,
  /** The entry's time (tests of retention write old entries); now by default. */
  at: Date = new Date(),
): Promise<AuditEntry> {
  // Upserting the head row locks it until commit: appends of one tenant are serialised.
  const [head] = await sql.query<{ n: number; hash: string }>(
    `INSERT INTO audit_heads (tenant_id, n, hash) VALUES ($1, 0, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET n = audit_heads.n RETURNING n, hash`,
    [tenantId, GENESIS_HASH],
  );
  const partial: Omit<AuditEntry, 'hash'> = {
    tenantId,
    n: Number(head.n) + 1,
    at: at.toISOString(),
    actorId: input.actorId,
    action: input.action,
    target: input.target ?? null,
    outcome: input.outcome,
    details: canonicalDetails(input.details),
    prevHash: head.hash,
  };
  const entry: AuditEntry = { ...partial, hash: entryHash(partial) };
  await sql.query(
    `WITH entry AS (
       INSERT INTO audit_log (tenant_id, n, at, actor_id, action, target, outcome, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING n, hash)
     UPDATE audit_heads SET n = entry.n, hash = entry.hash FROM entry WHERE audit_heads.tenant_id = $1`,
    [
      entry.tenantId,
      entry.n,
      entry.at,
      entry.actorId,
      entry.action,
      entry.target,
      entry.outcome,
      entry.details,
      entry.prevHash,
      entry.hash,
    ],
  );
  return entry;
}

interface AuditRow {
  tenant_id: string;
  n: number;
  at: string;
  actor_id: string | null;
  action: string;
  target: string | null;
  outcome: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export async function readAudit(sql: Sql, tenantId: string, afterN = 0, limit = 1000): Promise<AuditEntry[]> {
  const rows = await sql.query<AuditRow>(
    `SELECT * FROM audit_log WHERE tenant_id = $1 AND n > $2 ORDER BY n LIMIT $3`,
    [tenantId, afterN, limit],
  );
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    n: Number(r.n),
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/**
 * Checks a chain from `start` (the genesis, or the checkpoint that retention left: the number and
 * hash of the last pruned entry); returns the first broken entry number.
 */
export function verifyChain(
  entries: AuditEntry[],
  start: { n: number; hash: string } | null = null,
): { ok: true } | { ok: false; brokenAt: number } {
  let prev = start?.hash ?? GENESIS_HASH;
  let expectedN = (start?.n ?? 0) + 1;
  for (const e of entries) {
    const { hash, ...rest } = e;
    if (e.n !== expectedN || e.prevHash !== prev || entryHash(rest) !== hash)
      return { ok: false, brokenAt: e.n };
    prev = hash;
    expectedN++;
  }
  return { ok: true };
}
