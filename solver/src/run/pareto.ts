import { createBackend } from '../lp/index';
import type { CancelSignal, ParetoStep, SolveProgress } from '../lp/backend';
import { buildModel, sizingSegments } from '../model/build';
import type { Project } from '../project/types';
import { readResults, type Results } from '../results/results';
import { solveProject, type SolveOutcome, type SolveProjectOptions } from './solve';

export interface ParetoPoint {
  /** The epsilon constraint of this point (t CO2/a); null for the unconstrained minimum-cost end. */
  co2Limit_t: number | null;
  totalAnnualCost_EUR: number;
  emissions_tCO2: number;
  /** The plant of this point: capacity per technology (kW, kWh, m²). */
  capacities: Results['capacities'];
  /** Which kind of point: the two ends or an epsilon-constrained point between them. */
  kind: 'minCost' | 'minCo2' | 'epsilon';
  /**
   * The clean end only: the least CO2 the plant can reach at all (t/a). The clean end itself is the
   * cheapest plant within the clean-end tolerance of it (see {@link ParetoOptions.cleanEndTolerance}).
   */
  minimumCo2_t?: number;
  outcome: SolveOutcome;
}

/**
 * Progress of a front: the solver's own progress (phase: sizing, full-year check …), tagged with the
 * point being computed (1-based), its kind (`step`) and the seconds spent on it (`pointElapsed_s`).
 */
export interface ParetoProgress extends SolveProgress {
  point: number;
  points: number;
  step: ParetoStep;
  pointElapsed_s: number;
}

export interface ParetoOptions extends Omit<SolveProjectOptions, 'objective' | 'co2Limit_t' | 'onProgress'> {
  onProgress?: (p: ParetoProgress) => void;
  /** Called when a point is done, with its number in computation order (1-based). */
  onPoint?: (point: ParetoPoint, k: number, n: number) => void;
  /**
   * How far above the least CO2 the clean end may lie, as a share of the front's CO2 range (the
   * cheapest plant's emissions minus the least CO2). Default {@link CLEAN_END_TOLERANCE}; 0 gives the
   * strictly lexicographic end (least CO2 first, then least cost at it).
   */
  cleanEndTolerance?: number;
}

export interface ParetoFront {
  /** 'optimal': all points solved; 'cancelled': stopped by the signal; 'failed': a point has no solution. */
  status: 'optimal' | 'cancelled' | 'failed';
  /** From minimum cost to minimum CO2 (the points computed so far when cancelled or failed). */
  points: ParetoPoint[];
  /** Why the front is incomplete (English). */
  reasons: string[];
  seconds: number;
}

/**
 * Default clean-end tolerance: 0, the strictly lexicographic end (least CO2, then least cost at it),
 * as docs/model.md states: the point labelled "minimum CO2" is the minimum. The strict end can be an
 * expensive plant, because an LP takes every last kilogram at any price (on the reference hub the last
 * 0.1 % of CO2 needs an 18 MW heat pump for a 5 MW peak); a caller who wants a plant a planner would
 * build passes a tolerance such as 0.01 (1 % of the CO2 range) and the point then reports the true
 * minimum in `minimumCo2_t`.
 */
export const CLEAN_END_TOLERANCE = 0;

/**
 * Strict end (tolerance 0): relative slack on the minimum CO2 when the clean end minimises cost under it: small enough that the
 * cost it saves is far below 1e-6 of the total, large enough for the solver's feasibility tolerance.
 * A second, looser try is made only if the first is infeasible through round-off.
 */
const CLEAN_END_SLACK = [1e-9, 1e-6];
/** Absolute floor of that slack in tonnes (1 µg, then 1 g), for fronts that end at zero emissions. */
const CLEAN_END_FLOOR_T = [1e-12, 1e-6];

/** Two ends closer than this (relative to the larger, in t CO2) give one point: there is no trade-off. */
const SAME_EMISSIONS = 1e-7;

class Stop extends Error {
  constructor(
    readonly status: 'cancelled' | 'failed',
    readonly reasons: string[],
  ) {
    super(reasons.join('; '));
  }
}

/**
 * Cost–CO2 Pareto front by the epsilon-constraint method.
 *
 * 1. Minimum cost (no CO2 limit).
 * 2. Minimum CO2, lexicographically: first the least CO2 E* the plant can reach, then the least cost
 *    with CO2 ≤ E*·(1 + 1e-9), so the clean end carries no arbitrary cost. In aggregated mode E* is the
 *    minimum of the typical-day model, which carries the CO2 limit as well as the full-year check.
 * 3. `points − 2` cost minimisations with CO2 limits evenly spaced between the two ends' emissions.
 *
 * Each point keeps its capacities and its full outcome. Progress is reported per point; the signal
 * is read between the solves and inside them. Never throws for a point without a solution: the front
 * then has status 'failed' and the reasons (see {@link paretoFront} for the throwing variant).
 *
 * In parallel (aggregated mode, HiGHS, an `lpPool` that gives workers): the sizings stay in this
 * thread, one after another, and each point's full-year check goes to the pool as soon as the point
 * is sized. The clean end is checked beside the cheapest point, and the points between start as soon
 * as the cheapest point's emissions are known, with the clean end's limit expected from E*; should the
 * clean end settle on another limit (the typical days reach less CO2 than the year), they are computed
 * again with it. So the front is the same as computed one point after another, and `onPoint` hears of
 * the points in the same order.
 */
export async function computeParetoFront(
  project: Project,
  points: number,
  opts: ParetoOptions = {},
): Promise<ParetoFront> {
  if (!(Number.isInteger(points) && points >= 2))
    throw new Error('a Pareto front needs a whole number of at least 2 points');
  const t0 = performance.now();
  const mode = opts.mode ?? 'aggregated';
  const backend = opts.backend ?? (await createBackend(opts.solver ?? 'highs'));
  const confirmed: ParetoPoint[] = [];
  const { onPoint, onProgress: report, lpPool, signal: outer, ...rest } = opts;
  const { cleanEndTolerance = CLEAN_END_TOLERANCE } = opts;
  if (!(cleanEndTolerance >= 0 && cleanEndTolerance < 1))
    throw new Error('the clean-end tolerance is a share of the CO2 range from 0 to below 1');
  /** A signal of this front's own: set when the front ends early, so that runs still under way stop. */
  const child = (parent?: CancelSignal) => {
    const own = { halted: false };
    const signal: CancelSignal = {
      get aborted() {
        return own.halted || !!parent?.aborted;
      },
      pollDuringSolve: outer ? outer.pollDuringSolve : false,
    };
    return { signal, halt: () => (own.halted = true) };
  };
  const front = child(outer);
  const pool =
    mode === 'aggregated' && backend.name === 'highs' && !opts.milp
      ? await lpPool?.(points).catch(() => undefined)
      : undefined;
  /** Without a pool the points are computed one after another, as nothing would run beside them. */
  const serial = !pool;
  const started: Promise<unknown>[] = [];
  /** A run of the front: its rejection is handled here too, should the front end without it. */
  const run = <T>(p: Promise<T>): Promise<T> => {
    started.push(p.catch(() => undefined));
    return p;
  };
  /** The progress of point `n` (its first report at once); `since` continues an earlier step's clock. */
  const tracker = (n: number, step: ParetoStep, since = performance.now()) => {
    const progress = (p: SolveProgress) => {
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
    progress({ phase: 'starting', elapsed_s: 0 });
    return Object.assign(progress, { since });
  };
  const elapsed = () => (performance.now() - t0) / 1000;
  // The points keep their typical-day capacities (no full-year refinement) unless asked: a front is many solves.
  const solveOpts = (
    onProgress: (p: SolveProgress) => void,
    signal: CancelSignal = front.signal,
  ): SolveProjectOptions => ({
    refine: false,
    ...rest,
    mode,
    backend,
    checkPool: pool,
    signal,
    onProgress,
  });
  const cancelled = () => new Stop('cancelled', ['the run was cancelled']);
  const describe = (n: number, limit: number | undefined, what: string) =>
    `Pareto point ${n} of ${points} (${what}${limit === undefined ? '' : `, CO2 ≤ ${limit} t`})`;
  const point = (
    outcome: SolveOutcome,
    limit: number | undefined,
    kind: ParetoPoint['kind'],
  ): ParetoPoint => ({
    co2Limit_t: limit ?? null,
    totalAnnualCost_EUR: outcome.results.objective.totalAnnualCost_EUR,
    emissions_tCO2: outcome.results.emissions_tCO2,
    capacities: outcome.results.capacities,
    kind,
    outcome,
  });
  /** One cost minimisation under `limit` as point `n`; a run without a solution stops the front. */
  const costMin = async (
    n: number,
    limit: number | undefined,
    kind: ParetoPoint['kind'],
    progress: (p: SolveProgress) => void,
    signal: CancelSignal = front.signal,
  ): Promise<ParetoPoint> => {
    const outcome = await costMinOutcome(limit, progress, signal);
    if (!outcome.dispatch)
      throw new Stop('failed', [
        `${describe(n, limit, kind === 'minCost' ? 'minimum cost' : 'minimum cost under the CO2 limit')} has no solution: ${outcome.reasons.join('; ')}`,
      ]);
    return point(outcome, limit, kind);
  };
  /** The run of one cost minimisation, with or without a solution; a cancel stops the front. */
  const costMinOutcome = async (
    limit: number | undefined,
    progress: (p: SolveProgress) => void,
    signal: CancelSignal = front.signal,
  ): Promise<SolveOutcome> => {
    if (signal.aborted) throw cancelled();
    const outcome = await solveProject(project, {
      ...solveOpts(progress, signal),
      objective: 'cost',
      co2Limit_t: limit,
    });
    if (outcome.results.status === 'cancelled' || signal.aborted) throw cancelled();
    return outcome;
  };
  const done = (p: ParetoPoint, n: number) => {
    confirmed.push(p);
    onPoint?.(p, n, points);
    return p;
  };
  /** The clean end's CO2 limits to try from the least CO2 `e` (the strict end: two round-off slacks). */
  const limitsFrom = (e: number, cheapestEmissions: number) =>
    cleanEndTolerance > 0
      ? [e + cleanEndTolerance * Math.max(0, cheapestEmissions - e)]
      : CLEAN_END_SLACK.map((r, i) => e * (1 + r) + CLEAN_END_FLOOR_T[i]);
  /** The points between the ends: evenly spaced limits from the cheapest plant's emissions to `low`. */
  const between = (high: number, low: number) => {
    const batch = child(front.signal);
    let previous: Promise<unknown> = Promise.resolve();
    const runs = Array.from({ length: points - 2 }, (_, j) => {
      const r = run(
        (async () => {
          if (serial) await previous;
          const limit = high + ((low - high) * (j + 1)) / (points - 1);
          return costMin(j + 3, limit, 'epsilon', tracker(j + 3, 'epsilon'), batch.signal);
        })(),
      );
      previous = r.catch(() => undefined);
      return r;
    });
    return { low, runs, halt: batch.halt };
  };

  try {
    const cheapestRun = run(costMin(1, undefined, 'minCost', tracker(1, 'minCost')));
    let since = performance.now();
    const leastRun = run(
      (async () => {
        if (serial) await cheapestRun.catch(() => undefined);
        if (front.signal.aborted) throw cancelled();
        const minCo2 = tracker(2, 'minCo2');
        since = minCo2.since;
        const least = await minimumCo2(project, mode, solveOpts(minCo2), front.signal);
        if (least.cancelled) throw cancelled();
        if (least.emissions_tCO2 === undefined)
          throw new Stop('failed', [
            `${describe(2, undefined, 'minimum CO2')} has no solution: ${least.reasons.join('; ')}`,
          ]);
        return least.emissions_tCO2;
      })(),
    );
    const cleanEnd = () =>
      run(
        (async () => {
          const eStar = await leastRun;
          const cheapestCo2 = cleanEndTolerance > 0 ? (await cheapestRun).emissions_tCO2 : NaN;
          const clean = tracker(2, 'cleanEnd', since);
          let cleanest: ParetoPoint | SolveOutcome | undefined;
          let minimum = eStar;
          for (const limit of limitsFrom(eStar, cheapestCo2)) {
            const outcome = await costMinOutcome(limit, clean);
            cleanest = outcome.dispatch ? point(outcome, limit, 'minCo2') : outcome;
            if ('kind' in cleanest || cleanest.results.status !== 'infeasible') break;
          }
          if (cleanest && !('kind' in cleanest) && mode === 'aggregated') {
            // The typical days reach less CO2 than the real year can: bound by the full-year minimum instead.
            const full = await solveProject(project, { ...solveOpts(clean), objective: 'co2' });
            if (full.results.status === 'cancelled' || front.signal.aborted) throw cancelled();
            if (full.dispatch) {
              minimum = Math.max(eStar, full.results.emissions_tCO2);
              const limits = limitsFrom(minimum, cheapestCo2);
              const limit = limits[limits.length - 1];
              const outcome = await costMinOutcome(limit, clean);
              cleanest = outcome.dispatch ? point(outcome, limit, 'minCo2') : outcome;
            }
          }
          if (!cleanest || !('kind' in cleanest))
            throw new Stop('failed', [
              `${describe(2, undefined, 'lowest cost at minimum CO2')} has no solution: ${cleanest?.reasons.join('; ') ?? ''}`,
            ]);
          cleanest.minimumCo2_t = minimum;
          return cleanest;
        })(),
      );
    // In parallel the clean end is checked beside the cheapest point; else only once it is needed.
    let cleanRun = serial ? undefined : cleanEnd();

    const cheapest = done(await cheapestRun, 1);
    const eStar = await leastRun;
    if (cheapest.emissions_tCO2 - eStar <= SAME_EMISSIONS * Math.max(1, Math.abs(cheapest.emissions_tCO2)))
      // The cheapest plant is already the cleanest one: the front is a single point.
      return { status: 'optimal', points: [cheapest], reasons: [], seconds: elapsed() };
    const high = cheapest.emissions_tCO2;
    // In parallel started before the clean end is settled, with the limit it is expected to reach.
    let middle = serial ? undefined : between(high, limitsFrom(eStar, high)[0]);
    const cleanest = done(await (cleanRun ??= cleanEnd()), 2);
    const low = cleanest.co2Limit_t!;
    if (middle?.low !== low) {
      middle?.halt();
      middle = between(high, low);
    }
    const all = [cheapest];
    for (const [j, r] of middle.runs.entries()) all.push(done(await r, j + 3));
    all.push(cleanest);
    return { status: 'optimal', points: all, reasons: [], seconds: elapsed() };
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    // What was computed so far, in front order (from the most to the least CO2).
    const partial = [...confirmed].sort((a, b) => b.emissions_tCO2 - a.emissions_tCO2);
    return { status: err.status, points: partial, reasons: err.reasons, seconds: elapsed() };
  } finally {
    // Nothing of this front runs on after it: runs still under way stop at their next solve.
    front.halt();
    pool?.dispose();
    await Promise.all(started);
    if (!opts.backend) backend.dispose();
  }
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
    const built = buildModel(project, {
      scenarioId: opts.scenarioId,
      mode: 'aggregated',
      typicalDays: opts.typicalDays,
      segments: sizingSegments(opts),
      milp: opts.milp,
      objective: 'co2',
    });
    const sol = await opts.backend!.solve(built.model, {
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

/**
 * The front as a list from minimum cost to minimum CO2 (see {@link computeParetoFront}); throws when
 * a point has no solution or the run was cancelled.
 */
export async function paretoFront(
  project: Project,
  points: number,
  opts: ParetoOptions = {},
): Promise<ParetoPoint[]> {
  const front = await computeParetoFront(project, points, opts);
  if (front.status !== 'optimal') throw new Error(front.reasons.join('; '));
  return front.points;
}
