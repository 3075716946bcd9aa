import { LpBuilder } from '../lp/model';
import type { CancelSignal, LpSolution, SolveProgress, SolverBackend, SolverSession } from '../lp/backend';
import type { BuiltModel } from '../model/build';
import { capacityColumns, capacityTechIds } from './capacities';
import { pricePlants } from './candidatePricing';

export interface DecompositionResult {
  solution: LpSolution;
  /** Proven bounds on the optimum of the full-year LP. */
  lowerBound: number;
  upperBound: number;
  iterations: number;
  converged: boolean;
  cancelled: boolean;
}

/** A reduced cost this small (relative to the column's own cost) counts as zero. */
const ZERO_REDUCED_COST = 1e-6;

/**
 * Half-width of the first box, relative to each capacity (at least 1 % of the peak demand). Typical days
 * miss the exact sizes by up to a third (issue 18), so a ±10 % box needed two more, larger steps to reach
 * the optimum; ±25 % holds the reference hub's in its first step (docs/decisions/capacity-trust-region.md:
 * default run 27–38 s → 18 s; district example 27–41 s → 22–28 s; single building 15 → 12 s).
 */
const FIRST_BOX = 0.25;

/**
 * The exact full-year LP, solved over a trust region of the capacities (docs/decisions/capacity-trust-region.md).
 *
 * 1. The year's dispatch with the capacities fixed at `start` (the typical-day sizing): an upper bound.
 * 2. The full-year LP with every capacity free inside a box around the best capacities so far,
 *    warm-started from the last basis. Its optimum x̂ is a plan at least as cheap as the box centre.
 * 3. If no box edge binds (every capacity at a box edge has a zero reduced cost), x̂ satisfies the
 *    optimality conditions of the whole LP: it is the optimum, proven as a direct solve proves it,
 *    and it lies on the optimal face. Otherwise the box moves to x̂ and doubles along the binding
 *    capacities; back to 2.
 *
 * Every solve also gives a Benders cut, total(c) ≥ f + g·(c − x̂), with g the reduced costs of the
 * capacity columns (a subgradient of the total cost as a function of the capacities). Before the
 * proof, the cuts' minimum over all allowed capacities is the proven lower bound reported with an
 * early stop (time limit, iteration limit, cancel).
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
    /**
     * A session on `built.model` that has already solved the dispatch with the capacities fixed at
     * `start` (the full-year check): its solution is the first step. The session is disposed here.
     */
    warm?: { session: SolverSession; solution: LpSolution & { colDual?: Float64Array } };
    /**
     * Plants (ids) held at 0 until priced, with many candidates (run/candidatePricing.ts): the box
     * keeps them at 0, and where no edge binds they are priced at the box LP's duals; those that would
     * lower the cost join the box, and the optimum is proven only when none would.
     */
    held?: ReadonlySet<string>;
  } = {},
): Promise<DecompositionResult | null> {
  if (!backend.session) {
    opts.warm?.session.dispose();
    return null;
  }
  const m = built.model;
  const cols = capacityColumns(built);
  const n = cols.length;
  if (n === 0 || start.length !== n) {
    opts.warm?.session.dispose();
    return null;
  }
  const tolerance = opts.tolerance ?? 1e-6;
  const maxIterations = opts.maxIterations ?? 200;
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;

  // A finite box for capacities without an upper bound, far above anything sensible (for the cuts' bound).
  let peak = 1;
  for (const d of Object.values(built.demand)) for (const v of d) peak = Math.max(peak, v);
  const lb = Float64Array.from(cols, (c) => m.colLower[c]);
  const ub = Float64Array.from(cols, (c, j) =>
    Number.isFinite(m.colUpper[c]) ? m.colUpper[c] : Math.max(10 * start[j], 200 * peak),
  );
  const clamp = (v: Float64Array) => v.map((x, j) => Math.min(ub[j], Math.max(lb[j], x)));

  const techOf = capacityTechIds(built);
  const held = new Set(opts.held);
  let session = opts.warm?.session ?? backend.session(m);
  const cuts: Cut[] = [];
  try {
    /** A solution's cut; null without a solution. */
    const adopt = (sol: LpSolution & { colDual?: Float64Array }) => {
      if (!sol.hasSolution || !sol.colDual) return null;
      const at = Float64Array.from(cols, (col) => sol.x[col]);
      cuts.push({ f: sol.objective, g: Float64Array.from(cols, (col) => sol.colDual![col]), c: at });
      return { sol, at };
    };
    const evaluate = (lo: Float64Array, hi: Float64Array) => {
      const solveIn = () => {
        session.setColumnBounds(cols, lo, hi);
        return session.solve({
          timeLimit_s: opts.timeLimit_s !== undefined ? Math.max(1, opts.timeLimit_s - elapsed()) : undefined,
          signal: opts.signal,
        });
      };
      let sol = solveIn();
      if (!sol.hasSolution && !opts.signal?.aborted && sol.status !== 'time_limit') {
        // A warm re-solve may end in HiGHS status "unknown" after many bound changes: solve the
        // same box again from scratch (fresh model, presolve) before giving up.
        session.dispose();
        session = backend.session!(m);
        sol = solveIn();
      }
      return adopt(sol);
    };
    const stopped = () =>
      opts.signal?.aborted || (opts.timeLimit_s !== undefined && elapsed() > opts.timeLimit_s);

    let best = Float64Array.from(clamp(start));
    const first = opts.warm ? adopt(opts.warm.solution) : evaluate(best, best);
    if (!first) return opts.signal?.aborted ? cancelledResult(backend, elapsed()) : null;
    let bestSol = first.sol;
    const radius = Float64Array.from(best, (v) => Math.max(FIRST_BOX * Math.abs(v), 0.01 * peak));
    let lower = -Infinity;
    let proven = false;
    let iterations = 1;
    const report = () => {
      const upper = bestSol.objective;
      opts.onProgress?.({
        phase: 'decomposition',
        elapsed_s: elapsed(),
        mipGap: (upper - lower) / Math.abs(upper),
        bestBound: lower,
        incumbent: upper,
      });
    };
    for (; iterations < maxIterations && !stopped(); iterations++) {
      lower = Math.max(lower, (await cutBound(cuts, lb, ub, backend)) ?? -Infinity);
      report();
      if (bestSol.objective - lower <= tolerance * Math.abs(bestSol.objective)) break;
      const lo = Float64Array.from(best, (v, j) =>
        held.has(techOf[j]) ? 0 : Math.max(lb[j], v - radius[j]),
      );
      const hi = Float64Array.from(best, (v, j) =>
        held.has(techOf[j]) ? 0 : Math.min(ub[j], v + radius[j]),
      );
      const next = evaluate(lo, hi);
      if (!next) break;
      const binding = bindingEdges(next.at, cuts[cuts.length - 1].g, lo, hi, cols, m).filter(
        (j) => !held.has(techOf[j]),
      );
      // The box holds its centre, so its optimum is never worse (up to the solver's tolerances).
      if (binding.length === 0 || next.sol.objective <= bestSol.objective) {
        best = next.at;
        bestSol = next.sol;
      }
      if (binding.length === 0 && held.size && (await releaseHeld(built, held, next.sol, backend))) continue;
      if (binding.length === 0) {
        // Optimality conditions of the whole LP hold at x̂: the bound meets the plan.
        proven = true;
        lower = bestSol.objective;
        iterations++;
        report();
        break;
      }
      for (const j of binding) radius[j] *= 2;
    }
    const upper = bestSol.objective;
    const converged = proven || upper - lower <= tolerance * Math.abs(upper);
    return {
      solution: { ...bestSol, seconds: elapsed(), mipGap: (upper - lower) / Math.abs(upper) },
      lowerBound: lower,
      upperBound: upper,
      iterations,
      converged,
      cancelled: !!opts.signal?.aborted,
    };
  } finally {
    session.dispose();
  }
}

interface Cut {
  /** Total cost at `c`, its subgradient there, and the capacities `c`. */
  f: number;
  g: Float64Array;
  c: Float64Array;
}

/**
 * The capacities held at a box edge by a non-zero reduced cost. An edge is one the model does not have:
 * the finite stand-in for a missing upper bound counts as an edge too, so it can never pass for the optimum.
 */
function bindingEdges(
  x: Float64Array,
  g: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  cols: Int32Array,
  m: { colLower: Float64Array; colUpper: Float64Array; colCost: Float64Array },
): number[] {
  const out: number[] = [];
  for (let j = 0; j < x.length; j++) {
    if (Math.abs(g[j]) <= ZERO_REDUCED_COST * Math.max(1, Math.abs(m.colCost[cols[j]]))) continue;
    const eps = (v: number) => 1e-9 * Math.max(1, Math.abs(v));
    const atLo = x[j] - lo[j] <= eps(lo[j]) && lo[j] > m.colLower[cols[j]];
    const atHi = hi[j] - x[j] <= eps(hi[j]) && hi[j] < m.colUpper[cols[j]];
    if (atLo || atHi) out.push(j);
  }
  return out;
}

/** The cuts' minimum over all allowed capacities (a proven lower bound on the total cost). */
async function cutBound(
  cuts: Cut[],
  lb: Float64Array,
  ub: Float64Array,
  backend: SolverBackend,
): Promise<number | null> {
  const n = lb.length;
  const b = new LpBuilder('capacity master');
  const cc = Array.from({ length: n }, (_, j) => b.addCol(`c${j}`, lb[j], ub[j]));
  const theta = b.addCol('theta', -Infinity, Infinity, 1);
  cuts.forEach((cut, k) => {
    let rhs = cut.f;
    for (let j = 0; j < n; j++) rhs -= cut.g[j] * cut.c[j];
    b.addRow(`cut${k}`, [theta, ...cc], [1, ...Array.from(cut.g, (v) => -v)], rhs, Infinity);
  });
  const s = await backend.solve(b.build());
  return s.hasSolution ? s.objective : null;
}

/**
 * Prices the plants held at 0 at the duals of `sol` (a box LP where no edge binds) and releases those
 * that would lower the cost, or all of them when the pricing fails; true when any was released.
 */
async function releaseHeld(
  built: BuiltModel,
  held: Set<string>,
  sol: LpSolution,
  backend: SolverBackend,
): Promise<boolean> {
  const inI = new Uint8Array(built.model.colNames.length);
  for (const t of built.techColumns) if (held.has(t.techId)) inI.fill(1, t.from, t.to);
  const priced = sol.rowDual ? await pricePlants(built, inI, sol.rowDual, backend, {}) : null;
  const joining =
    priced && !('status' in priced) ? [...priced.joining].map((k) => built.techColumns[k].techId) : [...held];
  joining.forEach((id) => held.delete(id));
  return joining.length > 0;
}

function cancelledResult(backend: SolverBackend, seconds: number): DecompositionResult {
  return {
    solution: cancelledSolution(backend, seconds),
    lowerBound: -Infinity,
    upperBound: Infinity,
    iterations: 0,
    converged: false,
    cancelled: true,
  };
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
