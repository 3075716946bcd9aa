/**
 * The full-year dispatch with fixed capacities as a MILP (CHP minimum part load with on/off
 * binaries), solved by a rolling horizon: windows of `window_h` hours plus `overlap_h` hours of
 * look-ahead, each a small MILP whose first `window_h` hours are kept (issue 18, "Exact means exact";
 * docs/decisions/rolling-milp-dispatch.md).
 *
 * The full-year MILP model is built once (mode full, binaries on); each window is cut out of it by
 * run/window.ts with every column outside the window fixed at the value of the plan so far:
 * - the hours before the window at the kept plan, so that the storage level entering a window is the
 *   one the previous window left (continuity across window boundaries);
 * - the hours after the window at the start solution (the full-year LP check with the same
 *   capacities, when given; else 0). The storage level before hour 0 is the LP's level at the end of
 *   the year, and the window that ends the year carries the cyclic balance of hour 0, so the plan's
 *   level at the end of the year is the level its first hour started from (soc[−1] = soc[T−1]);
 * - annual rows (CO2 cap, renewable heat share, annual grid import) see the plan so far before the
 *   window and the LP's use after it: each window gets the budget left by the kept plan minus what the
 *   LP spends later, so the final plan meets the annual rows whenever every window is feasible.
 * - the storage level at the end of a window (but the last) aims at the LP's level there: each kWh short
 *   costs {@link TARGET_PENALTY} in the window's objective (not in the plan's cost), so a window does
 *   not empty a storage the following weeks rely on (a seasonal heat store would otherwise leave the
 *   next window without the heat it needs).
 * Columns without a step (the grid's peak import; capacities are fixed anyway) are free in every
 * window with their lower bound raised to the value the plan has reached, so a peak set in an earlier
 * window stays available and paid once. The finished plan is checked against every row of the
 * full-year model.
 *
 * Bounds: the LP relaxation with the same capacities (the full-year check) is a lower bound of any
 * plan that respects the minimum loads; the rolling plan is an upper bound.
 */
import type { CancelSignal, LpSolution, SolveOptions, SolveProgress, SolverBackend } from '../lp/backend';
import type { LpModel } from '../lp/model';
import { buildModel, type BuildOptions, type BuiltModel } from '../model/build';
import type { Project } from '../project/types';
import { formatSolverMessage, solverMessage } from '../results/messages';
import { readResults, type Dispatch, type Results } from '../results/results';
import { maxViolation, stepIndex, windowModel, withTargets, type SoftTarget } from './window';

/**
 * Price of a kWh of storage level short of the LP's level at the end of a window (objective units per
 * kWh): above any cost of producing the energy, so the window reaches the level when it can.
 */
export const TARGET_PENALTY = 10;

export interface RollingOptions {
  /**
   * Hours kept from each window (default 48: two days; on the reference hub a week gave a 0.08 points
   * smaller gap in 1.8 times the time, docs/decisions/rolling-milp-dispatch.md).
   */
  window_h?: number;
  /** Look-ahead hours solved with each window and dropped (default 24). */
  overlap_h?: number;
  /** Relative MIP gap of each window (default: the backend's). */
  mipGap?: number;
  /** Seconds for all windows together. */
  timeLimit_s?: number;
  signal?: CancelSignal;
  onProgress?: (p: SolveProgress) => void;
}

/** The LP solution the windows start from (the full-year check with the same capacities). */
export interface RollingStart {
  built: BuiltModel;
  x: Float64Array;
  /** Its objective: a lower bound of every plan that respects the minimum loads. */
  objective: number;
}

export interface RollingResult {
  /** The full-year MILP model the plan belongs to (for readResults). */
  built: BuiltModel;
  /** The plan: status, x over `built.model`, objective (with offset), mipGap = the proven gap. */
  solution: LpSolution;
  windows: number;
  window_h: number;
  overlap_h: number;
  /** Sum over the windows of their MIP gaps in objective units (EUR): gap · |window objective|. */
  windowGaps_EUR: number;
  /** The LP relaxation (lower) and the rolling plan (upper); gap = (upper − lower)/|upper|. */
  lowerBound: number | null;
  upperBound: number;
  gap: number | null;
  /** Largest violation of a row of the full-year model by the plan, relative to its bound. */
  violation: { value: number; name: string };
  seconds: number;
}

/** Values of `start`'s columns carried over to `built` by name (0 where `built` has more, e.g. on/off). */
function carryOver(built: BuiltModel, start?: RollingStart): Float64Array {
  const x = new Float64Array(built.model.colNames.length);
  if (!start) return x;
  const byName = new Map(start.built.model.colNames.map((n, j) => [n, j]));
  built.model.colNames.forEach((n, j) => {
    const k = byName.get(n);
    if (k !== undefined) x[j] = start.x[k];
  });
  return x;
}

/**
 * Dispatches the year as a MILP with the capacities `fixed` (techId → value and battery power, as
 * solve.ts passes them) window by window. `base` are the build options of the run (scenario,
 * objective, CO2 limit); mode full and the binaries are set here. `start` gives the
 * storage levels before hour 0 and at each window's end, the annual budgets after the window, and
 * the lower bound. Without it, storage starts empty, and there are no targets and no bound.
 */
export async function rollingDispatch(
  project: Project,
  base: BuildOptions,
  fixed: Record<string, { value: number; power?: number }>,
  backend: SolverBackend,
  opts: RollingOptions = {},
  start?: RollingStart,
): Promise<RollingResult> {
  const t0 = performance.now();
  const built = buildModel(project, {
    ...base,
    mode: 'full',
    milp: true,
    milpFull: true,
    fixedCapacities: fixed,
    minimumCapacities: undefined,
  });
  const model = built.model;
  const index = stepIndex(model);
  const T = index.T;
  // Windows and look-ahead in hours, as steps (4 per hour on a quarter-hourly grid).
  const perHour = built.grid.stepsPerHour ?? 1;
  const len = Math.max(1, Math.round((opts.window_h ?? 48) * perHour));
  const overlap = Math.max(0, Math.round((opts.overlap_h ?? 24) * perHour));
  const windows = Math.ceil(T / len);
  const x = carryOver(built, start);
  for (let j = 0; j < x.length; j++) if (model.colLower[j] === model.colUpper[j]) x[j] = model.colLower[j];
  const x0 = x.slice();
  const soc = built.ctx.storages.map((st) => st.soc);
  /** The end-of-window storage levels of the LP (none after the last window, which closes the year). */
  const targets = (to: number): SoftTarget[] =>
    start && to < T
      ? soc.map((c) => ({ col: c[to - 1], level: x0[c[to - 1]], penalty: TARGET_PENALTY }))
      : [];
  // Columns without a step: lower bound raised to the plan's value as windows go (see above).
  const lower = model.colLower.slice();
  for (let j = 0; j < lower.length; j++)
    if (index.colStep[j] < 0) lower[j] = Math.min(Math.max(lower[j], x[j]), model.colUpper[j]);
  const deadline = opts.timeLimit_s !== undefined ? t0 + opts.timeLimit_s * 1000 : Infinity;
  let windowGaps = 0;
  let status: LpSolution['status'] = 'optimal';
  let failed: LpSolution | undefined;
  for (let k = 0; k < windows; k++) {
    const from = k * len;
    const keep = Math.min(from + len, T);
    const to = Math.min(keep + overlap, T);
    const w = withTargets(windowModel({ ...model, colLower: lower }, index, from, to, x), targets(to));
    const left = (deadline - performance.now()) / 1000;
    const sol = await solveWindow(w.model, backend, {
      mipGap: opts.mipGap,
      timeLimit_s: Number.isFinite(left) ? Math.max(1, left / (windows - k)) : undefined,
      signal: opts.signal,
      onProgress:
        opts.onProgress &&
        ((p) =>
          opts.onProgress!({ ...p, phase: 'branchAndBound', elapsed_s: (performance.now() - t0) / 1000 })),
    });
    if (!sol.hasSolution) {
      failed = sol;
      break;
    }
    if (sol.status === 'time_limit') status = 'time_limit';
    windowGaps += (sol.mipGap ?? 0) * Math.abs(sol.objective);
    w.cols.forEach((c, i) => {
      const s = index.colStep[c];
      if (s < 0) {
        x[c] = sol.x[i];
        lower[c] = Math.min(Math.max(lower[c], sol.x[i]), model.colUpper[c]);
      } else if (s < keep) x[c] = sol.x[i];
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  let upper = model.objectiveOffset;
  for (let j = 0; j < x.length; j++) upper += model.colCost[j] * x[j];
  const lowerBound = start ? start.objective : null;
  const gap =
    lowerBound !== null && !failed ? Math.max(0, upper - lowerBound) / Math.max(1e-9, Math.abs(upper)) : null;
  const solution: LpSolution = failed
    ? { ...failed, hasSolution: false, objective: NaN, x: new Float64Array(0), seconds }
    : {
        status,
        hasSolution: true,
        objective: upper,
        x,
        mipGap: gap ?? undefined,
        seconds,
        solver: backend.name,
      };
  return {
    built,
    solution,
    windows,
    window_h: len / perHour,
    overlap_h: overlap / perHour,
    windowGaps_EUR: windowGaps,
    lowerBound,
    upperBound: upper,
    gap,
    violation: failed ? { value: NaN, name: '' } : maxViolation(model, x),
    seconds,
  };
}

/**
 * One window: its LP relaxation first; when the relaxation with its integer columns rounded meets
 * every row (a CHP that runs either off or above its minimum load anyway), that is the window's
 * optimum (binaries carry no cost here; the gap is the cost difference, if any); else the MILP.
 */
export async function solveWindow(
  model: LpModel,
  backend: SolverBackend,
  opts: SolveOptions,
): Promise<LpSolution> {
  const int = model.colIntegrality;
  if (!int) return backend.solve(model, opts);
  const relaxed = await backend.solve(
    { ...model, colIntegrality: undefined },
    { ...opts, mipGap: undefined },
  );
  if (relaxed.status === 'cancelled') return relaxed;
  if (relaxed.hasSolution && relaxed.status === 'optimal') {
    const x = relaxed.x.map((v, j) => (int[j] ? Math.round(v) : v));
    if (maxViolation(model, x).value <= 1e-7) {
      let objective = model.objectiveOffset;
      for (let j = 0; j < x.length; j++) objective += model.colCost[j] * x[j];
      const gap = Math.max(0, objective - relaxed.objective) / Math.max(1e-9, Math.abs(objective));
      if (gap <= (opts.mipGap ?? 1e-4)) return { ...relaxed, x, objective, mipGap: gap };
    }
  }
  return backend.solve(model, opts);
}

/**
 * Hours in which a CHP with a minimum part load runs above 0 but below it (tolerance 1e-6 relative
 * to the capacity): what a plan that respects minimum loads never has.
 */
export function hoursBelowMinLoad(built: BuiltModel, x: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of built.project.technologies) {
    if (t.type !== 'chp' || !(t.minLoad_share! > 0)) continue;
    const cap = built.ctx.capacities.find((c) => c.techId === t.id);
    const flow = built.ctx.flows.find((f) => f.techId === t.id && f.name === 'el_out');
    if (!cap || !flow) continue;
    const c = x[cap.col];
    const tol = 1e-6 * Math.max(1, c);
    let n = 0;
    for (let s = 0; s < flow.cols.length; s++) {
      const el = x[flow.cols[s]] * flow.coefs[s];
      if (el > tol && el < t.minLoad_share! * c - tol) n += built.grid.weight[s];
    }
    out[t.id] = n;
  }
  return out;
}

/**
 * The results of a `--milp` run (solve.ts): the full-year plan is the rolling MILP dispatch with the
 * capacities of the full-year LP check (`check`, whose results `lp` carry the sizing, the check and
 * any raised capacities), never the LP relaxation. Without a plan the run has no figures: its status
 * is the rolling dispatch's, with the reason, and the capacities of the check.
 */
export async function milpPlan(
  project: Project,
  base: BuildOptions,
  check: { built: BuiltModel; sol: LpSolution; results: Results },
  backend: SolverBackend,
  opts: RollingOptions,
): Promise<{ results: Results; dispatch?: Dispatch; reasons: string[] }> {
  const lp = check.results;
  const fixed: Record<string, { value: number; power?: number }> = {};
  for (const c of check.built.ctx.capacities)
    fixed[c.techId] = {
      value: check.sol.x[c.col],
      power: c.powerCol !== undefined ? check.sol.x[c.powerCol] : undefined,
    };
  const start = { built: check.built, x: check.sol.x, objective: check.sol.objective };
  const r = await rollingDispatch(project, base, fixed, backend, opts, start);
  const dispatchMilp: NonNullable<Results['solve']['dispatchMilp']> = {
    status: r.solution.status,
    windows: r.windows,
    window_h: r.window_h,
    overlap_h: r.overlap_h,
    gap: r.gap,
    lowerBound_EUR: r.lowerBound,
    upperBound_EUR: r.solution.hasSolution ? r.upperBound : null,
    windowGaps_EUR: r.windowGaps_EUR,
    seconds: r.seconds,
    checkHoursBelowMinLoad: sumValues(hoursBelowMinLoad(check.built, check.sol.x)),
    hoursBelowMinLoad: r.solution.hasSolution ? sumValues(hoursBelowMinLoad(r.built, r.solution.x)) : null,
  };
  const solve = { ...lp.solve, seconds: lp.solve.seconds + r.seconds, dispatchMilp };
  if (!r.solution.hasSolution) {
    const code =
      r.solution.status === 'cancelled'
        ? 'cancelled'
        : r.solution.status === 'time_limit'
          ? 'timeLimitNoSolution'
          : 'milpDispatchFailed';
    const m = solverMessage(code);
    const reasons = [formatSolverMessage(m)];
    const results: Results = {
      ...lp,
      status: r.solution.status,
      objective: { totalAnnualCost_EUR: NO_FIGURE, co2_tCO2: NO_FIGURE },
      annual: {},
      costs: { byCategory_EUR: {} as Results['costs']['byCategory_EUR'], byTechnology_EUR: {} },
      emissions_tCO2: NO_FIGURE,
      kpis: { ...lp.kpis, lcoh_EUR_MWh: NO_FIGURE, lcoe_EUR_MWh: NO_FIGURE, renewableHeatShare: NO_FIGURE },
      balance: { maxResidual_kW: NO_FIGURE, ok: false },
      messages: [m, ...(lp.messages ?? [])],
      warnings: [...reasons, ...lp.warnings],
      solve,
    };
    return { results, reasons };
  }
  const { results, dispatch } = readResults(r.built, r.solution);
  results.status = lp.status === 'time_limit' ? 'time_limit' : r.solution.status;
  // Of the check's findings only the capacities it raised concern the plan; the rest describe the LP.
  const raised = (lp.messages ?? []).filter((m) => m.code === 'capacitiesRaised');
  results.messages = [...raised, ...(results.messages ?? [])];
  results.warnings = [...raised.map((m) => formatSolverMessage(m)), ...results.warnings];
  results.solve = {
    ...solve,
    columns: results.solve.columns,
    rows: results.solve.rows,
    aggregationGap:
      lp.solve.sizing &&
      (results.objective.totalAnnualCost_EUR - lp.solve.sizing.objective_EUR) /
        Math.max(1, Math.abs(results.objective.totalAnnualCost_EUR)),
  };
  return { results, dispatch, reasons: [] };
}

/** A run without a plan has no figures (null in results.json), as solve.ts writes them. */
const NO_FIGURE = null as unknown as number;

const sumValues = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
