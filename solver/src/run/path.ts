import type { LpSolution, PathPreview, PreviewSizes, RunningCheck, SolverBackend } from '../lp/backend';
import { buildModel, sizingSegments, type BuildOptions, type BuiltModel } from '../model/build';
import { buildPathModel, type PathModel } from '../model/path';
import { aggregationOf } from '../model/timegrid';
import { interpolate, stepValue } from '../project/periods';
import type { Project } from '../project/types';
import { formatSolverMessage, solverMessage, type SolverMessage } from '../results/messages';
import { buildsForTotals, capacityInPeriod, pathResults } from '../results/pathResults';
import { readResults, type Results } from '../results/results';
import { explainInfeasibility } from './explain';
import type { LpPool } from './lpPool';
import { failure, raisedCapacities, type SolveOutcome, type SolveProjectOptions } from './solve';
import { solveFromBlocks, type BlockStart } from './blockStart';
import { checkStart } from './checkStart';

/**
 * Minutes after which the exact (full-mode) path of the five-period example still had no answer on a 2-core
 * machine (stacked LP, interior point; docs/solvers.md, 2026-12-07): what the planner and the CLI tell a user
 * before full mode on a path starts.
 */
export const EXACT_PATH_MINUTES_MEASURED = 17;

type Fixed = Record<string, { value: number; power?: number }>;

/** The part of a path solution that belongs to one period's block, as that block's own solution. */
export function blockSolution(pm: PathModel, q: number, sol: LpSolution): LpSolution {
  const b = pm.blocks[q];
  const n = b.built.model.colNames.length;
  return { ...sol, x: sol.x.slice(b.colOffset, b.colOffset + n), rowDual: undefined };
}

/** Capacities of each period from the builds: techId → value (and battery power). */
function periodCapacities(pm: PathModel, builds: number[][], q: number): Fixed {
  const fixed: Fixed = {};
  pm.dims.forEach((d, i) => {
    const v = capacityInPeriod(d, builds[i], q);
    const e = (fixed[d.techId] ??= { value: 0 });
    if (d.dimension === 'power') e.power = v;
    else e.value = v;
  });
  return fixed;
}

/** Which preview size a path dimension's capacity is: storage power, else by the unit of its value. */
const previewField = (d: PathModel['dims'][number]): keyof PreviewSizes =>
  d.dimension === 'power' || d.unit === 'kW' || d.unit === 'kWp'
    ? 'power_kW'
    : d.unit === 'kWh'
      ? 'energy_kWh'
      : 'area_m2';

/** The path's sizing as a preview: each period's plants in service with their capacity then. */
export function pathPreview(pm: PathModel, builds: number[][], netPresentCost_EUR: number): PathPreview {
  const periods = pm.calendar.periods.map((info, q) => {
    const capacities: Record<string, PreviewSizes> = {};
    pm.dims.forEach((d, i) => {
      const v = capacityInPeriod(d, builds[i], q);
      if (v > 1e-6) (capacities[d.techId] ??= {})[previewField(d)] = v;
    });
    return { year: info.year, capacities };
  });
  return { netPresentCost_EUR, periods };
}

/** BEW operating aid of a period as operated: rate · min(heat produced, heat the eligible plants could give). */
function aidOf(pm: PathModel, builds: number[][], q: number, built: BuiltModel, sol: LpSolution): number {
  const aidYears = pm.aidYears;
  let total = 0;
  for (const a of pm.aids.filter((x) => x.period === q)) {
    const i = pm.dims.findIndex((d) => d.techId === a.techId && d.dimension === 'value');
    const d = pm.dims[i];
    let eligible = 0;
    for (let p = 0; p <= q; p++)
      if (d.inService[p][q] && pm.calendar.periods[q].year - pm.calendar.periods[p].year < aidYears)
        eligible += builds[i][p];
    let heat = 0;
    let H = 0;
    const t = built.project.technologies.find((x) => x.id === a.techId)!;
    const y = t.type === 'solarThermal' ? built.ctx.series(t.yieldSeries) : undefined;
    for (let s = 0; s < built.ctx.T; s++) H += built.grid.weight[s] * (y ? built.ctx.at(y, s) : 1);
    for (const f of built.ctx.flows)
      if (f.techId === a.techId && f.name === 'heat_out')
        for (let s = 0; s < built.ctx.T; s++)
          if (f.cols[s] >= 0) heat += built.grid.weight[s] * f.coefs[s] * sol.x[f.cols[s]];
    total += a.rate_EUR_kWh * Math.min(heat, H * eligible);
  }
  return total;
}

/** Why a path has no solution: the first period that cannot be served alone, or the build limits. */
async function explainPath(pm: PathModel, backend: SolverBackend): Promise<SolverMessage[]> {
  for (const b of pm.blocks) {
    const s = await backend.solve(b.built.model);
    if (s.status === 'infeasible') {
      const reasons = await explainInfeasibility(
        b.project,
        { ...b.built.options, scenarioId: undefined },
        backend,
      );
      return [solverMessage('pathPeriodInfeasible', { year: b.info.year }), ...reasons];
    }
  }
  return [solverMessage('pathInfeasible')];
}

/** How the checks stand: how many are done, and those under way. */
type CheckProgress = (done: number, running: RunningCheck[]) => void;

/**
 * Each period's full year dispatched with the capacities of the builds: in parallel over the run's
 * LP pool (HiGHS only; started before the sizing), each check handed to it as soon as it is built,
 * else one after another with `backend`. A pool that cannot start, or a worker that fails, costs
 * only time: those checks are solved here. `onProgress` hears of each check that starts or ends.
 */
async function fixedChecks(
  pm: PathModel,
  { builds, sol: sized }: { builds: number[][]; sol: LpSolution },
  backend: SolverBackend,
  opts: SolveProjectOptions,
  starting: Promise<LpPool | undefined>,
  onProgress: CheckProgress,
  elapsed: () => number,
): Promise<{ check: BuiltModel; sol: LpSolution }[]> {
  const pool = await starting;
  let done = 0;
  const running = new Map<number, RunningCheck>();
  const report = () => onProgress(done, [...running.values()]);
  const started = (q: number, worker?: number) => {
    // A worker takes a new check only when its last one is done, though that answer may be on its way.
    for (const [k, r] of running) if (worker && r.worker === worker) running.delete(k);
    running.set(q, { year: pm.blocks[q].info.year, ...(worker ? { worker } : {}), since_s: elapsed() });
    report();
  };
  const counted = (q: number) => (s: LpSolution) => {
    done++;
    running.delete(q);
    report();
    return s;
  };
  // Devex pricing: ~20 % faster than HiGHS's own choice on these fixed-capacity years (docs/solvers.md).
  const solveOpts = { signal: opts.signal, pricing: 'devex' as const };
  const checks: BuiltModel[] = [];
  // A period under a renewable-share row starts from its week blocks' bases (run/blockStart.ts).
  const starts: (BlockStart | undefined)[] = [];
  const pooled: Promise<LpSolution | undefined>[] = [];
  for (const [q, b] of pm.blocks.entries()) {
    const check = buildModel(b.project, { mode: 'full', fixedCapacities: periodCapacities(pm, builds, q) });
    checks.push(check);
    starts.push(periodStart(pm, q, sized, check));
    pooled.push(
      pool
        ? pool
            .solve(check.model, { ...solveOpts, start: starts[q], onStart: (worker) => started(q, worker) })
            .then(counted(q), () => {
              running.delete(q);
              return undefined;
            })
        : Promise.resolve(undefined),
    );
  }
  const sols = await Promise.all(pooled);
  pool?.dispose();
  const out: { check: BuiltModel; sol: LpSolution }[] = [];
  for (const [q, check] of checks.entries()) {
    let sol = sols[q];
    if (!sol) {
      started(q);
      const start = starts[q];
      sol = counted(q)(
        (start && solveFromBlocks(check.model, start, backend, solveOpts)) ||
          (await backend.solve(check.model, solveOpts)),
      );
    }
    out.push({ check, sol });
  }
  return out;
}

/**
 * Where period q's check may start (run/checkStart.ts): the stacked sizing's part for that period,
 * its row duals back in the period's own EUR (the path scales a period's operating costs by its
 * discount factor, model/path.ts).
 */
function periodStart(pm: PathModel, q: number, sized: LpSolution, check: BuiltModel): BlockStart | undefined {
  const b = pm.blocks[q];
  const rows = b.built.model.rowNames.length;
  const scale = b.info.operationDiscount;
  const rowDual = sized.rowDual?.slice(b.rowOffset, b.rowOffset + rows).map((d) => d / scale);
  return checkStart(b.built, { x: blockSolution(pm, q, sized).x, rowDual }, check);
}

/**
 * The full-year check of each period with the capacities of the aggregated builds, raising them where
 * the typical days missed a situation; the builds recomputed from the checked capacities, or the
 * failure of the first period that cannot be served.
 */
async function checkPeriods(
  pm: PathModel,
  builds: number[][],
  backend: SolverBackend,
  opts: SolveProjectOptions,
  t0: number,
  pool: Promise<LpPool | undefined>,
  sized: { preview: PathPreview; sol: LpSolution },
): Promise<
  | { checks: { built: BuiltModel; sol: LpSolution }[]; warnings: SolverMessage[]; builds: number[][] }
  | SolveOutcome
> {
  const checks: { built: BuiltModel; sol: LpSolution }[] = [];
  const warnings: SolverMessage[] = [];
  const totals = pm.dims.map(() => [] as number[]);
  const elapsed = () => (performance.now() - t0) / 1000;
  opts.onProgress?.({
    phase: 'fullYearCheck',
    elapsed_s: elapsed(),
    checks: { done: 0, of: pm.blocks.length, running: [] },
    pathPreview: sized.preview,
  });
  const progress: CheckProgress = (done, running) =>
    opts.onProgress?.({
      phase: 'fullYearCheck',
      elapsed_s: elapsed(),
      checks: { done, of: pm.blocks.length, running },
    });
  const first = await fixedChecks(pm, { builds, sol: sized.sol }, backend, opts, pool, progress, elapsed);
  for (const [q, b] of pm.blocks.entries()) {
    const fixed = periodCapacities(pm, builds, q);
    let { check, sol: s2 } = first[q];
    if (s2.status === 'infeasible') {
      opts.onProgress?.({ phase: 'raisingCapacities', elapsed_s: (performance.now() - t0) / 1000 });
      check = buildModel(b.project, { mode: 'full', minimumCapacities: fixed });
      s2 = await backend.solve(check.model, { signal: opts.signal });
      if (s2.hasSolution) {
        const raised = raisedCapacities(b.project, check, fixed, s2.x);
        if (raised.length)
          warnings.push(
            solverMessage('pathCapacitiesRaised', { year: b.info.year, items: JSON.stringify(raised) }),
          );
      }
    }
    if (!s2.hasSolution) {
      const out = await failure(b.project, { mode: 'full', fixedCapacities: fixed }, check, s2, backend);
      out.results.messages = [
        solverMessage('pathPeriodInfeasible', { year: b.info.year }),
        ...(out.results.messages ?? []),
      ];
      out.reasons = out.results.messages.map((m) => formatSolverMessage(m));
      out.results.warnings = out.reasons;
      return out;
    }
    checks.push({ built: check, sol: s2 });
    pm.dims.forEach((d, i) => {
      const c = check.ctx.capacities.find((x) => x.techId === d.techId)!;
      totals[i].push(s2.x[d.dimension === 'power' ? c.powerCol! : c.col]);
    });
  }
  return { checks, warnings, builds: pm.dims.map((d, i) => buildsForTotals(d, totals[i])) };
}

/**
 * Sizes a transformation path (project.periods with two or more years; scenario applied). The path
 * LP (model/path.ts) is solved on typical days per period (aggregated) or on all hours (full); after
 * the aggregated sizing each period's full year is dispatched with its capacities, raising them
 * where the typical days missed a situation, as a single-year run does. The pool for those checks
 * (HiGHS only) starts before the sizing, so its workers are ready when the first check is built.
 */
export async function solvePath(
  project: Project,
  backend: SolverBackend,
  opts: SolveProjectOptions,
): Promise<SolveOutcome> {
  const checksInPool = (opts.mode ?? 'aggregated') === 'aggregated' && backend.name === 'highs';
  const periods = project.periods?.years.length ?? 1;
  const pool = checksInPool
    ? (opts.lpPool?.(periods).catch(() => undefined) ?? Promise.resolve(undefined))
    : Promise.resolve(undefined);
  try {
    return await sizePath(project, backend, opts, pool);
  } finally {
    void pool.then((p) => p?.dispose());
  }
}

async function sizePath(
  project: Project,
  backend: SolverBackend,
  opts: SolveProjectOptions,
  pool: Promise<LpPool | undefined>,
): Promise<SolveOutcome> {
  const t0 = performance.now();
  const mode = opts.mode ?? 'aggregated';
  const base: BuildOptions = {
    mode,
    typicalDays: opts.typicalDays,
    segments: sizingSegments(opts),
    milp: opts.milp,
  };
  opts.onProgress?.({
    phase: mode === 'aggregated' ? 'buildingTypicalDays' : 'buildingFullYear',
    elapsed_s: 0,
  });
  const pm = buildPathModel(project, base);
  const sol: LpSolution = await backend.solve(pm.model, {
    // Interior point: on the stacked hourly typical days of a path it beats the dual simplex (reference
    // hub, 5 periods: 86 s against more); with 8 time segments per day the dual simplex wins (11 s, IPM 20 s).
    algorithm: mode === 'aggregated' && (base.segments ?? 24) < 24 ? 'simplex' : 'ipm',
    timeLimit_s: opts.timeLimit_s,
    mipGap: opts.mipGap,
    signal: opts.signal,
    onProgress: (p) =>
      opts.onProgress?.({
        ...p,
        phase: p.phase === 'simplex' ? (mode === 'aggregated' ? 'sizing' : 'simplex') : p.phase,
        elapsed_s: (performance.now() - t0) / 1000,
      }),
  });
  if (!sol.hasSolution) {
    const out = await failure(
      project,
      { ...base, scenarioId: opts.scenarioId },
      pm.blocks[0].built,
      sol,
      backend,
    );
    if (sol.status === 'infeasible') {
      const messages = await explainPath(pm, backend);
      out.results.messages = messages;
      out.reasons = messages.map((m) => formatSolverMessage(m));
      out.results.warnings = out.reasons;
    }
    return out;
  }
  let builds = pm.dims.map((d) => Array.from(d.build, (c) => sol.x[c]));
  const periodResults: Results[] = [];
  const aid: number[] = [];
  const warnings: SolverMessage[] = [];
  const checks: { built: BuiltModel; sol: LpSolution }[] = [];
  if (mode === 'full') {
    pm.blocks.forEach((b, q) => checks.push({ built: b.built, sol: blockSolution(pm, q, sol) }));
  } else {
    const preview = pathPreview(pm, builds, sol.objective);
    const checked = await checkPeriods(pm, builds, backend, opts, t0, pool, { preview, sol });
    if ('results' in checked) return checked;
    checks.push(...checked.checks);
    warnings.push(...checked.warnings);
    builds = checked.builds;
  }
  let dispatch;
  for (const [q, c] of checks.entries()) {
    const read = readResults(c.built, c.sol);
    if (q === 0) dispatch = read.dispatch;
    periodResults.push(read.results);
    aid.push(aidOf(pm, builds, q, c.built, c.sol));
  }
  const years = pm.calendar.periods.map((p) => p.year);
  const summary = pathResults({
    calendar: pm.calendar,
    dims: pm.dims,
    builds,
    periods: periodResults,
    aid_EUR_a: aid,
    renewableHeatTarget: years.map(
      (y) =>
        stepValue(project.periods?.targets?.minRenewableHeatShare, y) ??
        project.constraints?.minRenewableHeatShare,
    ),
    co2Cap_t: years.map(
      (y) => stepValue(project.periods?.targets?.co2Cap_t, y) ?? project.constraints?.co2Cap_t,
    ),
    co2Price_EUR_t: years.map(
      (y) => interpolate(project.periods?.prices?.co2Price_EUR_t, y) ?? project.economics.co2Price_EUR_t,
    ),
  });
  const first = periodResults[0];
  const results: Results = {
    ...first,
    scenario: opts.scenarioId ?? 'base',
    objective: { ...first.objective, netPresentCost_EUR: summary.netPresentCost_EUR },
    warnings: [...warnings.map((m) => formatSolverMessage(m)), ...first.warnings],
    messages: [...warnings, ...(first.messages ?? [])],
    solve: {
      ...first.solve,
      mode,
      seconds: (performance.now() - t0) / 1000,
      gap: sol.mipGap ?? null,
      columns: pm.model.colNames.length,
      rows: pm.model.rowNames.length,
      ...(mode === 'aggregated'
        ? {
            sizing: {
              ...aggregationOf(pm.blocks[0].built.grid),
              objective_EUR: sol.objective,
              seconds: sol.seconds,
              gap: sol.mipGap ?? null,
            },
            aggregationGap:
              (summary.netPresentCost_EUR - sol.objective) /
              Math.max(1, Math.abs(summary.netPresentCost_EUR)),
          }
        : { method: 'direct' as const }),
    },
    periods: summary.periods,
    path: summary.path,
  };
  if (sol.status === 'time_limit') results.status = 'time_limit';
  return { results, dispatch, reasons: [] };
}
