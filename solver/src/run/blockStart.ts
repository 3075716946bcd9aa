import type { LpBasis, LpSolution, SolveOptions, SolverBackend } from '../lp/backend';
import type { LpModel } from '../lp/model';
import { reduceFixed } from '../lp/reduce';
import { columnSteps, evenBlocks, splitByTime, type BlockSplit } from './blocks';

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
}

/**
 * Solves the LP `model` to its optimum, started from the optimal bases of its week blocks:
 *
 * 1. the model without what fixed columns make trivial (lp/reduce.ts);
 * 2. split into week blocks (run/blocks.ts); each block solved alone with its linking values (the
 *    storage levels at its ends, its part of each annual row) fixed at the estimates of `start`;
 * 3. the split as one LP, the blocks' rows side by side with the linking values as columns and the
 *    annual rows as Σ_b y_b (an exact reformulation), started from the blocks' bases put together;
 *    solved with the linking values fixed, then free: the optimum of `model`.
 *
 * Why: an annual row (a CO2 cap) couples every hour in a cold solve's basis, each dual simplex
 * iteration then costing ~6× one without it. From the blocks' bases the last solve needs a few
 * thousand iterations instead of ~50,000 (reference hub with a CO2 cap: 4–6 s against 8–11 s;
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
  const bases = blockBases(split, link, worthOf(split, start), backend);
  if (!bases) return null;
  const joined = joinBlocks(reduced.model, split, bases);
  if (!joined) return null;
  const session = backend.session(joined.model);
  try {
    if (!session.setBasis?.(joined.basis)) return null;
    const lower = joined.link.map((c) => joined.model.colLower[c]);
    const upper = joined.link.map((c) => joined.model.colUpper[c]);
    session.fixColumns(Int32Array.from(joined.link), link);
    session.solve({ pricing: 'devex' });
    session.setColumnBounds(Int32Array.from(joined.link), Float64Array.from(lower), Float64Array.from(upper));
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

/** The worth of each linking value that is a storage level at a block's end (NaN for the others). */
function worthOf(split: BlockSplit, start: BlockStart): Float64Array {
  const byCol = new Map<number, number>();
  start.cols.forEach((c, k) => Number.isFinite(start.worth[k]) && byCol.set(c, start.worth[k]));
  return Float64Array.from(split.linkCols, (j) => byCol.get(j) ?? NaN);
}

/**
 * Each block solved with its linking values fixed, in order, its basis kept. A block's end levels with
 * a known worth are free instead (at cost −worth), and their values become the next block's start, so
 * that consecutive blocks agree on the levels between them (`link` is updated). The last block's end
 * is the first block's start (a cyclic year) and stays at the estimate.
 */
function blockBases(
  split: BlockSplit,
  link: Float64Array,
  worth: Float64Array,
  backend: SolverBackend,
): LpBasis[] | null {
  const stepOf = linkSteps(split);
  const B = split.blocks.length;
  const bases: LpBasis[] = [];
  for (const [b, block] of split.blocks.entries()) {
    const last = (b + 1 < B ? split.blockStarts[b + 1] : split.steps) - 1;
    const m = block.model;
    const lower = m.colLower.slice();
    const upper = m.colUpper.slice();
    const cost = m.colCost.slice();
    const ends: { col: number; i: number }[] = [];
    block.linkLocal.forEach((c, k) => {
      const i = block.linkIndex[k];
      if (b + 1 < B && i < stepOf.length && stepOf[i] === last && Number.isFinite(worth[i])) {
        cost[c] = -worth[i];
        ends.push({ col: c, i });
      } else lower[c] = upper[c] = link[i];
    });
    const session = backend.session!({ ...m, colLower: lower, colUpper: upper, colCost: cost });
    try {
      const sol = session.solve({ pricing: 'devex' });
      const basis = session.basis?.();
      if (!basis) return null;
      bases.push(basis);
      if (sol.hasSolution) for (const { col, i } of ends) link[i] = sol.x[col];
    } finally {
      session.dispose();
    }
  }
  return bases;
}

/** The time step of each linking column (−1 without one), from its name in the blocks. */
function linkSteps(split: BlockSplit): Int32Array {
  const steps = new Int32Array(split.linkCols.length).fill(-1);
  for (const block of split.blocks) {
    const named = columnSteps(block.model);
    block.linkLocal.forEach((c, k) => {
      if (block.linkIndex[k] < steps.length) steps[block.linkIndex[k]] = named[c];
    });
  }
  return steps;
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
    for (let c = 0; c < global.length; c++) {
      const g = global[c];
      if (colStatus[g] === undefined || basis.colStatus[c] === 1) colStatus[g] = basis.colStatus[c];
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
      rows.status.push(basis.rowStatus[r]);
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
