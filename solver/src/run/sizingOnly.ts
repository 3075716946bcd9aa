import type { LpSolution, SolveOptions, SolverBackend, SolverSession } from '../lp/backend';
import type { LpModel } from '../lp/model';
import type { BuiltModel } from '../model/build';
import { aggregationOf } from '../model/timegrid';
import { solverMessage } from '../results/messages';
import { addMessage } from './outcome';
import type { PricingStats } from './candidatePricing';
import { readResults, type Dispatch, type Results } from '../results/results';

/**
 * The typical-day sizing as a sweep's screening evaluation, without the full-year check. Kept by the
 * caller between points (one per worker): the last sizing LP stays in HiGHS, and a point whose LP has
 * the same rows, columns and nonzero pattern (a sweep changes prices, costs, limits) starts from its
 * optimal basis instead of from scratch. The answer is the same LP's optimum either way.
 */
export interface WarmSizing {
  session?: SolverSession;
  /** Points solved from the previous point's basis, and from scratch. */
  warm: number;
  cold: number;
}

export const warmSizing = (): WarmSizing => ({ warm: 0, cold: 0 });

/** Frees the kept LP. */
export function disposeWarmSizing(w: WarmSizing): void {
  w.session?.dispose();
  w.session = undefined;
}

/**
 * Solves a sizing LP from the kept one's basis where the structure matches, else from scratch (and
 * keeps it for the next). A warm solve that ends other than optimal (infeasible, numerical trouble)
 * is repeated from scratch, so a warm start never decides a point's status.
 */
export function solveSizing(
  model: LpModel,
  backend: SolverBackend,
  w: WarmSizing,
  opts: SolveOptions,
): Promise<LpSolution> {
  if (!backend.session) {
    w.cold++;
    return backend.solve(model, opts);
  }
  if (w.session?.update(model)) {
    const sol = w.session.solve(opts);
    if (sol.status === 'optimal' || sol.status === 'cancelled') {
      w.warm++;
      return Promise.resolve(sol);
    }
  }
  disposeWarmSizing(w);
  w.cold++;
  const session = backend.session(model);
  const sol = session.solve(opts);
  if (sol.status === 'optimal') w.session = session;
  else session.dispose();
  return Promise.resolve(sol);
}

/** What results.solve.sizing says of a typical-day sizing: its grid, objective, time and MIP gap. */
export function sizingSummary(
  first: BuiltModel,
  sol: LpSolution & { pricing?: PricingStats },
  objective_EUR: number,
): NonNullable<Results['solve']['sizing']> {
  return {
    ...aggregationOf(first.grid),
    objective_EUR,
    seconds: sol.seconds,
    gap: sol.mipGap ?? null,
    ...(sol.pricing ? { pricing: sol.pricing } : {}),
  };
}

/**
 * The outcome of a sizing-only run: the typical-day model's results (capacities, cost, emissions,
 * dispatch of the typical days), marked as such in `solve.sizing` and by the message `sizingOnly`.
 */
export function sizingOnlyOutcome(
  first: BuiltModel,
  sol: LpSolution,
  seconds: number,
): { results: Results; dispatch: Dispatch; reasons: string[] } {
  const { results, dispatch } = readResults(first, sol);
  addMessage(results, solverMessage('sizingOnly'));
  results.solve.mode = 'aggregated';
  results.solve.gap = sol.mipGap ?? null;
  results.solve.sizing = sizingSummary(first, sol, results.objective.totalAnnualCost_EUR);
  results.solve.seconds = seconds;
  return { results, dispatch, reasons: [] };
}
