import { createBackend } from '../lp/index';
import type { ParetoStep, SolveProgress } from '../lp/backend';
import type { Project } from '../project/types';
import type { Results } from '../results/results';
import type { SolveOutcome, SolveProjectOptions } from './solve';
import {
  childSignal,
  cancelled,
  cleanEndLimits,
  cleanEndPoint,
  costMin,
  frontProgress,
  leastCo2,
  Stop,
  type FrontRuns,
} from './paretoPoints';
import { cheapestCheckedPlants } from './frontPlants';

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
  /**
   * Set where this point shows the plant of another point of the front (its number, 1-based, from
   * minimum cost to minimum CO2): that plant meets this point's limit and cost less over the full
   * year than the plant sized for this point on typical days (run/frontPlants.ts). The figures,
   * capacities and outcome above are then that plant's.
   */
  plantOfPoint?: number;
  /** With `plantOfPoint`: the full-year figures and capacities of the plant sized for this point. */
  ownPlant?: Pick<ParetoPoint, 'totalAnnualCost_EUR' | 'emissions_tCO2' | 'capacities'>;
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

/** Two ends closer than this (relative to the larger, in t CO2) give one point: there is no trade-off. */
const SAME_EMISSIONS = 1e-7;

/**
 * Cost–CO2 Pareto front by the epsilon-constraint method.
 *
 * 1. Minimum cost (no CO2 limit).
 * 2. Minimum CO2, lexicographically: first the least CO2 E* the plant can reach, then the least cost
 *    with CO2 ≤ E*·(1 + 1e-9), so the clean end carries no arbitrary cost. In aggregated mode E* is the
 *    minimum of the typical-day model, which carries the CO2 limit as well as the full-year check.
 * 3. `points − 2` cost minimisations with CO2 limits evenly spaced between the two ends' emissions.
 *
 * Each point keeps its capacities and its full outcome. A point whose plant costs more over the full
 * year than the plant of a point with less CO2 (the typical days' error) shows that plant instead
 * and says so (`plantOfPoint`, run/frontPlants.ts), so that cost never falls with falling CO2.
 * Progress is reported per point; the signal is read between the solves and inside them. Never throws for a point without a solution: the front
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
  const { cleanEndTolerance: tolerance = CLEAN_END_TOLERANCE } = opts;
  if (!(tolerance >= 0 && tolerance < 1))
    throw new Error('the clean-end tolerance is a share of the CO2 range from 0 to below 1');
  // Solvers poll the front's signal during a solve only where the caller's signal asks for that.
  const poll = outer ? outer.pollDuringSolve : false;
  const front = childSignal(outer, poll);
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
  const { tracker, finish } = frontProgress(points, t0, report);
  const elapsed = () => (performance.now() - t0) / 1000;
  const f: FrontRuns = {
    project,
    points,
    mode,
    signal: front.signal,
    // The points keep their typical-day capacities (no full-year refinement) unless asked: a front is many solves.
    options: (onProgress, signal = front.signal) => ({
      refine: false,
      ...rest,
      mode,
      backend,
      checkPool: pool,
      signal,
      onProgress,
    }),
  };
  const done = (p: ParetoPoint, n: number) => {
    confirmed.push(p);
    onPoint?.(p, n, points);
    finish(n);
    return p;
  };
  /** The points between the ends: evenly spaced limits from the cheapest plant's emissions to `low`. */
  const between = (high: number, low: number) => {
    const batch = childSignal(front.signal, poll);
    let previous: Promise<unknown> = Promise.resolve();
    const runs = Array.from({ length: points - 2 }, (_, j) => {
      const r = run(
        (async () => {
          if (serial) await previous;
          const limit = high + ((low - high) * (j + 1)) / (points - 1);
          return costMin(f, j + 3, limit, 'epsilon', tracker(j + 3, 'epsilon'), batch.signal);
        })(),
      );
      previous = r.catch(() => undefined);
      return r;
    });
    return { low, runs, halt: batch.halt };
  };

  try {
    const cheapestRun = run(costMin(f, 1, undefined, 'minCost', tracker(1, 'minCost')));
    let since = performance.now();
    const leastRun = run(
      (async () => {
        if (serial) await cheapestRun.catch(() => undefined);
        if (front.signal.aborted) throw cancelled();
        const progress = tracker(2, 'minCo2');
        since = progress.since;
        return leastCo2(f, progress);
      })(),
    );
    const cleanEnd = () =>
      run(
        (async () => {
          const eStar = await leastRun;
          const cheapestCo2 = tolerance > 0 ? (await cheapestRun).emissions_tCO2 : NaN;
          return cleanEndPoint(f, eStar, cheapestCo2, tolerance, tracker(2, 'cleanEnd', since));
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
    let middle = serial ? undefined : between(high, cleanEndLimits(eStar, high, tolerance)[0]);
    const cleanest = done(await (cleanRun ??= cleanEnd()), 2);
    const low = cleanest.co2Limit_t!;
    if (middle?.low !== low) {
      middle?.halt();
      middle = between(high, low);
    }
    const all = [cheapest];
    for (const [j, r] of middle.runs.entries()) all.push(done(await r, j + 3));
    all.push(cleanest);
    return { status: 'optimal', points: cheapestCheckedPlants(all), reasons: [], seconds: elapsed() };
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
