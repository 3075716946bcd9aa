import type { CancelSignal, ParetoStep, SolveProgress } from '../lp/backend';
import { buildModel, sizingSegments, type BuildOptions } from '../model/build';
import { solveSizingLp } from './candidatePricing';
import type { Project } from '../project/types';
import { readResults } from '../results/results';
import { solveProject, type SolveOutcome, type SolveProjectOptions } from './solve';
import type { ParetoPoint, ParetoProgress } from './pareto';

/**
 * The pieces of a cost–CO2 front (run/pareto.ts): its points' runs, the clean end, the least CO2, and
 * the front's own signal and progress.
 */

/**
 * Strict end (tolerance 0): relative slack on the minimum CO2 when the clean end minimises cost under it: small enough that the
 * cost it saves is far below 1e-6 of the total, large enough for the solver's feasibility tolerance.
 * A second, looser try is made only if the first is infeasible through round-off.
 */
export const CLEAN_END_SLACK = [1e-9, 1e-6];
/** Absolute floor of that slack in tonnes (1 µg, then 1 g), for fronts that end at zero emissions. */
export const CLEAN_END_FLOOR_T = [1e-12, 1e-6];

/** Why a front ended early: cancelled, or a point without a solution (the reasons, English). */
export class Stop extends Error {
  constructor(
    readonly status: 'cancelled' | 'failed',
    readonly reasons: string[],
  ) {
    super(reasons.join('; '));
  }
}

export const cancelled = (): Stop => new Stop('cancelled', ['the run was cancelled']);

/**
 * A signal of a front's own under `parent`: `halt` sets it, so that runs still under way stop at their
 * next solve. Solvers poll it during a solve only where the caller's signal asks for that.
 */
export function childSignal(
  parent: CancelSignal | undefined,
  pollDuringSolve: boolean | undefined,
): { signal: CancelSignal; halt: () => void } {
  let halted = false;
  const signal: CancelSignal = {
    get aborted() {
      return halted || !!parent?.aborted;
    },
    pollDuringSolve,
  };
  return { signal, halt: () => void (halted = true) };
}

/** A point's progress callback, with the start of its clock (`since`). */
export type PointProgress = ((p: SolveProgress) => void) & { since: number };

/**
 * Progress of a front, speaking for one point: the first not yet done. With a pool several points run
 * at once, and the others' reports wait (only the latest of each is kept), so the point number shown
 * only climbs. `finish(n)` marks point n done and lets the next point speak with its latest report.
 */
export function frontProgress(
  points: number,
  t0: number,
  report: ((p: ParetoProgress) => void) | undefined,
): { tracker: (n: number, step: ParetoStep, since?: number) => PointProgress; finish: (n: number) => void } {
  let shown = 1;
  const finished = new Set<number>();
  const latest = new Map<number, () => void>();
  /** The progress of point `n` (its first report at once); `since` continues an earlier step's clock. */
  const tracker = (n: number, step: ParetoStep, since = performance.now()) => {
    const progress = (p: SolveProgress) => {
      const send = () => {
        const now = performance.now();
        report?.({
          ...p,
          elapsed_s: (now - t0) / 1000,
          point: n,
          points,
          step,
          pointElapsed_s: (now - since) / 1000,
        });
      };
      latest.set(n, send);
      if (n === shown) send();
    };
    progress({ phase: 'starting', elapsed_s: 0 });
    return Object.assign(progress, { since });
  };
  const finish = (n: number) => {
    finished.add(n);
    while (finished.has(shown)) shown++;
    latest.get(shown)?.();
  };
  return { tracker, finish };
}

/** What the runs of one front share. */
export interface FrontRuns {
  project: Project;
  points: number;
  mode: 'aggregated' | 'full';
  /** The front's own signal (see {@link childSignal}). */
  signal: CancelSignal;
  /** The options of each solve of the front, with its progress and signal. */
  options: (onProgress: (p: SolveProgress) => void, signal?: CancelSignal) => SolveProjectOptions;
}

export function describePoint(n: number, points: number, limit: number | undefined, what: string): string {
  return `Pareto point ${n} of ${points} (${what}${limit === undefined ? '' : `, CO2 ≤ ${limit} t`})`;
}

export function pointOf(
  outcome: SolveOutcome,
  limit: number | undefined,
  kind: ParetoPoint['kind'],
): ParetoPoint {
  return {
    co2Limit_t: limit ?? null,
    totalAnnualCost_EUR: outcome.results.objective.totalAnnualCost_EUR,
    emissions_tCO2: outcome.results.emissions_tCO2,
    capacities: outcome.results.capacities,
    kind,
    outcome,
  };
}

/** The run of one cost minimisation under `limit`, with or without a solution; a cancel stops the front. */
export async function costMinOutcome(
  f: FrontRuns,
  limit: number | undefined,
  progress: (p: SolveProgress) => void,
  signal: CancelSignal = f.signal,
): Promise<SolveOutcome> {
  if (signal.aborted) throw cancelled();
  const outcome = await solveProject(f.project, {
    ...f.options(progress, signal),
    objective: 'cost',
    co2Limit_t: limit,
  });
  if (outcome.results.status === 'cancelled' || signal.aborted) throw cancelled();
  return outcome;
}

/** One cost minimisation under `limit` as point `n`; a run without a solution stops the front. */
export async function costMin(
  f: FrontRuns,
  n: number,
  limit: number | undefined,
  kind: ParetoPoint['kind'],
  progress: (p: SolveProgress) => void,
  signal: CancelSignal = f.signal,
): Promise<ParetoPoint> {
  const outcome = await costMinOutcome(f, limit, progress, signal);
  if (!outcome.dispatch)
    throw new Stop('failed', [
      `${describePoint(n, f.points, limit, kind === 'minCost' ? 'minimum cost' : 'minimum cost under the CO2 limit')} has no solution: ${outcome.reasons.join('; ')}`,
    ]);
  return pointOf(outcome, limit, kind);
}

/**
 * The clean end's CO2 limits to try from the least CO2 `e`: with a tolerance, that share of the range
 * up to the cheapest plant's emissions; the strict end (tolerance 0): two round-off slacks.
 */
export function cleanEndLimits(e: number, cheapestCo2: number, tolerance: number): number[] {
  return tolerance > 0
    ? [e + tolerance * Math.max(0, cheapestCo2 - e)]
    : CLEAN_END_SLACK.map((r, i) => e * (1 + r) + CLEAN_END_FLOOR_T[i]);
}

/** The least CO2 E* the plant can reach (point 2's first step); none stops the front. */
export async function leastCo2(f: FrontRuns, progress: (p: SolveProgress) => void): Promise<number> {
  if (f.signal.aborted) throw cancelled();
  const least = await minimumCo2(f.project, f.mode, f.options(progress), f.signal);
  if (least.cancelled) throw cancelled();
  if (least.emissions_tCO2 === undefined)
    throw new Stop('failed', [
      `${describePoint(2, f.points, undefined, 'minimum CO2')} has no solution: ${least.reasons.join('; ')}`,
    ]);
  return least.emissions_tCO2;
}

/**
 * The clean end: the least cost with CO2 at most the least CO2 `eStar` (plus the slack of
 * {@link cleanEndLimits}). Should the real year not reach the typical days' E* (aggregated mode), the
 * full-year minimum bounds it instead; `minimumCo2_t` says which minimum it is.
 */
export async function cleanEndPoint(
  f: FrontRuns,
  eStar: number,
  cheapestCo2: number,
  tolerance: number,
  progress: (p: SolveProgress) => void,
): Promise<ParetoPoint> {
  let cleanest: ParetoPoint | SolveOutcome | undefined;
  let minimum = eStar;
  for (const limit of cleanEndLimits(eStar, cheapestCo2, tolerance)) {
    const outcome = await costMinOutcome(f, limit, progress);
    cleanest = outcome.dispatch ? pointOf(outcome, limit, 'minCo2') : outcome;
    if ('kind' in cleanest || cleanest.results.status !== 'infeasible') break;
  }
  if (cleanest && !('kind' in cleanest) && f.mode === 'aggregated') {
    // The typical days reach less CO2 than the real year can: bound by the full-year minimum instead.
    const full = await solveProject(f.project, { ...f.options(progress), objective: 'co2' });
    if (full.results.status === 'cancelled' || f.signal.aborted) throw cancelled();
    if (full.dispatch) {
      minimum = Math.max(eStar, full.results.emissions_tCO2);
      const limits = cleanEndLimits(minimum, cheapestCo2, tolerance);
      const limit = limits[limits.length - 1];
      const outcome = await costMinOutcome(f, limit, progress);
      cleanest = outcome.dispatch ? pointOf(outcome, limit, 'minCo2') : outcome;
    }
  }
  if (!cleanest || !('kind' in cleanest))
    throw new Stop('failed', [
      `${describePoint(2, f.points, undefined, 'lowest cost at minimum CO2')} has no solution: ${cleanest?.reasons.join('; ') ?? ''}`,
    ]);
  cleanest.minimumCo2_t = minimum;
  return cleanest;
}

/**
 * The least CO2 the plant can reach: in full mode the full-year minimum (decomposition as in any
 * full run), in aggregated mode the minimum of the typical-day sizing model, the model the epsilon
 * constraint of the sizing acts on.
 */
async function minimumCo2(
  project: Project,
  mode: 'aggregated' | 'full',
  opts: SolveProjectOptions,
  signal: SolveProjectOptions['signal'],
): Promise<{ emissions_tCO2?: number; reasons: string[]; cancelled: boolean }> {
  if (mode === 'aggregated') {
    const options: BuildOptions = {
      scenarioId: opts.scenarioId,
      mode: 'aggregated',
      typicalDays: opts.typicalDays,
      segments: sizingSegments(opts),
      milp: opts.milp,
      objective: 'co2',
    };
    const built = buildModel(project, options);
    const sol = await solveSizingLp(built, project, options, opts.backend!, {
      timeLimit_s: opts.timeLimit_s,
      mipGap: opts.mipGap,
      onProgress: (p) => opts.onProgress?.({ ...p, phase: p.phase === 'simplex' ? 'sizing' : p.phase }),
      signal,
    });
    if (sol.status === 'cancelled' || signal?.aborted) return { reasons: [], cancelled: true };
    if (sol.hasSolution)
      return {
        emissions_tCO2: readResults(built, sol).results.emissions_tCO2,
        reasons: [],
        cancelled: false,
      };
    // No solution: let a full run explain why.
  }
  const outcome = await solveProject(project, { ...opts, objective: 'co2' });
  if (outcome.results.status === 'cancelled' || signal?.aborted) return { reasons: [], cancelled: true };
  return outcome.dispatch
    ? { emissions_tCO2: outcome.results.emissions_tCO2, reasons: [], cancelled: false }
    : { reasons: outcome.reasons, cancelled: false };
}
