import type { LpSolution, SolveOptions, SolverBackend, SolverSession } from './backend';
import type { LpModel } from './model';

/**
 * A backend that keeps the solver's model of each LP it solves, so that the next LP of the same
 * structure (same rows, columns and sparsity; other costs, bounds or coefficients) starts from the
 * previous basis instead of from scratch: the points of a cost–CO2 front differ in one row bound, a
 * sweep's points in a few prices, a full-year check in the fixed capacities. Only the changed entries
 * are passed to the solver.
 *
 * MILPs and backends without sessions are solved as before. A warm solve that ends in any status but
 * optimal, time limit or cancel (infeasible, unbounded, numerical trouble) is solved again from scratch
 * by the inner backend, so statuses and their explanations are exactly those of a cold solve.
 */
export function warmBackend(
  inner: SolverBackend,
  opts: {
    /** At most this many kept models (default 3). */
    maxModels?: number;
    /**
     * Models above this many nonzeros are not kept (default 2.5 million): every kept model takes
     * WASM memory, which ends at 2 GiB, and a 28-plant full-year model has about 1.2 million.
     */
    maxNonzeros?: number;
    /** Dispose `inner` with this backend (default: the caller keeps it). */
    ownsInner?: boolean;
  } = {},
): SolverBackend & {
  /** Solves that started from a kept model (for tests and benchmarks). */
  readonly warmSolves: number;
} {
  const maxModels = opts.maxModels ?? 3;
  const maxNonzeros = opts.maxNonzeros ?? 2.5e6;
  const kept = new Map<string, SolverSession>();
  let warmSolves = 0;
  const forget = (key: string) => {
    kept.get(key)?.dispose();
    kept.delete(key);
  };
  return {
    name: inner.name,
    get warmSolves() {
      return warmSolves;
    },
    session: inner.session?.bind(inner),
    async solve(model: LpModel, options: SolveOptions = {}): Promise<LpSolution> {
      if (!inner.session || model.colIntegrality?.some((v) => v === 1) || model.colIndex.length > maxNonzeros)
        return inner.solve(model, options);
      const key = structureKey(model);
      let session = kept.get(key);
      kept.delete(key);
      // Another structure behind the same key (a hash collision) starts afresh.
      if (session && !session.update(model)) {
        session.dispose();
        session = undefined;
      }
      const warm = session !== undefined;
      if (!session) {
        session = inner.session(model);
        while (kept.size >= maxModels) forget(kept.keys().next().value!);
      }
      // Most recently used last, so the oldest model is the first to go.
      kept.set(key, session);
      const sol = session.solve(options);
      if (sol.hasSolution || sol.status === 'cancelled' || sol.status === 'time_limit') {
        if (warm) warmSolves++;
        const { colDual: _dual, ...rest } = sol;
        return rest;
      }
      forget(key);
      return inner.solve(model, options);
    },
    dispose() {
      for (const key of [...kept.keys()]) forget(key);
      if (opts.ownsInner) inner.dispose();
    },
  };
}

/** Rows, columns and the sparsity pattern: what a kept model must share with the next one. */
export function structureKey(m: LpModel): string {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h ^= v;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const v of m.rowStart) mix(v);
  for (const v of m.colIndex) mix(v);
  return `${m.colNames.length}:${m.rowNames.length}:${m.colIndex.length}:${h.toString(16)}`;
}
