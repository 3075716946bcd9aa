/**
 * Retention enforced by the server (docs/security/retention.md): old project versions, old audit
 * entries (the chain stays verifiable from a checkpoint) and directory entries of people who have
 * not signed in for long and hold nothing in the tenant. Runs per tenant, periodically
 * (RETENTION_INTERVAL_S) and on demand; each run that removes something is audited.
 */
import type { Db, Sql } from './db';
import { appendAudit } from './audit';

export interface RetentionPolicy {
  /** Versions kept per project regardless of age (the current one always). */
  versionsKeep: number;
  /** Older versions beyond the newest `versionsKeep` are removed after this many days. */
  versionDays: number;
  /** Audit entries older than this many days are removed (checkpoint kept); at least 30. */
  auditDays: number;
  /** Directory entries of people not seen for this many days, with no membership or key, go. */
  directoryDays: number;
}

export interface RetentionResult {
  versions: number;
  auditEntries: number;
  directoryEntries: number;
  /** The audit checkpoint after the run (null: nothing pruned so far). */
  checkpoint: { n: number; hash: string } | null;
}

const DAY_MS = 24 * 3600 * 1000;

export async function readCheckpoint(
  sql: Sql,
  tenantId: string,
): Promise<{ n: number; hash: string } | null> {
  const rows = await sql.query<{ n: number; hash: string }>(
    `SELECT n, hash FROM audit_checkpoints WHERE tenant_id = $1`,
    [tenantId],
  );
  return rows[0] ? { n: Number(rows[0].n), hash: rows[0].hash } : null;
}

/** Runs a `DELETE … RETURNING 1` and answers how many rows it removed. */
async function deleted(sql: Sql, deleteReturning: string, params: unknown[]): Promise<number> {
  const rows = await sql.query<{ n: string | number }>(
    `WITH gone AS (${deleteReturning}) SELECT count(*) AS n FROM gone`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

async function pruneVersions(
  sql: Sql,
  tenantId: string,
  policy: RetentionPolicy,
  now: Date,
): Promise<number> {
  return deleted(
    sql,
    `DELETE FROM project_versions v USING projects p
      WHERE v.tenant_id = $1 AND p.tenant_id = v.tenant_id AND p.id = v.project_id
        AND v.version < p.version
        AND v.version <= p.version - $2
        AND v.created_at < $3
      RETURNING 1`,
    [tenantId, policy.versionsKeep, new Date(now.getTime() - policy.versionDays * DAY_MS)],
  );
}

async function pruneAudit(sql: Sql, tenantId: string, policy: RetentionPolicy, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - Math.max(30, policy.auditDays) * DAY_MS).toISOString();
  // The newest entry older than the cutoff, never the head (the chain keeps at least one entry).
  const last = await sql.query<{ n: number; hash: string }>(
    `SELECT n, hash FROM audit_log
      WHERE tenant_id = $1 AND at < $2 AND n < (SELECT max(n) FROM audit_log WHERE tenant_id = $1)
      ORDER BY n DESC LIMIT 1`,
    [tenantId, cutoff],
  );
  if (!last[0]) return 0;
  const upTo = { n: Number(last[0].n), hash: last[0].hash };
  await sql.query(
    `INSERT INTO audit_checkpoints (tenant_id, n, hash, at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id) DO UPDATE SET n = EXCLUDED.n, hash = EXCLUDED.hash, at = EXCLUDED.at`,
    [tenantId, upTo.n, upTo.hash, now.toISOString()],
  );
  return deleted(sql, `DELETE FROM audit_log WHERE tenant_id = $1 AND n <= $2 RETURNING 1`, [
    tenantId,
    upTo.n,
  ]);
}

async function pruneDirectory(
  sql: Sql,
  tenantId: string,
  policy: RetentionPolicy,
  now: Date,
): Promise<number> {
  return deleted(
    sql,
    `DELETE FROM user_directory d
      WHERE d.tenant_id = $1 AND d.last_seen_at < $2
        AND NOT EXISTS (SELECT 1 FROM project_members m WHERE m.tenant_id = d.tenant_id AND m.user_id = d.user_id)
        AND NOT EXISTS (SELECT 1 FROM wrapped_keys k WHERE k.tenant_id = d.tenant_id AND k.owner_id = d.user_id)
      RETURNING 1`,
    [tenantId, new Date(now.getTime() - policy.directoryDays * DAY_MS)],
  );
}

/** One retention run for one tenant, in one transaction; audited when it removed anything. */
export function runRetention(
  db: Db,
  tenantId: string,
  policy: RetentionPolicy,
  now = new Date(),
): Promise<RetentionResult> {
  return db.tenant(tenantId, async (sql) => {
    const versions = await pruneVersions(sql, tenantId, policy, now);
    const auditEntries = await pruneAudit(sql, tenantId, policy, now);
    const directoryEntries = await pruneDirectory(sql, tenantId, policy, now);
    if (versions + auditEntries + directoryEntries > 0)
      await appendAudit(sql, tenantId, {
        actorId: null,
        action: 'retention.run',
        target: tenantId,
        outcome: 'ok',
        details: { versions, auditEntries, directoryEntries, ...policy },
      });
    return { versions, auditEntries, directoryEntries, checkpoint: await readCheckpoint(sql, tenantId) };
  });
}

/** Runs retention for every tenant now and then every `interval_s` seconds (0: never). */
export function startRetention(opts: {
  db: Db;
  tenantIds: string[];
  policy: RetentionPolicy;
  interval_s: number;
  onRun: (tenantId: string, result: RetentionResult) => void;
  onError: (err: unknown) => void;
}): { stop(): void } {
  if (opts.interval_s <= 0) return { stop: () => undefined };
  const tick = async () => {
    for (const t of opts.tenantIds)
      await runRetention(opts.db, t, opts.policy).then((r) => opts.onRun(t, r), opts.onError);
  };
  void tick();
  const timer = setInterval(() => void tick(), opts.interval_s * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
