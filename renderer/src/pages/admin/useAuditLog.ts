import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CHAIN_START,
  listAudit,
  verifyAuditChain,
  type AuditEntry,
  type ChainCursor,
} from '../../sync/admin';
import type { AdminContext } from './AdminPage';

export interface AuditLog {
  entries: AuditEntry[];
  /** `after` of the next page; null when the last page was short. */
  next: number | null;
  /** The client-side chain check of the loaded entries. */
  chain: { ok: true; cursor: ChainCursor } | { ok: false; brokenAt: number };
}

const EMPTY_LOG: AuditLog = { entries: [], next: null, chain: { ok: true, cursor: CHAIN_START } };

/**
 * The audit log loaded page by page with its chain checked on the client: `load(true)` starts
 * again, `load(false)` appends the next page. The first page loads on opening and again after
 * signing in anew or an erasure.
 */
export function useAuditLog(ctx: AdminContext, pageSize: number) {
  const { send, explain, session } = ctx;
  const [log, setLog] = useState<AuditLog | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the newest load may write its result (a reload while a page is on its way wins).
  const generation = useRef(0);
  const current = useRef<AuditLog>(EMPTY_LOG);

  const load = useCallback(
    async (reset: boolean) => {
      const gen = ++generation.current;
      const base = reset ? EMPTY_LOG : current.current;
      setLoading(true);
      setError(null);
      try {
        const page = await listAudit(send, { after: reset ? 0 : (base.next ?? 0), limit: pageSize });
        // The first page continues the chain at the retention checkpoint, if older entries were pruned.
        const from = reset
          ? (page.checkpoint ?? CHAIN_START)
          : base.chain.ok
            ? base.chain.cursor
            : CHAIN_START;
        const chain = base.chain.ok ? await verifyAuditChain(page.entries, from) : base.chain;
        if (gen !== generation.current) return;
        const next: AuditLog = { entries: [...base.entries, ...page.entries], next: page.next, chain };
        current.current = next;
        setLog(next);
      } catch (e) {
        if (gen === generation.current) setError(explain(e));
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [send, pageSize, explain],
  );

  useEffect(() => {
    // Loads the first page on opening, and again after signing in anew or an erasure.
    const timer = setTimeout(() => void load(true), 0);
    return () => clearTimeout(timer);
  }, [load, session]);

  return { log, loading, error, load };
}
