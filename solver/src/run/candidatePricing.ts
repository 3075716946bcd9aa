import type { LpSolution, SolveOptions, SolverBackend, SolverSession } from '../lp/backend';
import type { LpModel } from '../lp/model';
import { buildModel, type BuildOptions, type BuiltModel } from '../model/build';
import type { Project } from '../project/types';
import { capacityColumns, capacityTechIds } from './capacities';

/**
 * Typical-day sizing of many candidate plants by pricing them (column generation over plants,
 * docs/decisions/candidate-pricing.md). Most candidates of a large project stay at zero, and the LP
 * grows with every plant (the 28-plant case: 18,564 rows, ~6 s), so:
 *
 * 1. a coarse sizing (few typical days) of all candidates picks the plants it builds;
 * 2. the sizing LP is solved with every other plant's columns fixed at 0 (the restricted LP);
 * 3. each left-out plant P is priced with the restricted LP's row duals y: with I the left-out
 *    columns, the rows with all their entries in I kept, every other row's dual moved into the costs,
 *
 *        min  Σ_{j∈I} (c_j − Σ_r a_rj·y_r)·x_j   s.t. the rows within I, the bounds, capacities ≤ 1;
 *
 *    x_I = 0 is feasible there, so the minimum is ≤ 0; P's share of it is P's gain per unit of capacity;
 * 4. plants with a gain below −{@link PRICE_TOLERANCE} join and 2–3 repeat; when none does, the
 *    restricted optimum is the whole LP's optimum (the pricing's duals complete a dual solution).
 *
 * Exact: capping the capacities at 1 loses nothing, because the feasible set is convex and contains
 * 0, so a negative direction scaled down stays feasible. Any trouble (a restricted LP that is not
 * optimal, a pricing LP that is neither optimal nor unbounded, too many rounds) solves the whole LP.
 */

/** From this many plants with a capacity the sizing prices candidates (the 14-plant case is faster whole). */
export const PRICE_FROM_PLANTS = 20;
/** Typical days of the coarse sizing that picks the first plants (its segments are the run's). */
export const COARSE_TYPICAL_DAYS = 6;
/** A plant joins when it lowers the annual cost by more than this per unit of capacity (EUR/a). */
export const PRICE_TOLERANCE = 1e-6;
/** Up to this many joining plants continue from the last basis; more start a fresh LP with presolve. */
const WARM_JOINS = 3;
const MAX_ROUNDS = 12;

export interface PricingStats {
  rounds: number;
  /** Plants in the last restricted LP, of all plants with columns. */
  plantsInLp: number;
  plants: number;
}

export type PricedSolution = LpSolution & { pricing?: PricingStats };

/** Whether a sizing model is priced plant by plant (an LP with enough plants and a warm-capable backend). */
export function pricesCandidates(built: BuiltModel, backend: SolverBackend): boolean {
  if (!backend.session || built.model.colIntegrality || built.grid.mode !== 'aggregated') return false;
  const withCapacity = new Set(built.ctx.capacities.map((c) => c.techId));
  return withCapacity.size >= PRICE_FROM_PLANTS;
}

/**
 * The sizing LP's solution: by pricing candidates where {@link pricesCandidates} and the run's typical
 * days outnumber the coarse sizing's, else whole.
 */
export function solveSizingLp(
  built: BuiltModel,
  project: Project,
  base: BuildOptions,
  backend: SolverBackend,
  opts: SolveOptions,
): Promise<PricedSolution> {
  return pricesCandidates(built, backend) && built.grid.numPeriods > COARSE_TYPICAL_DAYS
    ? solveByPricing(
        built,
        () => buildModel(project, { ...base, typicalDays: COARSE_TYPICAL_DAYS }),
        backend,
        opts,
      )
    : backend.solve(built.model, opts);
}

/** The pricing LP of the columns `inI` (see the module comment) and where its columns and rows came from. */
export function pricingModel(
  model: LpModel,
  inI: Uint8Array,
  rowDual: Float64Array,
  capacityCols: ReadonlySet<number>,
): { model: LpModel; cols: Int32Array; rows: Int32Array } {
  const cost = Float64Array.from(model.colCost);
  const rows: number[] = [];
  for (let r = 0; r + 1 < model.rowStart.length; r++) {
    let any = false;
    let all = true;
    for (let e = model.rowStart[r]; e < model.rowStart[r + 1]; e++)
      if (inI[model.colIndex[e]]) any = true;
      else all = false;
    if (!any) continue;
    if (all) rows.push(r);
    else
      for (let e = model.rowStart[r]; e < model.rowStart[r + 1]; e++)
        if (inI[model.colIndex[e]]) cost[model.colIndex[e]] -= model.values[e] * rowDual[r];
  }
  const cols: number[] = [];
  const at = new Int32Array(inI.length).fill(-1);
  inI.forEach((v, j) => {
    if (v) at[j] = cols.push(j) - 1;
  });
  const start = [0];
  const index: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    for (let e = model.rowStart[r]; e < model.rowStart[r + 1]; e++) {
      index.push(at[model.colIndex[e]]);
      values.push(model.values[e]);
    }
    start.push(index.length);
  }
  return {
    model: {
      name: `${model.name} [pricing]`,
      objectiveOffset: 0,
      colNames: cols.map((j) => model.colNames[j]),
      colLower: Float64Array.from(cols, (j) => model.colLower[j]),
      colUpper: Float64Array.from(cols, (j) =>
        capacityCols.has(j) ? Math.min(1, model.colUpper[j]) : model.colUpper[j],
      ),
      colCost: Float64Array.from(cols, (j) => cost[j]),
      rowNames: rows.map((r) => model.rowNames[r]),
      rowLower: Float64Array.from(rows, (r) => model.rowLower[r]),
      rowUpper: Float64Array.from(rows, (r) => model.rowUpper[r]),
      rowStart: Int32Array.from(start),
      colIndex: Int32Array.from(index),
      values: Float64Array.from(values),
    },
    cols: Int32Array.from(cols),
    rows: Int32Array.from(rows),
  };
}

/**
 * Plants that must be in every restricted LP: a column whose bounds exclude 0 (a minimum or existing
 * capacity), or a row over the plant's own columns alone that 0 violates. (A row over several plants,
 * such as a heat balance, is the restricted LP's to meet; if it cannot, the whole LP is solved.)
 */
export function alwaysIn(built: BuiltModel): Set<number> {
  const { model, techColumns } = built;
  const owner = ownerOf(built);
  const must = new Set<number>();
  techColumns.forEach((t, k) => {
    for (let j = t.from; j < t.to; j++) if (model.colLower[j] > 0 || model.colUpper[j] < 0) must.add(k);
  });
  for (let r = 0; r + 1 < model.rowStart.length; r++) {
    if (model.rowLower[r] <= 0 && model.rowUpper[r] >= 0) continue;
    const owners = new Set<number>();
    let shared = false;
    for (let e = model.rowStart[r]; e < model.rowStart[r + 1]; e++) {
      const k = owner[model.colIndex[e]];
      if (k < 0) shared = true;
      else owners.add(k);
    }
    if (!shared && owners.size === 1) owners.forEach((k) => must.add(k));
  }
  return must;
}

/** The technology (index into techColumns) of each column, −1 for the grid's and the model's own. */
function ownerOf(built: BuiltModel): Int32Array {
  const owner = new Int32Array(built.model.colNames.length).fill(-1);
  built.techColumns.forEach((t, k) => owner.fill(k, t.from, t.to));
  return owner;
}

/** The plants (indices into coarse.techColumns, by id into fine's) that the coarse sizing builds. */
function builtBy(coarse: BuiltModel, x: Float64Array, fine: BuiltModel): Set<number> {
  const index = new Map(fine.techColumns.map((t, k) => [t.techId, k]));
  const on = new Set<number>();
  for (const t of coarse.techColumns)
    for (let j = t.from; j < t.to; j++)
      if (Math.abs(x[j]) > 1e-9) {
        const k = index.get(t.techId);
        if (k !== undefined) on.add(k);
        break;
      }
  return on;
}

/**
 * Solves the sizing LP `built` by pricing its plants (module comment); `coarse` builds the coarse
 * sizing of the same project. Returns the whole LP's optimum: x for every column (left-out plants at
 * 0), row duals completed by the last pricing LP.
 */
export async function solveByPricing(
  built: BuiltModel,
  coarse: () => BuiltModel,
  backend: SolverBackend,
  opts: SolveOptions,
): Promise<PricedSolution> {
  const t0 = performance.now();
  const deadline = opts.timeLimit_s !== undefined ? t0 + opts.timeLimit_s * 1000 : Infinity;
  const left = () =>
    Number.isFinite(deadline) ? Math.max(0.1, (deadline - performance.now()) / 1000) : undefined;
  const seconds = () => (performance.now() - t0) / 1000;
  const whole = async (): Promise<PricedSolution> => {
    const sol = await backend.solve(built.model, { ...opts, timeLimit_s: left() });
    return { ...sol, seconds: seconds() };
  };
  const { model, techColumns } = built;
  const first = coarse();
  const coarseSol = await backend.solve(first.model, { ...opts, timeLimit_s: left() });
  if (coarseSol.status === 'cancelled') return { ...coarseSol, seconds: seconds() };
  if (!coarseSol.hasSolution) return whole();
  const active = builtBy(first, coarseSol.x, built);
  alwaysIn(built).forEach((k) => active.add(k));
  const all = Int32Array.from(
    techColumns.flatMap((t) => Array.from({ length: t.to - t.from }, (_, i) => t.from + i)),
  );
  let session: SolverSession | undefined;
  let joined = Infinity;
  try {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const inI = new Uint8Array(model.colNames.length);
      techColumns.forEach((t, k) => {
        if (!active.has(k)) inI.fill(1, t.from, t.to);
      });
      if (joined > WARM_JOINS) {
        session?.dispose();
        session = backend.session!(model);
      }
      session!.setColumnBounds(
        all,
        Float64Array.from(all, (j) => (inI[j] ? 0 : model.colLower[j])),
        Float64Array.from(all, (j) => (inI[j] ? 0 : model.colUpper[j])),
      );
      const sol = session!.solve({ ...opts, timeLimit_s: left() });
      if (sol.status === 'cancelled') return { ...sol, seconds: seconds() };
      if (sol.status !== 'optimal' || !sol.rowDual) return whole();
      const stats = { rounds: round, plantsInLp: active.size, plants: techColumns.length };
      if (active.size === techColumns.length) return { ...sol, seconds: seconds(), pricing: stats };
      const priced = await pricePlants(built, inI, sol.rowDual, backend, { ...opts, timeLimit_s: left() });
      if (priced && 'status' in priced) return { ...priced, seconds: seconds() };
      if (!priced) return whole();
      const { joining } = priced;
      if (joining.size === 0) return { ...sol, rowDual: priced.rowDual, seconds: seconds(), pricing: stats };
      joining.forEach((k) => active.add(k));
      joined = joining.size;
    }
    return await whole();
  } finally {
    session?.dispose();
  }
}

/**
 * Prices the plants whose columns `inI` marks, at the row duals of an LP that held them at 0 (module
 * comment, step 3): the plants (indices into techColumns) that would lower its cost, and the row duals
 * completed by the pricing LP where none would; the pricing LP's own answer when cancelled, null when
 * it fails.
 */
export async function pricePlants(
  built: BuiltModel,
  inI: Uint8Array,
  rowDual: Float64Array,
  backend: SolverBackend,
  opts: SolveOptions,
): Promise<{ joining: Set<number>; rowDual: Float64Array } | LpSolution | null> {
  const capacityCols = new Set(capacityColumns(built));
  const owner = ownerOf(built);
  const price = pricingModel(built.model, inI, rowDual, capacityCols);
  const priced = await backend.solve(price.model, opts);
  if (priced.status === 'cancelled') return priced;
  const joining = new Set<number>();
  if (priced.status === 'unbounded') price.cols.forEach((j) => joining.add(owner[j]));
  else if (priced.status !== 'optimal') return null;
  else {
    const gain = new Map<number, number>();
    price.cols.forEach((j, i) =>
      gain.set(owner[j], (gain.get(owner[j]) ?? 0) + price.model.colCost[i] * priced.x[i]),
    );
    gain.forEach((g, k) => {
      if (g < -PRICE_TOLERANCE) joining.add(k);
    });
  }
  const completed = Float64Array.from(rowDual);
  if (priced.rowDual) price.rows.forEach((r, i) => (completed[r] = priced.rowDual![i]));
  return { joining, rowDual: completed };
}

/**
 * Full mode with many plants: the plants the trust region holds at 0 until their price says otherwise,
 * every plant the typical-day sizing left at 0 (`start`, in the order of capacityColumns) whose own
 * columns admit 0. None below {@link PRICE_FROM_PLANTS} plants with a capacity.
 */
export function heldAtZero(full: BuiltModel, start: Float64Array): Set<string> {
  const ids = capacityTechIds(full);
  if (new Set(ids).size < PRICE_FROM_PLANTS) return new Set();
  const used = new Set(ids.filter((_, j) => Math.abs(start[j]) > 1e-9));
  const must = new Set([...alwaysIn(full)].map((k) => full.techColumns[k].techId));
  return new Set(ids.filter((id) => !used.has(id) && !must.has(id)));
}
