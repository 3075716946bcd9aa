import type { CancelSignal, LpSolution, SolveProgress, SolverBackend } from '../lp/backend';
import { buildModel, type BuildOptions, type BuiltModel } from '../model/build';
import type { Project } from '../project/types';
import type { Dispatch, Results } from '../results/results';
import { formatSolverMessage } from '../results/messages';
import { solveByCapacityDecomposition, type DecompositionResult } from './decomposition';
import { heldAtZero } from './candidatePricing';
import { capacityColumns, sizedCapacities } from './capacities';

/**
 * Box steps of the default mode's full-year refinement. The first step moves farthest and costs most; later ones
 * are small and cheap. The reference hub is proven optimal after 1, the district example after 2, the
 * single-building example after 5 (first box ±25 %, run/decomposition.ts).
 */
export const DEFAULT_REFINE_STEPS = 6;

export interface CheckAndRefine {
  /** The full-year model (capacities free; the check fixed them in the session). */
  full: BuiltModel;
  /** The full-year check: the dispatch with the typical-day capacities (or with the raised ones). */
  check: LpSolution;
  /**
   * Set when the typical-day capacities could not serve the year: the check then kept them as lower
   * bounds and raised some (`check` is that solve); these are the typical-day capacities.
   */
  raisedFrom?: Float64Array;
  /** The refinement from the check, if the check had a solution and steps were asked for. */
  refined: DecompositionResult | null;
  seconds: number;
}

/**
 * The default mode's answer over the whole year (issue 18, "exact means exact"). Typical days size the
 * plants well in cost but not in size, so the full-year check with those capacities is the first step
 * of the full mode's trust region (run/decomposition.ts), solved in a warm session, and at most `steps`
 * box steps follow: the capacities move to the full-year optimum inside each box, and when no box edge
 * binds they are the proven optimum. Null when the backend has no sessions (glpk): then the caller
 * checks as before. A check without a solution (infeasible: the typical days missed a situation)
 * raises the capacities in the same session first, and the refinement starts from the raised ones.
 */
export async function checkAndRefine(
  project: Project,
  base: BuildOptions,
  sizing: { built: BuiltModel; x: Float64Array },
  backend: SolverBackend,
  opts: {
    steps: number;
    timeLimit_s?: number;
    signal?: CancelSignal;
    onCheckProgress?: (p: SolveProgress) => void;
    onProgress?: (p: SolveProgress) => void;
    onRaising?: () => void;
    onRaisingProgress?: (p: SolveProgress) => void;
  },
): Promise<CheckAndRefine | null> {
  if (!backend.session) return null;
  const t0 = performance.now();
  const full = buildModel(project, { ...base, mode: 'full', milp: false });
  const cols = capacityColumns(full);
  const start = sizedCapacities(full, sizing.built, sizing.x);
  const session = backend.session(full.model);
  session.fixColumns(cols, start);
  const left = () =>
    opts.timeLimit_s === undefined ? undefined : opts.timeLimit_s - (performance.now() - t0) / 1000;
  // Devex pricing: faster on a year dispatched with fixed capacities (docs/solvers.md), most with a CO2
  // limit; only where no refinement follows, whose warm steps keep HiGHS's own choice from the start.
  let check = session.solve({
    ...(opts.steps > 0 ? {} : { pricing: 'devex' as const }),
    timeLimit_s: opts.timeLimit_s,
    signal: opts.signal,
    onProgress: opts.onCheckProgress,
  });
  let raisedFrom: Float64Array | undefined;
  let from = start;
  if (check.status === 'infeasible') {
    // The typical days missed a situation of the real year: the typical-day capacities become lower
    // bounds, and the same session adds what the year needs (as the check without a session does).
    opts.onRaising?.();
    const upper = Float64Array.from(cols, (c) => full.model.colUpper[c]);
    session.setColumnBounds(cols, start, upper);
    check = session.solve({ timeLimit_s: left(), signal: opts.signal, onProgress: opts.onRaisingProgress });
    if (check.hasSolution) {
      raisedFrom = start;
      from = Float64Array.from(cols, (c) => check.x[c]);
    }
  }
  if (!check.hasSolution || opts.steps <= 0 || (left() ?? 1) <= 0) {
    session.dispose();
    return { full, check, raisedFrom, refined: null, seconds: (performance.now() - t0) / 1000 };
  }
  const refined = await solveByCapacityDecomposition(full, from, backend, {
    maxIterations: 1 + opts.steps,
    timeLimit_s: left(),
    signal: opts.signal,
    onProgress: opts.onProgress,
    warm: { session, solution: check },
    held: heldAtZero(full, from),
  });
  return { full, check, raisedFrom, refined, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The refined plan's results, carrying the sizing and check figures of the check's results
 * (`results.solve.refinement`, docs/formats/results.md); the check's own results when the refinement
 * found nothing cheaper.
 */
export function refinedResults(
  checked: Results,
  refined: DecompositionResult,
  read: (sol: LpSolution) => { results: Results; dispatch: Dispatch },
): { results: Results; dispatch: Dispatch } | null {
  const { lowerBound: lower, upperBound: upper } = refined;
  const gap = Number.isFinite(lower) ? (upper - lower) / Math.abs(upper) : null;
  const refinement: NonNullable<Results['solve']['refinement']> = {
    steps: refined.iterations - 1,
    proven: refined.converged,
    objective_EUR: upper,
    lowerBound_EUR: Number.isFinite(lower) ? lower : null,
    gap,
    seconds: refined.solution.seconds,
  };
  const better = refined.solution.hasSolution && upper < checked.objective.totalAnnualCost_EUR;
  if (!better) {
    checked.solve.refinement = refinement;
    return null;
  }
  const { results, dispatch } = read(refined.solution);
  // The plan is the refined one (its own findings); the sizing and check figures stay as they were.
  results.solve = { ...checked.solve, refinement };
  // What the check had to raise stays said: it is why the refinement started where it did.
  const raised = (checked.messages ?? []).filter((m) => m.code === 'capacitiesRaised');
  if (raised.length) {
    results.messages = [...raised, ...(results.messages ?? [])];
    results.warnings = [...raised.map((m) => formatSolverMessage(m)), ...results.warnings];
  }
  return { results, dispatch };
}
