import { createBackend } from '../lp/index';
import type {
  CancelSignal,
  LpSolution,
  SolvePhase,
  SolveProgress,
  SolverBackend,
  SolverName,
} from '../lp/backend';
import {
  buildModel,
  DEFAULT_TYPICAL_DAYS,
  sizingSegments,
  type BuildOptions,
  type BuiltModel,
} from '../model/build';
import type { Objective } from '../model/constraints';
import type { Project } from '../project/types';
import { readResults, type Dispatch, type ResultStatus, type Results } from '../results/results';
import { techName } from './explain';
import { formatSolverMessage, solverMessage, type RaisedCapacity } from '../results/messages';
import { fullByDecomposition } from './fullMode';
import { sizingOnlyOutcome, sizingSummary, solveSizing, type WarmSizing } from './sizingOnly';
import { addMessage, failure, noSolutionResults } from './outcome';
import type { BlockEvaluator, BlockTask } from './blockEval';
import type { LpPool, LpPoolFactory } from './lpPool';
import { solvePath } from './path';
import { milpPlan } from './rollingDispatch';
import { checkAndRefine, DEFAULT_REFINE_STEPS, refinedResults, type CheckAndRefine } from './refine';
import { solveFromBlocks } from './blockStart';
import { solveSizingLp } from './candidatePricing';
import { checkStart, hasAnnualRows } from './checkStart';
import { applyScenario } from '../project/scenario';
import { isPath, periodProject } from '../project/periods';
import { withNetwork } from '../network/project';
import { networkResult } from '../network/result';

export interface SolveProjectOptions {
  scenarioId?: string;
  mode?: 'aggregated' | 'full';
  solver?: SolverName;
  /** A backend to reuse (kept alive by the caller, e.g. one per worker). */
  backend?: SolverBackend;
  timeLimit_s?: number;
  mipGap?: number;
  milp?: boolean;
  typicalDays?: number;
  /**
   * Aggregated sizing (and full mode's start): steps per typical day, time segments of whole hours
   * (aggregation/segments.ts); absent or 24: hourly typical days.
   */
  segments?: number;
  objective?: Objective;
  co2Limit_t?: number;
  onProgress?: (p: SolveProgress) => void;
  signal?: CancelSignal;
  /**
   * Full mode: 'decomposition' (default with HiGHS) solves the exact LP by Benders decomposition over
   * the capacities, started from the typical-day sizing; 'direct' hands the whole LP to the solver.
   */
  fullMethod?: 'decomposition' | 'direct' | 'blocks';
  /**
   * Full mode with fullMethod 'blocks': how the week blocks are spread over threads (e.g.
   * nodeBlockEvaluator in the CLI); default: all in this thread.
   */
  blockEvaluator?: (tasks: BlockTask[]) => Promise<BlockEvaluator>;
  /**
   * Independent LPs of one run (a path's full-year checks, one per period) solved in parallel by a
   * pool of HiGHS workers (nodeLpPool in the CLI, webLpPool in the planner); default, and always with
   * glpk: one after another with `backend`.
   */
  lpPool?: LpPoolFactory;
  /**
   * Aggregated single-year run without refinement (`refine: false`; a front's points): the full-year
   * check is built here and solved by a worker of this pool, so that several runs awaited together
   * check in parallel. A worker that fails leaves the check to `backend`; not with `milp`.
   */
  checkPool?: LpPool;
  /** Full mode by decomposition: at most this many iterations (default 200; tests of an early stop). */
  decompositionMaxIterations?: number;
  /**
   * Aggregated mode: refine the typical-day capacities over the full year (run/refine.ts) with at most
   * this many trust-region steps after the check (true: `DEFAULT_REFINE_STEPS`; false or 0: the check
   * alone, as for the points of a sweep). Not with `milp`.
   */
  refine?: boolean | number;
  /**
   * Aggregated single-year run: stop after the typical-day sizing, without the full-year check (a
   * large sweep's screening; results marked by the message `sizingOnly`). A `WarmSizing` kept between
   * calls lets each sizing LP start from the previous one's basis.
   */
  sizingOnly?: WarmSizing | true;
}

export interface SolveOutcome {
  results: Results;
  dispatch?: Dispatch;
  /** Plain-language reasons when there is no solution (English; `results.messages` has them coded). */
  reasons: string[];
}

function statusOf(sol: LpSolution): ResultStatus {
  return sol.status;
}

/** The full-year check's first progress event, with the typical-day sizing as the preview. */
function checkStarts(sizing: Results, t0: number): SolveProgress {
  return {
    phase: 'fullYearCheck',
    elapsed_s: (performance.now() - t0) / 1000,
    preview: { capacities: sizing.capacities, totalAnnualCost_EUR: sizing.objective.totalAnnualCost_EUR },
  };
}

/**
 * Sizes and dispatches a project. Full mode: one LP (or MILP) over all hours. Aggregated mode: the
 * capacities come from a model over typical days with storage linked across the year; then the
 * full-year dispatch with those capacities is solved, and the results report that real operation
 * and the gap between the two objectives.
 */
export async function solveProject(project: Project, opts: SolveProjectOptions = {}): Promise<SolveOutcome> {
  if (project.network) return solveWithNetwork(project, opts);
  return solvePlants(project, opts);
}

/**
 * A project with a heat network: the network is designed first, and the plants are sized for its
 * heat (buildings plus losses) and pump electricity (network/project.ts). Input errors of the
 * network end the run with their located messages.
 */
async function solveWithNetwork(project: Project, opts: SolveProjectOptions): Promise<SolveOutcome> {
  // The scenario first: it may change the network's parameters (e.g. /network/params/supplyTemperature_C).
  const net = withNetwork(opts.scenarioId ? applyScenario(project, opts.scenarioId) : project);
  const messages = net.issues.map((i) => solverMessage('networkIssue', { issue: JSON.stringify(i) }));
  if (!net.project || !net.design) {
    const results = noSolutionResults('error', opts.scenarioId ?? 'base', messages, {
      solver: opts.solver ?? 'highs',
      mode: opts.mode ?? 'aggregated',
      seconds: 0,
      gap: null,
      columns: 0,
      rows: 0,
    });
    return { results, reasons: results.warnings };
  }
  const out = await solvePlants({ ...net.project, network: undefined }, { ...opts, scenarioId: undefined });
  out.results.scenario = opts.scenarioId ?? 'base';
  out.results.network = networkResult(net.design, project.site.year);
  if (net.byYear)
    out.results.network.byYear = net.byYear.map((y) => ({
      year: y.year,
      supplyTemperature_C: y.supply_C,
      returnTemperature_C: y.return_C,
      heatLoss_MWh_a: y.design.summary.heatLoss_MWh_a,
      heatLossShare: y.design.summary.heatLossShare,
      pumpElectricity_MWh_a: y.design.summary.pumpElectricity_MWh_a,
      plantPeak_kW: y.design.summary.plantPeak_kW,
    }));
  out.results.messages = [...messages, ...(out.results.messages ?? [])];
  out.results.warnings = [...messages.map((m) => formatSolverMessage(m)), ...out.results.warnings];
  return out;
}

async function solvePlants(project: Project, opts: SolveProjectOptions): Promise<SolveOutcome> {
  // A path of one period is that year's project (its prices, targets and plants in service).
  const applied = project.periods ? applyScenario(project, opts.scenarioId) : project;
  if (applied.periods && !isPath(applied)) {
    const out = await solveYear(periodProject(applied, applied.periods.years[0]), {
      ...opts,
      scenarioId: undefined,
    });
    out.results.scenario = opts.scenarioId ?? 'base';
    return out;
  }
  if (!isPath(applied)) return solveYear(project, opts);
  const backend = opts.backend ?? (await createBackend(opts.solver ?? 'highs'));
  try {
    return await solvePath(applied, backend, opts);
  } finally {
    if (!opts.backend) backend.dispose();
  }
}

/** One year: the sizing and dispatch of solveProject for a project without a path. */
async function solveYear(project: Project, opts: SolveProjectOptions): Promise<SolveOutcome> {
  const mode = opts.mode ?? 'aggregated';
  const backend = opts.backend ?? (await createBackend(opts.solver ?? 'highs'));
  const own = !opts.backend;
  const t0 = performance.now();
  const deadline = opts.timeLimit_s !== undefined ? t0 + opts.timeLimit_s * 1000 : Infinity;
  const left = () =>
    Number.isFinite(deadline) ? Math.max(1, (deadline - performance.now()) / 1000) : undefined;
  const base: BuildOptions = {
    scenarioId: opts.scenarioId,
    mode,
    typicalDays: opts.typicalDays,
    segments: sizingSegments(opts),
    milp: opts.milp,
    objective: opts.objective,
    co2Limit_t: opts.co2Limit_t,
  };
  /**
   * The backend's progress under the stage it belongs to: a simplex inside the sizing or the
   * full-year check is reported as that stage (so a long check never shows a bare "simplex"), with
   * the seconds since the start of this run.
   */
  const within =
    (stage: SolvePhase) =>
    (p: SolveProgress): void =>
      opts.onProgress?.({
        ...p,
        phase: p.phase === 'simplex' ? stage : p.phase,
        elapsed_s: (performance.now() - t0) / 1000,
      });
  try {
    opts.onProgress?.({
      phase: mode === 'aggregated' ? 'buildingTypicalDays' : 'buildingFullYear',
      elapsed_s: 0,
    });
    let fellBack = false;
    if (mode === 'full' && !opts.milp && opts.fullMethod !== 'direct' && backend.session) {
      const viaDecomposition = await fullByDecomposition(project, base, backend, {
        timeLimit_s: left(),
        onProgress: opts.onProgress,
        signal: opts.signal,
        maxIterations: opts.decompositionMaxIterations,
        blocks: opts.fullMethod === 'blocks' ? (opts.blockEvaluator ?? true) : undefined,
      });
      if (viaDecomposition) {
        viaDecomposition.results.solve.seconds = (performance.now() - t0) / 1000;
        return viaDecomposition;
      }
      fellBack = !opts.signal?.aborted;
    }
    // Built only now: the decomposition builds its own models, and a full-year model is large.
    const first = buildModel(project, base);
    const solveOpts = {
      timeLimit_s: left(), // what the decomposition left
      mipGap: opts.mipGap,
      onProgress: within(mode === 'aggregated' ? 'sizing' : 'simplex'),
      signal: opts.signal,
    };
    const sizingOnly = mode === 'aggregated' && !opts.milp ? opts.sizingOnly : undefined;
    const sol1 =
      typeof sizingOnly === 'object'
        ? await solveSizing(first.model, backend, sizingOnly, solveOpts)
        : await solveSizingLp(first, project, base, backend, solveOpts);
    if (!sol1.hasSolution) return await failure(project, base, first, sol1, backend);
    if (sizingOnly) return sizingOnlyOutcome(first, sol1, (performance.now() - t0) / 1000);
    if (mode === 'full') {
      const { results, dispatch } = readResults(first, sol1);
      // Never silently: the user learns why this full-year run took the slow way.
      if (fellBack) addMessage(results, solverMessage('decompositionFallback'));
      results.solve.seconds = (performance.now() - t0) / 1000;
      return { results, dispatch, reasons: [] };
    }
    // Full-year check with the sized capacities fixed.
    const sizing = readResults(first, sol1).results;
    const fixed = sizedCapacities(first, sol1.x);
    opts.onProgress?.(checkStarts(sizing, t0));
    const steps = refineSteps(opts.refine);
    const pool = opts.milp || steps > 0 ? undefined : opts.checkPool;
    // A check under a row over the whole year (a CO2 cap) with no refinement after it starts from the
    // week blocks' bases, here or on the pool's worker (checkOnItsOwn, run/blockStart.ts).
    const refined =
      opts.milp || pool || (steps <= 0 && hasAnnualRows(first))
        ? null
        : await checkAndRefine(project, base, { built: first, x: sol1.x }, backend, {
            steps,
            timeLimit_s: left(),
            signal: opts.signal,
            onCheckProgress: within('fullYearCheck'),
            onRaising: () =>
              opts.onProgress?.({ phase: 'raisingCapacities', elapsed_s: (performance.now() - t0) / 1000 }),
            onRaisingProgress: within('raisingCapacities'),
            onProgress: (p) =>
              opts.onProgress?.({ ...p, phase: 'refining', elapsed_s: (performance.now() - t0) / 1000 }),
          });
    if (refined?.check.hasSolution) {
      const out = await refinedOutcome(project, base, { first, sol1, sizing }, refined, backend, opts.signal);
      out.results.solve.seconds = (performance.now() - t0) / 1000;
      return out;
    }
    // A pool's worker, no session (glpk), or the check found no dispatch: the check as a model of its own.
    const {
      check,
      sol: sol2,
      raised,
    } = await checkOnItsOwn(project, base, fixed, backend, {
      pool,
      sizing: { built: first, sol: sol1 },
      left,
      signal: opts.signal,
      onCheckProgress: within('fullYearCheck'),
      onRaising: () =>
        opts.onProgress?.({ phase: 'raisingCapacities', elapsed_s: (performance.now() - t0) / 1000 }),
      onRaisingProgress: within('raisingCapacities'),
    });
    if (!sol2.hasSolution) {
      const out = await failure(
        project,
        { ...base, mode: 'full', fixedCapacities: fixed },
        check,
        sol2,
        backend,
      );
      out.results.capacities = sizing.capacities;
      if (sol2.status === 'infeasible') {
        const m = solverMessage('typicalDaysInsufficient');
        out.reasons.unshift(formatSolverMessage(m));
        out.results.messages = [m, ...(out.results.messages ?? [])];
        out.results.warnings = out.reasons;
      }
      return out;
    }
    const { results, dispatch } = aggregatedResults(first, sol1, sizing, check, sol2, raised);
    results.solve.seconds = (performance.now() - t0) / 1000;
    // Issue 18 ("Exact means exact"): with --milp the plan is the full-year MILP dispatch (rolling
    // horizon, run/rollingDispatch.ts) with the check's capacities; the LP check is only its bound.
    if (opts.milp)
      return await milpPlan(project, base, { built: check, sol: sol2, results }, backend, {
        mipGap: opts.mipGap,
        timeLimit_s: left(),
        signal: opts.signal,
        onProgress: within('branchAndBound'),
      });
    return { results, dispatch, reasons: [] };
  } finally {
    if (own) backend.dispose();
  }
}

/**
 * The full-year check as a model of its own, with the sized capacities fixed: on a worker of `pool`
 * (devex pricing, as every check), else with `backend`. Where the year cannot be served with them,
 * the typical days missed a situation: the capacities become lower bounds and the check adds what the
 * year needs (`raised` says what), in this thread.
 */
async function checkOnItsOwn(
  project: Project,
  base: BuildOptions,
  fixed: Record<string, { value: number; power?: number }>,
  backend: SolverBackend,
  opts: {
    pool: LpPool | undefined;
    sizing: { built: BuiltModel; sol: LpSolution };
    left: () => number | undefined;
    signal?: CancelSignal;
    onCheckProgress: (p: SolveProgress) => void;
    onRaising: () => void;
    onRaisingProgress: (p: SolveProgress) => void;
  },
): Promise<{ check: BuiltModel; sol: LpSolution; raised: RaisedCapacity[] }> {
  const check = buildModel(project, { ...base, mode: 'full', milp: false, fixedCapacities: fixed });
  const checkOpts = { timeLimit_s: opts.left(), signal: opts.signal, pricing: 'devex' as const };
  // With a row over the whole year (a CO2 cap), started from the week blocks' bases (run/blockStart.ts).
  const start = checkStart(opts.sizing.built, opts.sizing.sol, check);
  const sol =
    (opts.pool && (await opts.pool.solve(check.model, { ...checkOpts, start }).catch(() => undefined))) ||
    (start && solveFromBlocks(check.model, start, backend, checkOpts)) ||
    (await backend.solve(check.model, { ...checkOpts, onProgress: opts.onCheckProgress }));
  if (sol.status !== 'infeasible') return { check, sol, raised: [] };
  opts.onRaising();
  const raising = buildModel(project, { ...base, mode: 'full', milp: false, minimumCapacities: fixed });
  const raisedSol = await backend.solve(raising.model, {
    timeLimit_s: opts.left(),
    onProgress: opts.onRaisingProgress,
    signal: opts.signal,
  });
  const raised = raisedSol.hasSolution ? raisedCapacities(project, raising, fixed, raisedSol.x) : [];
  return { check: raising, sol: raisedSol, raised };
}

/** The sized capacities of a model's solution: techId → value (and storage power). */
function sizedCapacities(
  built: BuiltModel,
  x: Float64Array,
): Record<string, { value: number; power?: number }> {
  const fixed: Record<string, { value: number; power?: number }> = {};
  for (const c of built.ctx.capacities)
    fixed[c.techId] = { value: x[c.col], power: c.powerCol !== undefined ? x[c.powerCol] : undefined };
  return fixed;
}

/** The results of an aggregated run: the full-year check's plan, with the sizing's figures beside it. */
function aggregatedResults(
  first: BuiltModel,
  sol1: LpSolution,
  sizing: Results,
  check: BuiltModel,
  sol2: LpSolution,
  raised: RaisedCapacity[],
): { results: Results; dispatch: Dispatch } {
  const { results, dispatch } = readResults(check, sol2);
  if (raised.length) {
    const m = solverMessage('capacitiesRaised', {
      periods: first.grid.numPeriods,
      items: JSON.stringify(raised),
    });
    results.warnings.unshift(formatSolverMessage(m));
    results.messages = [m, ...(results.messages ?? [])];
  }
  results.solve.mode = 'aggregated';
  results.solve.gap = sol1.mipGap ?? null;
  results.solve.sizing = sizingSummary(first, sol1, sizing.objective.totalAnnualCost_EUR);
  results.solve.fullYearCheck = {
    objective_EUR: results.objective.totalAnnualCost_EUR,
    seconds: sol2.seconds,
    status: statusOf(sol2),
  };
  results.solve.aggregationGap =
    (results.objective.totalAnnualCost_EUR - sizing.objective.totalAnnualCost_EUR) /
    Math.max(1, Math.abs(results.objective.totalAnnualCost_EUR));
  if (sol1.status === 'time_limit') results.status = 'time_limit';
  return { results, dispatch };
}

/** Box steps of the full-year refinement for solveProject's `refine` option. */
function refineSteps(refine: boolean | number | undefined): number {
  if (refine === false) return 0;
  return refine === true || refine === undefined ? DEFAULT_REFINE_STEPS : refine;
}

/** The default answer from the check and its refinement (run/refine.ts); a cancel ends the run. */
async function refinedOutcome(
  project: Project,
  base: BuildOptions,
  sized: { first: BuiltModel; sol1: LpSolution; sizing: Results },
  refined: CheckAndRefine,
  backend: SolverBackend,
  signal: CancelSignal | undefined,
): Promise<SolveOutcome> {
  if (signal?.aborted)
    return await failure(
      project,
      { ...base, mode: 'full' },
      refined.full,
      { ...refined.check, status: 'cancelled', hasSolution: false },
      backend,
    );
  const { first, sol1, sizing } = sized;
  const raised = refined.raisedFrom
    ? raisedCapacities(project, refined.full, fixedOf(refined.full, refined.raisedFrom), refined.check.x)
    : [];
  const checked = aggregatedResults(first, sol1, sizing, refined.full, refined.check, raised);
  const out =
    (refined.refined &&
      refinedResults(checked.results, refined.refined, (sol) => readResults(refined.full, sol))) ||
    checked;
  return { results: out.results, dispatch: out.dispatch, reasons: [] };
}

/** Capacities in {@link capacityColumns} order as the fixed capacities of the model builder. */
function fixedOf(full: BuiltModel, values: Float64Array): Record<string, { value: number; power?: number }> {
  const out: Record<string, { value: number; power?: number }> = {};
  let j = 0;
  for (const c of full.ctx.capacities) {
    out[c.techId] = { value: values[j++] };
    if (c.powerCol !== undefined) out[c.techId].power = values[j++];
  }
  return out;
}

/** The capacities the full-year check had to raise above the typical-day sizing (relative 1e-6). */
export function raisedCapacities(
  project: Project,
  check: BuiltModel,
  sized: Record<string, { value: number; power?: number }>,
  x: Float64Array,
): RaisedCapacity[] {
  const raised: RaisedCapacity[] = [];
  for (const c of check.ctx.capacities) {
    const before = sized[c.techId];
    const after = x[c.col];
    const tech = techName(project.technologies.find((t) => t.id === c.techId) ?? { id: c.techId });
    if (after > before.value * (1 + 1e-6) + 1e-6)
      raised.push({ tech, unit: c.unit, before: before.value, after });
    if (
      c.powerCol !== undefined &&
      before.power !== undefined &&
      x[c.powerCol] > before.power * (1 + 1e-6) + 1e-6
    )
      raised.push({ tech, unit: 'kW', before: before.power, after: x[c.powerCol], what: 'power' });
  }
  return raised;
}

export { failure, noSolutionResults, addMessage } from './outcome';
export { DEFAULT_TYPICAL_DAYS };
