/**
 * Anchoring of the audit hash chains outside the database. The chain (audit.ts) shows any change
 * to an entry, but someone with write access to the database itself could cut off its tail or
 * recompute every hash. So the server regularly publishes each tenant's head (entry number and
 * hash) where the database's users cannot rewrite it: a structured log line (shipped to Azure Log
 * Analytics, a separate store with its own access) and, with AUDIT_ANCHOR_FILE, one NDJSON line
 * appended to a file on write-once storage (an immutable Azure Blob container with a time-based
 * retention policy, mounted into the container). `verifyAnchors` then checks an export against
 * them: every anchored entry must still be there with the same hash.
 */
import { appendFile, open } from 'node:fs/promises';
import type { AuditEntry } from './audit';
import type { Db } from './db';

export interface AuditAnchor {
  tenantId: string;
  /** Number of the chain's last entry when anchored (0: empty chain). */
  n: number;
  hash: string;
  /** When the anchor was taken (ISO 8601). */
  at: string;
}

export type AnchorSink = (anchors: AuditAnchor[]) => Promise<void>;

/** The current head of each tenant's chain, read through the tenant's own row-level security. */
export async function readHeads(db: Db, tenantIds: string[]): Promise<AuditAnchor[]> {
  const at = new Date().toISOString();
  const out: AuditAnchor[] = [];
  for (const tenantId of tenantIds) {
    const rows = await db.tenant(tenantId, (sql) =>
      sql.query<{ n: number; hash: string }>(`SELECT n, hash FROM audit_heads WHERE tenant_id = $1`, [
        tenantId,
      ]),
    );
    if (rows.length) out.push({ tenantId, n: Number(rows[0].n), hash: rows[0].hash, at });
  }
  return out;
}

/** Appends one NDJSON line per anchor and flushes it to disk before returning. */
export function fileSink(path: string): AnchorSink {
  return async (anchors) => {
    if (!anchors.length) return;
    await appendFile(path, anchors.map((a) => JSON.stringify(a) + '\n').join(''), { mode: 0o640 });
    const fh = await open(path, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  };
}

export interface Anchoring {
  /** Publishes the heads that changed since the last anchor; returns what it published. */
  anchorNow(): Promise<AuditAnchor[]>;
  /** Stops the timer and takes a last anchor. */
  stop(): Promise<void>;
}

/**
 * Anchors every `interval_s` seconds (and once at start and at stop). Only heads that moved are
 * published again. A failing sink or database is reported through `onError` and retried at the
 * next tick; it never stops the server.
 */
export function startAnchoring(opts: {
  db: Db;
  tenantIds: string[];
  interval_s: number;
  sinks: AnchorSink[];
  onError: (err: unknown) => void;
}): Anchoring {
  const last = new Map<string, string>();
  let running: Promise<AuditAnchor[]> | null = null;
  const anchorNow = async (): Promise<AuditAnchor[]> => {
    const heads = await readHeads(opts.db, opts.tenantIds);
    const moved = heads.filter((h) => last.get(h.tenantId) !== `${h.n}:${h.hash}`);
    for (const sink of opts.sinks) await sink(moved);
    for (const h of moved) last.set(h.tenantId, `${h.n}:${h.hash}`);
    return moved;
  };
  const tick = () => {
    if (running) return running;
    running = anchorNow()
      .catch((err) => {
        opts.onError(err);
        return [];
      })
      .finally(() => (running = null));
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), opts.interval_s * 1000);
  timer.unref();
  return {
    anchorNow: async () => {
      if (running) await running;
      return tick();
    },
    stop: async () => {
      clearInterval(timer);
      if (running) await running;
      await tick();
    },
  };
}

export type AnchorCheck =
  | { ok: true; checked: number }
  | { ok: false; n: number; problem: 'missing' | 'hash-differs'; anchor: AuditAnchor };

/**
 * Checks a tenant's exported chain against the anchors taken for that tenant: an anchor at n must
 * find entry n with the anchored hash (an anchor at 0 only says the chain existed). A chain that
 * was truncated, or rewritten and rehashed, fails here even though it verifies on its own.
 */
export function verifyAnchors(entries: AuditEntry[], anchors: AuditAnchor[]): AnchorCheck {
  const byN = new Map(entries.map((e) => [e.n, e.hash]));
  let checked = 0;
  for (const a of [...anchors].sort((x, y) => x.n - y.n)) {
    if (a.n === 0) continue;
    const hash = byN.get(a.n);
    if (hash === undefined) return { ok: false, n: a.n, problem: 'missing', anchor: a };
    if (hash !== a.hash) return { ok: false, n: a.n, problem: 'hash-differs', anchor: a };
    checked++;
  }
  return { ok: true, checked };
}
