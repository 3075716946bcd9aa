import type { LpBasis, LpSolution, SolveOptions, SolverBackend } from '../lp/backend';
import type { LpModel } from '../lp/model';
import { reduceFixed } from '../lp/reduce';
import { stepOfName } from '../model/timegrid';
import { evenBlocks, splitByTime, type BlockSplit } from './blocks';

/**
 * Where a full year with fixed capacities (a check) may start: estimates of the values that link its
 * week blocks, e.g. from the typical-day sizing (run/checkStart.ts).
 */
export interface BlockStart {
  /** Steps of the modelled year and of one block (a week). */
  steps: number;
  blockSteps: number;
  /** Estimated values of model columns that may link blocks: storage levels, columns without a step. */
  cols: Int32Array;
  values: Float64Array;
  /**
   * What one more unit of a storage level at a block end is worth (EUR, the sizing's dual), aligned
   * with `cols`; NaN where not known. A block then chooses its end level against that worth instead
   * of being held at the estimate, and the next block starts from it.
   */
  worth: Float64Array;
  /** Model rows over the whole year (CO2 cap, renewable share) and each one's estimated part per block. */
  rows: Int32Array;
  shares: Float64Array[];
  /**
   * What one unit of each annual row's activity costs (EUR per unit: the sizing's dual of that row,
   * negated), aligned with `rows`; NaN where not known. A block then takes its part of the row at
   * that price, as the whole year would at the estimate, instead of being held at its share.
   */
  prices: Float64Array;
}

/**
 * Solves the LP `model` to its optimum, started from the optimal bases of its week blocks:
 *
 * 1. the model without what fixed columns make trivial (lp/reduce.ts);
 * 2. split into week blocks (run/blocks.ts); each block solved alone, in order, from the estimates
 *    of `start` (blockBases): the level its storages start with, what their level at its end is
 *    worth, the price of its part of each annual row;
 * 3. the split as one LP, the blocks' rows side by side with the linking values as columns and the
 *    annual rows as Σ_b y_b (an exact reformulation), solved from the blocks' bases put together:
 *    the optimum of `model`.
 *
 * Why: an annual row (a CO2 cap) couples every hour in a cold solve's basis, each dual simplex
 * iteration then costing ~6× one without it. From the blocks' bases the last solve needs 4,000–6,500
 * dual simplex iterations instead of ~50,000 (reference hub under CO2 caps of 3,990–4,300 t/a;
 * docs/solvers.md).
 *
 * The answer is checked against `model` (every row and bound, the objective recomputed). Null where
 * this does not pay or does not hold: no sessions with bases (glpk), fewer than three blocks, a
 * basis the solver refuses, a last solve that ends other than optimal, cancelled or at the time
 * limit, an answer that fails the check. The caller then solves `model` as before.
 */
export function solveFromBlocks(
  model: LpModel,
  start: BlockStart,
  backend: SolverBackend,
  opts: Pick<SolveOptions, 'timeLimit_s' | 'signal'> = {},
): LpSolution | null {
  const t0 = performance.now();
  if (!backend.session || opts.signal?.aborted) return null;
  const reduced = reduceFixed(model);
  if (!reduced) return null;
  let split: BlockSplit;
  try {
    split = splitByTime(reduced.model, evenBlocks(start.steps, start.blockSteps), start.steps);
  } catch {
    return null;
  }
  const link = linkingValues(split, reduced.rowOf, start, reduced.model);
  const bases = blockBases(split, reduced.model, link, pricesOf(split, reduced.rowOf, start), backend);
  if (!bases) return null;
  const joined = joinBlocks(reduced.model, split, bases);
  if (!joined) return null;
  const session = backend.session(joined.model);
  try {
    if (!session.setBasis?.(joined.basis)) return null;
    const left =
      opts.timeLimit_s === undefined ? undefined : opts.timeLimit_s - (performance.now() - t0) / 1000;
    const sol = session.solve({ pricing: 'devex', timeLimit_s: left, signal: opts.signal });
    const seconds = (performance.now() - t0) / 1000;
    // A cancel or the time limit ends the check here: a fallback would only run past them.
    if (sol.status === 'cancelled' || sol.status === 'time_limit') return { ...sol, seconds };
    if (sol.status !== 'optimal') return null;
    const x = sol.x.slice(0, model.colNames.length);
    const objective = checkedObjective(model, x);
    if (objective === null) return null;
    return { status: 'optimal', hasSolution: true, objective, x, mipGap: 0, seconds, solver: sol.solver };
  } finally {
    session.dispose();
  }
}

/**
 * The price a block pays for each linking value it may choose (NaN for those it is held at): a
 * storage level at a block's end, −worth (one kWh more left is worth that); an allocation of an
 * annual row, the row's price.
 */
function pricesOf(split: BlockSplit, rowOf: Int32Array, start: BlockStart): Float64Array {
  const byCol = new Map<number, number>();
  start.cols.forEach((c, k) => Number.isFinite(start.worth[k]) && byCol.set(c, -start.worth[k]));
  const byRow = new Map<number, number>();
  start.rows.forEach((r, k) => byRow.set(r, start.prices[k]));
  return Float64Array.from([
    ...Array.from(split.linkCols, (j) => byCol.get(j) ?? NaN),
    ...split.allocations.map(({ row }) => byRow.get(rowOf[row]) ?? NaN),
  ]);
}

/**
 * Each block solved alone, in order, its basis kept. Its linking values are held at `link`, except:
 * - a storage level at its end with a price: free at that price; its value becomes the next block's
 *   start, so that consecutive blocks agree on the levels between them (`link` is updated). The
 *   last block's end is the first block's start (a cyclic year) and stays at the estimate;
 * - its part of an annual row with a price: free at that price (a CO2 budget bought at the sizing's
 *   CO2 price, a renewable share rewarded at its worth);
 * - a column without a time step (the peak grid import), not fixed, of cost ≥ 0: at least the
 *   estimate, at its full cost, so that a week needing more raises it.
 * A block that cannot start where the block before left its storages has that block solved again,
 * ending at the estimates, and starts from those (once).
 */
function blockBases(
  split: BlockSplit,
  m: LpModel,
  link: Float64Array,
  price: Float64Array,
  backend: SolverBackend,
): LpBasis[] | null {
  const nL = split.linkCols.length;
  const stepOf = Int32Array.from(split.linkCols, (j) => stepOfName(m.colNames[j]));
  const B = split.blocks.length;
  const estimate = link.slice();
  /** Block b solved alone; with `freeEnds`, its end levels with a price are chosen (and passed on). */
  const solveBlock = (b: number, freeEnds: boolean) => {
    const block = split.blocks[b];
    const last = (b + 1 < B ? split.blockStarts[b + 1] : split.steps) - 1;
    const bm = block.model;
    const lower = bm.colLower.slice();
    const upper = bm.colUpper.slice();
    const cost = bm.colCost.slice();
    const ends: { col: number; i: number }[] = [];
    block.linkLocal.forEach((c, k) => {
      const i = block.linkIndex[k];
      const j = i < nL ? split.linkCols[i] : -1;
      if (i >= nL && Number.isFinite(price[i])) priceAllocation(block, c, price[i], { lower, upper, cost });
      else if (b + 1 < B && stepOf[i] === last && Number.isFinite(price[i]) && freeEnds) {
        cost[c] = price[i];
        ends.push({ col: c, i });
      } else if (j >= 0 && stepOf[i] < 0 && m.colLower[j] < m.colUpper[j] && m.colCost[j] >= 0) {
        lower[c] = link[i];
        cost[c] = m.colCost[j];
      } else {
        if (b + 1 < B && stepOf[i] === last) link[i] = estimate[i];
        lower[c] = upper[c] = link[i];
      }
    });
    const session = backend.session!({ ...bm, colLower: lower, colUpper: upper, colCost: cost });
    try {
      const sol = session.solve({ pricing: 'devex' });
      if (sol.hasSolution) for (const { col, i } of ends) link[i] = sol.x[col];
      return { basis: session.basis?.(), feasible: sol.hasSolution };
    } finally {
      session.dispose();
    }
  };
  const bases: LpBasis[] = [];
  for (let b = 0; b < B; b++) {
    let r = solveBlock(b, true);
    if (!r.feasible && b > 0) {
      // The week cannot start where the week before left its storages (a cold week needing stored
      // heat that a low worth let run out): the week before ends at the estimates instead.
      const before = solveBlock(b - 1, false);
      if (!before.basis) return null;
      bases[b - 1] = before.basis;
      r = solveBlock(b, true);
    }
    if (!r.basis) return null;
    bases.push(r.basis);
  }
  return bases;
}

/**
 * A block's allocation y (local column `c`) of an annual row, free at `price`: its row part − y ≤ 0
 * (≥ 0 for a lower bound) then holds y at the block's part, and the row's elastic slacks (needed only
 * for a fixed allocation) are held at 0. A price of the wrong sign for the row's direction (a
 * solver's rounding) counts as 0, so that the block stays bounded.
 */
function priceAllocation(
  block: BlockSplit['blocks'][number],
  c: number,
  price: number,
  into: { lower: Float64Array; upper: Float64Array; cost: Float64Array },
): void {
  const m = block.model;
  const linked = new Set(block.linkLocal);
  const own = block.ownCols.length;
  for (let r = 0; r < m.rowNames.length; r++) {
    const cols = m.colIndex.subarray(m.rowStart[r], m.rowStart[r + 1]);
    if (!cols.includes(c)) continue;
    const upperOnly = m.rowLower[r] === -Infinity;
    const lowerOnly = m.rowUpper[r] === Infinity;
    into.cost[c] = (upperOnly && price < 0) || (lowerOnly && price > 0) ? 0 : price;
    into.lower[c] = -Infinity;
    into.upper[c] = Infinity;
    for (const j of cols) if (j >= own && !linked.has(j)) into.lower[j] = into.upper[j] = 0;
    return;
  }
}

/**
 * The linking values of `split` from the estimates: a column's estimate (else its fixed value, else
 * the bound nearest to 0), a block's part of an annual row; the parts of each annual row then scaled
 * to lie within its bounds.
 */
function linkingValues(split: BlockSplit, rowOf: Int32Array, start: BlockStart, m: LpModel): Float64Array {
  const nL = split.linkCols.length;
  const values = new Float64Array(nL + split.allocations.length);
  const estimate = new Map<number, number>();
  start.cols.forEach((c, k) => estimate.set(c, start.values[k]));
  split.linkCols.forEach((j, i) => {
    const lo = m.colLower[j];
    const hi = m.colUpper[j];
    const v = estimate.get(j) ?? Math.min(Math.max(0, lo), hi);
    values[i] = Math.min(Math.max(v, lo), hi);
  });
  const shares = new Map<number, Float64Array>();
  start.rows.forEach((r, k) => shares.set(r, start.shares[k]));
  split.allocations.forEach(({ row, block }, a) => {
    values[nL + a] = shares.get(rowOf[row])?.[block] ?? 0;
  });
  for (const row of split.masterRows) {
    let parts = 0;
    let rest = 0;
    row.index.forEach((i, k) => {
      if (i >= nL) parts += row.coef[k] * values[i];
      else rest += row.coef[k] * values[i];
    });
    const target = Math.min(Math.max(parts, row.lower - rest), row.upper - rest);
    if (parts !== 0 && target !== parts)
      row.index.forEach((i) => {
        if (i >= nL) values[i] *= target / parts;
      });
  }
  return values;
}

/**
 * The split as one LP: columns of `m`, then one per annual-row allocation, then the blocks' own extra
 * columns (elastic slacks, fixed at 0: the joined LP is `m` exactly); rows: every block's, then the
 * master rows. The basis: each block's statuses for its rows and columns, the master rows basic, a
 * linking value basic where a block had it basic. Null when the statuses do not add up to a basis.
 */
function joinBlocks(
  m: LpModel,
  split: BlockSplit,
  bases: LpBasis[],
): { model: LpModel; basis: LpBasis; link: number[] } | null {
  const n = m.colNames.length;

  const colNames = m.colNames.slice();
  const lower = Array.from(m.colLower);
  const upper = Array.from(m.colUpper);
  const cost = Array.from(m.colCost);
  const addCol = (name: string, lo: number, hi: number) => {
    colNames.push(name);
    lower.push(lo);
    upper.push(hi);
    cost.push(0);
    return colNames.length - 1;
  };
  split.allocations.forEach((_, a) => addCol(`alloc[${a}]`, -Infinity, Infinity));
  const link = [...Array.from(split.linkCols), ...split.allocations.map((_, a) => n + a)];
  const colStatus: number[] = [];
  const rows = {
    names: [] as string[],
    lower: [] as number[],
    upper: [] as number[],
    status: [] as number[],
  };
  const rowStart = [0];
  const colIndex: number[] = [];
  const values: number[] = [];
  split.blocks.forEach((block, b) => {
    const bm = block.model;
    const global = new Int32Array(bm.colNames.length).fill(-1);
    block.ownCols.forEach((j, i) => (global[i] = j));
    block.linkLocal.forEach((c, k) => (global[c] = link[block.linkIndex[k]]));
    for (let c = 0; c < global.length; c++) if (global[c] < 0) global[c] = addCol(bm.colNames[c], 0, 0);
    const basis = bases[b];
    const rowStatus = Int8Array.from(basis.rowStatus);
    for (let c = 0; c < global.length; c++) {
      const g = global[c];
      // Basic in an earlier block already (the peak import): a row of this block with it in it
      // becomes basic in its place, so that the statuses still add up to a basis.
      if (colStatus[g] === 1 && basis.colStatus[c] === 1) makeRowBasic(bm, c, rowStatus);
      else if (colStatus[g] === undefined || basis.colStatus[c] === 1) colStatus[g] = basis.colStatus[c];
    }
    for (let r = 0; r < bm.rowNames.length; r++) {
      for (let k = bm.rowStart[r]; k < bm.rowStart[r + 1]; k++) {
        colIndex.push(global[bm.colIndex[k]]);
        values.push(bm.values[k]);
      }
      rowStart.push(colIndex.length);
      rows.names.push(bm.rowNames[r]);
      rows.lower.push(bm.rowLower[r]);
      rows.upper.push(bm.rowUpper[r]);
      rows.status.push(rowStatus[r]);
    }
  });
  for (const row of split.masterRows) {
    row.index.forEach((i, k) => {
      colIndex.push(link[i]);
      values.push(row.coef[k]);
    });
    rowStart.push(colIndex.length);
    rows.names.push(row.name);
    rows.lower.push(row.lower);
    rows.upper.push(row.upper);
    rows.status.push(1);
  }
  for (let j = 0; j < colNames.length; j++) colStatus[j] ??= 0;
  const basic = colStatus.filter((s) => s === 1).length + rows.status.filter((s) => s === 1).length;
  if (basic !== rows.names.length) return null;
  return {
    model: {
      name: `${m.name} [joined blocks]`,
      objectiveOffset: m.objectiveOffset,
      colNames,
      colLower: Float64Array.from(lower),
      colUpper: Float64Array.from(upper),
      colCost: Float64Array.from(cost),
      rowNames: rows.names,
      rowLower: Float64Array.from(rows.lower),
      rowUpper: Float64Array.from(rows.upper),
      rowStart: Int32Array.from(rowStart),
      colIndex: Int32Array.from(colIndex),
      values: Float64Array.from(values),
    },
    basis: { colStatus: Int8Array.from(colStatus), rowStatus: Int8Array.from(rows.status) },
    link,
  };
}

/** Makes the first nonbasic row of `m` with column `c` in it basic (status 1). */
function makeRowBasic(m: LpModel, c: number, rowStatus: Int8Array): void {
  for (let r = 0; r < m.rowNames.length; r++)
    if (rowStatus[r] !== 1 && m.colIndex.subarray(m.rowStart[r], m.rowStart[r + 1]).includes(c)) {
      rowStatus[r] = 1;
      return;
    }
}

/**
 * The objective of `x` in `m` when `x` satisfies every bound and row of `m` (within 1e-6 relative,
 * a solver's tolerances on a scaled model); null otherwise.
 */
export function checkedObjective(m: LpModel, x: Float64Array, tol = 1e-6): number | null {
  const within = (v: number, lo: number, hi: number) => {
    const slack = tol * Math.max(1, Math.abs(v));
    return v >= lo - slack && v <= hi + slack;
  };
  let objective = m.objectiveOffset;
  for (let j = 0; j < x.length; j++) {
    if (!within(x[j], m.colLower[j], m.colUpper[j])) return null;
    objective += m.colCost[j] * x[j];
  }
  for (let r = 0; r < m.rowNames.length; r++) {
    let activity = 0;
    let scale = 0;
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
      const term = m.values[k] * x[m.colIndex[k]];
      activity += term;
      scale = Math.max(scale, Math.abs(term));
    }
    const slack = tol * Math.max(1, scale);
    if (activity < m.rowLower[r] - slack || activity > m.rowUpper[r] + slack) return null;
  }
  return objective;
}
