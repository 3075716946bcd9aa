import { LpBuilder } from '../lp/model';
import type { CancelSignal, LpSolution, SolveProgress, SolverBackend } from '../lp/backend';
import type { BuiltModel } from '../model/build';

export interface DecompositionResult {
  solution: LpSolution;
  /** Proven bounds on the optimum of the full-year LP. */
  lowerBound: number;
  upperBound: number;
  iterations: number;
  converged: boolean;
  cancelled: boolean;
}

/**
 * The exact full-year LP, solved by Benders decomposition over the capacities. For fixed capacities
 * the year's dispatch is a much easier LP (a few seconds, and about one second when re-solved from
 * the previous basis); its reduced costs on the capacity columns are a subgradient of the total cost
 * as a function of the capacities. A small master LP over the capacities collects these cuts; a trust
 * region around the best capacities so far keeps the steps stable. The lower bound of the cuts and the
 * best total cost found bracket the optimum; iterations stop when they are within `tolerance`.
 *
 * `built` must carry priced slack on its balances (`slackPenalty_EUR_kWh`) so that every capacity
 * vector has a finite cost; at the optimum the slacks are zero (checked by the caller).
 */
export async function solveByCapacityDecomposition(
  built: BuiltModel,
  start: Float64Array,
  backend: SolverBackend,
  opts: {
    tolerance?: number;
    maxIterations?: number;
    timeLimit_s?: number;
    onProgress?: (p: SolveProgress) => void;
    signal?: CancelSignal;
  } = {},
): Promise<DecompositionResult | null> {
  if (!backend.session) return null;
  const m = built.model;
  const cols = Int32Array.from(
    built.ctx.capacities.flatMap((c) => (c.powerCol !== undefined ? [c.col, c.powerCol] : [c.col])),
  );
  const n = cols.length;
  if (n === 0 || start.length !== n) return null;
  const tolerance = opts.tolerance ?? 1e-6;
  const maxIterations = opts.maxIterations ?? 200;
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;

  // A finite box for capacities without an upper bound, far above anything sensible.
  let peak = 1;
  for (const d of Object.values(built.demand)) for (const v of d) peak = Math.max(peak, v);
  const lb = Float64Array.from(cols, (c) => m.colLower[c]);
  const ub = Float64Array.from(cols, (c, j) =>
    Number.isFinite(m.colUpper[c]) ? m.colUpper[c] : Math.max(10 * start[j], 200 * peak),
  );
  const clamp = (v: Float64Array) => v.map((x, j) => Math.min(ub[j], Math.max(lb[j], x)));

  let session = backend.session(m);
  const cuts: { f: number; g: Float64Array; c: Float64Array }[] = [];
  try {
    const solveAt = (c: Float64Array) => {
      session.fixColumns(cols, c);
      return session.solve({
        timeLimit_s: opts.timeLimit_s !== undefined ? Math.max(1, opts.timeLimit_s - elapsed()) : undefined,
        signal: opts.signal,
      });
    };
    const evaluate = (c: Float64Array) => {
      let sol = solveAt(c);
      if (!sol.hasSolution && !opts.signal?.aborted && sol.status !== 'time_limit') {
        // A warm re-solve may end in HiGHS status "unknown" after many bound changes: solve the
        // same point again from scratch (fresh model, presolve) before giving up.
        session.dispose();
        session = backend.session!(m);
        sol = solveAt(c);
      }
      if (!sol.hasSolution || !sol.colDual) return null;
      const g = Float64Array.from(cols, (col) => sol.colDual![col]);
      cuts.push({ f: sol.objective, g, c: Float64Array.from(c) });
      return sol;
    };
    const master = async (lo: Float64Array, hi: Float64Array) => {
      const b = new LpBuilder('capacity master');
      const cc = Array.from({ length: n }, (_, j) => b.addCol(`c${j}`, lo[j], hi[j]));
      const theta = b.addCol('theta', -Infinity, Infinity, 1);
      cuts.forEach((cut, k) => {
        let rhs = cut.f;
        for (let j = 0; j < n; j++) rhs -= cut.g[j] * cut.c[j];
        b.addRow(`cut${k}`, [theta, ...cc], [1, ...Array.from(cut.g, (v) => -v)], rhs, Infinity);
      });
      const s = await backend.solve(b.build());
      if (!s.hasSolution) return null;
      return { value: s.objective, c: s.x.slice(0, n) };
    };

    let best = Float64Array.from(clamp(start));
    let bestSol = evaluate(best);
    if (!bestSol)
      return opts.signal?.aborted
        ? {
            solution: cancelledSolution(backend, elapsed()),
            lowerBound: -Infinity,
            upperBound: Infinity,
            iterations: 0,
            converged: false,
            cancelled: true,
          }
        : null;
    const radius = Float64Array.from(best, (v, j) => Math.max(0.1 * Math.abs(v), 0.005 * (ub[j] - lb[j]), 1));
    let lower = -Infinity;
    let iterations = 1;
    for (; iterations < maxIterations; iterations++) {
      if (opts.signal?.aborted) break;
      if (opts.timeLimit_s !== undefined && elapsed() > opts.timeLimit_s) break;
      const global = await master(lb, ub);
      if (global) lower = Math.max(lower, global.value);
      const upper = bestSol.objective;
      opts.onProgress?.({
        phase: 'decomposition',
        elapsed_s: elapsed(),
        mipGap: (upper - lower) / Math.abs(upper),
        bestBound: lower,
        incumbent: upper,
      });
      if (upper - lower <= tolerance * Math.abs(upper)) break;
      const lo = Float64Array.from(best, (v, j) => Math.max(lb[j], v - radius[j]));
      const hi = Float64Array.from(best, (v, j) => Math.min(ub[j], v + radius[j]));
      const step = await master(lo, hi);
      if (!step) break;
      const sol = evaluate(step.c);
      if (!sol) break;
      const predicted = bestSol.objective - step.value;
      if (sol.objective < bestSol.objective - 0.1 * predicted) {
        // Serious step: move, and widen the region where the step reached its edge.
        for (let j = 0; j < n; j++) if (Math.abs(step.c[j] - best[j]) >= 0.99 * radius[j]) radius[j] *= 2;
        best = Float64Array.from(step.c);
        bestSol = sol;
      } else {
        // Null step: the new cut improves the model; shrink the region.
        for (let j = 0; j < n; j++) radius[j] = Math.max(radius[j] * 0.5, 1e-3);
      }
    }
    if (opts.signal?.aborted)
      return {
        solution: bestSol,
        lowerBound: lower,
        upperBound: bestSol.objective,
        iterations,
        converged: false,
        cancelled: true,
      };
    // Re-solve at the best capacities so the returned dispatch belongs to them.
    const final = evaluate(best) ?? bestSol;
    const upper = final.objective;
    const converged = upper - lower <= tolerance * Math.abs(upper);
    return {
      solution: { ...final, seconds: elapsed(), mipGap: (upper - lower) / Math.abs(upper) },
      lowerBound: lower,
      upperBound: upper,
      iterations,
      converged,
      cancelled: false,
    };
  } finally {
    session.dispose();
  }
}

function cancelledSolution(backend: SolverBackend, seconds: number): LpSolution {
  return {
    status: 'cancelled',
    hasSolution: false,
    objective: NaN,
    x: new Float64Array(0),
    seconds,
    solver: backend.name,
  };
}
