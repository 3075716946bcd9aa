import type { LpModel } from '../lp/model';
import { stepOfName } from '../model/timegrid';

/**
 * The full-year LP split into time blocks (weeks, months) that are independent once a few "linking"
 * values are fixed: the capacities and other columns without a time step, the storage levels at the
 * block boundaries, and each block's share of the annual rows (CO2 cap, renewable share, grid import).
 *
 * The split is an exact reformulation of the LP, derived from the matrix alone:
 * - A column's time step is the `t=N` in its name (`hp_heat_out[t=17]`); columns without one are linking.
 * - A row whose columns lie in two cyclically adjacent blocks, the earlier one contributing one column
 *   at its last step, is a storage balance across the boundary: that column (the level at the end of
 *   the block) becomes linking, so the row belongs to the later block.
 * - A row spanning more blocks is an annual row  L ≤ Σ_b part_b(x) + f(z) ≤ U. Each block b gets a
 *   linking allocation y_b with  part_b(x) ≤ y_b  (≥ for a lower bound, = for both), and the master
 *   keeps  L ≤ Σ_b y_b + f(z) ≤ U.
 * - Rows over linking columns only (a boundary level below the storage capacity) go to the master.
 *
 * Linking values are numbered: first the linking columns of the model (`linkCols`), then the
 * allocations. Block models list their own columns first, then the linking values they use, fixed
 * by the caller (lower = upper = value).
 */
export interface BlockSplit {
  /** Model columns that are linking values 0 … linkCols.length − 1. */
  linkCols: Int32Array;
  /** Allocations: linking values linkCols.length …, one per (annual row, block). */
  allocations: { row: number; block: number }[];
  /** First step of each block, ascending, starting at 0; the last block ends at `steps`. */
  blockStarts: Int32Array;
  steps: number;
  blocks: Block[];
  /** Rows of the original model over linking values only, with the allocation sums. */
  masterRows: MasterRow[];
}

export interface Block {
  model: LpModel;
  /** Model column of each of the block's own columns (local index = position). */
  ownCols: Int32Array;
  /** Local columns that are linking values, and which linking value each is. */
  linkLocal: Int32Array;
  linkIndex: Int32Array;
}

export interface MasterRow {
  name: string;
  /** Linking-value indices and coefficients. */
  index: Int32Array;
  coef: Float64Array;
  lower: number;
  upper: number;
}

/** The time step of every column (−1 without one). */
export function columnSteps(m: LpModel): Int32Array {
  return Int32Array.from(m.colNames, stepOfName);
}

/** Block starts of `lengthSteps` each; a remainder shorter than half a block joins the last block. */
export function evenBlocks(steps: number, lengthSteps: number): Int32Array {
  const starts: number[] = [];
  for (let s = 0; s < steps; s += lengthSteps) starts.push(s);
  if (starts.length > 1 && steps - starts[starts.length - 1] < lengthSteps / 2) starts.pop();
  return Int32Array.from(starts);
}

/**
 * `elasticPenalty`: price per unit of an annual row's allocation a block exceeds (elastic slack), so
 * that a block stays feasible for any allocation, e.g. a negative CO2 budget (use the model's slack
 * price; at the optimum the elastic slack is zero).
 */
export function splitByTime(
  m: LpModel,
  blockStarts: Int32Array,
  steps: number,
  elasticPenalty = 1e4,
): BlockSplit {
  const B = blockStarts.length;
  if (B < 3) throw new Error('a time split needs at least three blocks');
  const step = columnSteps(m);
  const blockOfStep = new Int32Array(steps);
  for (let b = 0; b < B; b++) {
    const end = b + 1 < B ? blockStarts[b + 1] : steps;
    for (let s = blockStarts[b]; s < end; s++) blockOfStep[s] = b;
  }
  const lastStep = (b: number) => (b + 1 < B ? blockStarts[b + 1] : steps) - 1;
  const nCols = m.colNames.length;
  const nRows = m.rowNames.length;
  const linking = new Uint8Array(nCols);
  for (let j = 0; j < nCols; j++) if (step[j] < 0) linking[j] = 1;

  // Pass 1: boundary levels.
  const touched = (r: number): Map<number, number[]> => {
    const by = new Map<number, number[]>();
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
      const j = m.colIndex[k];
      if (linking[j] && step[j] < 0) continue;
      const b = blockOfStep[step[j]];
      const list = by.get(b);
      if (list) list.push(j);
      else by.set(b, [j]);
    }
    return by;
  };
  for (let r = 0; r < nRows; r++) {
    const by = touched(r);
    if (by.size !== 2) continue;
    const [[b1, c1], [b2, c2]] = [...by.entries()];
    const earlier =
      (b2 - b1 + B) % B === 1 ? { b: b1, cols: c1 } : (b1 - b2 + B) % B === 1 ? { b: b2, cols: c2 } : null;
    if (earlier && earlier.cols.length === 1 && step[earlier.cols[0]] === lastStep(earlier.b))
      linking[earlier.cols[0]] = 1;
  }
  const linkCols = Int32Array.from(
    Array.from({ length: nCols }, (_, j) => j).filter((j) => linking[j] === 1),
  );
  const linkOf = new Int32Array(nCols).fill(-1);
  linkCols.forEach((j, i) => (linkOf[j] = i));

  // Pass 2: rows to blocks, the master, or allocations.
  const blockRows: number[][] = Array.from({ length: B }, () => []);
  const masterRows: MasterRow[] = [];
  const allocations: { row: number; block: number }[] = [];
  const allocOf = new Map<string, number>();
  for (let r = 0; r < nRows; r++) {
    const blocks = new Set<number>();
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
      const j = m.colIndex[k];
      if (!linking[j]) blocks.add(blockOfStep[step[j]]);
    }
    if (blocks.size === 1) blockRows[[...blocks][0]].push(r);
    else if (blocks.size === 0) masterRows.push(masterRowOf(m, r, linkOf, []));
    else {
      const ys: number[] = [];
      for (const b of [...blocks].sort((a, c) => a - c)) {
        allocOf.set(`${r}:${b}`, linkCols.length + allocations.length);
        ys.push(linkCols.length + allocations.length);
        allocations.push({ row: r, block: b });
        blockRows[b].push(r);
      }
      masterRows.push(masterRowOf(m, r, linkOf, ys));
    }
  }
  const blocks = blockRows.map((rows, b) =>
    blockModel(m, b, rows, { step, blockOfStep, linking, linkOf, allocOf, elasticPenalty }),
  );
  return { linkCols, allocations, blockStarts, steps, blocks, masterRows };
}

/** A master row: the row's linking columns, plus +1 for each allocation of an annual row. */
function masterRowOf(m: LpModel, r: number, linkOf: Int32Array, ys: number[]): MasterRow {
  const index: number[] = [];
  const coef: number[] = [];
  for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
    const i = linkOf[m.colIndex[k]];
    if (i >= 0) {
      index.push(i);
      coef.push(m.values[k]);
    }
  }
  for (const y of ys) {
    index.push(y);
    coef.push(1);
  }
  return {
    name: m.rowNames[r],
    index: Int32Array.from(index),
    coef: Float64Array.from(coef),
    lower: m.rowLower[r],
    upper: m.rowUpper[r],
  };
}

function blockModel(
  m: LpModel,
  b: number,
  rows: number[],
  at: {
    step: Int32Array;
    blockOfStep: Int32Array;
    linking: Uint8Array;
    linkOf: Int32Array;
    allocOf: Map<string, number>;
    elasticPenalty: number;
  },
): Block {
  const own: number[] = [];
  for (let j = 0; j < m.colNames.length; j++)
    if (!at.linking[j] && at.blockOfStep[at.step[j]] === b) own.push(j);
  const local = new Map<number, number>();
  own.forEach((j, i) => local.set(j, i));
  const linkLocal: number[] = [];
  const linkIndex: number[] = [];
  const names = own.map((j) => m.colNames[j]);
  const lower = own.map((j) => m.colLower[j]);
  const upper = own.map((j) => m.colUpper[j]);
  const cost = own.map((j) => m.colCost[j]);
  const linkSlot = new Map<number, number>();
  const useLink = (i: number, name: string, lo: number, hi: number): number => {
    let c = linkSlot.get(i);
    if (c === undefined) {
      c = names.length;
      names.push(name);
      lower.push(lo);
      upper.push(hi);
      cost.push(0);
      linkSlot.set(i, c);
      linkLocal.push(c);
      linkIndex.push(i);
    }
    return c;
  };
  const elastic: { name: string; rowPos: number; sign: number }[] = [];
  const rowStart = [0];
  const colIndex: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const r of rows) {
    const y = at.allocOf.get(`${r}:${b}`);
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
      const j = m.colIndex[k];
      if (at.linking[j]) {
        // In an annual row the linking columns stay in the master row.
        if (y !== undefined) continue;
        colIndex.push(useLink(at.linkOf[j], m.colNames[j], m.colLower[j], m.colUpper[j]));
        values.push(m.values[k]);
      } else if (at.blockOfStep[at.step[j]] === b) {
        colIndex.push(local.get(j)!);
        values.push(m.values[k]);
      }
    }
    if (y === undefined) {
      rowLower.push(m.rowLower[r]);
      rowUpper.push(m.rowUpper[r]);
    } else {
      // part_b(x) − y_b ≤ 0 (upper bound), ≥ 0 (lower bound), = 0 (both).
      colIndex.push(useLink(y, `alloc_${m.rowNames[r]}[b=${b}]`, -Infinity, Infinity));
      values.push(-1);
      // Elastic slack in the direction(s) the row bounds: −e for an upper bound, +e for a lower one.
      for (const [bounded, sign] of [
        [Number.isFinite(m.rowUpper[r]), -1],
        [Number.isFinite(m.rowLower[r]), 1],
      ] as const) {
        if (!bounded) continue;
        elastic.push({ name: `elastic_${m.rowNames[r]}[b=${b}]`, rowPos: rowStart.length - 1, sign });
      }
      rowLower.push(Number.isFinite(m.rowLower[r]) ? 0 : -Infinity);
      rowUpper.push(Number.isFinite(m.rowUpper[r]) ? 0 : Infinity);
    }
    rowStart.push(colIndex.length);
  }
  // Elastic columns come after the linking ones; their entries join their rows.
  const extra = new Map<number, { col: number; sign: number }[]>();
  for (const e of elastic) {
    const col = names.length;
    names.push(e.name);
    lower.push(0);
    upper.push(Infinity);
    cost.push(at.elasticPenalty);
    extra.set(e.rowPos, [...(extra.get(e.rowPos) ?? []), { col, sign: e.sign }]);
  }
  if (extra.size) {
    const starts = [0];
    const idx: number[] = [];
    const val: number[] = [];
    for (let i = 0; i + 1 < rowStart.length; i++) {
      for (let k = rowStart[i]; k < rowStart[i + 1]; k++) {
        idx.push(colIndex[k]);
        val.push(values[k]);
      }
      for (const e of extra.get(i) ?? []) {
        idx.push(e.col);
        val.push(e.sign);
      }
      starts.push(idx.length);
    }
    rowStart.splice(0, rowStart.length, ...starts);
    colIndex.splice(0, colIndex.length, ...idx);
    values.splice(0, values.length, ...val);
  }
  return {
    model: {
      name: `${m.name} [block ${b}]`,
      objectiveOffset: 0,
      colNames: names,
      colLower: Float64Array.from(lower),
      colUpper: Float64Array.from(upper),
      colCost: Float64Array.from(cost),
      rowNames: rows.map((r) => m.rowNames[r]),
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      rowStart: Int32Array.from(rowStart),
      colIndex: Int32Array.from(colIndex),
      values: Float64Array.from(values),
    },
    ownCols: Int32Array.from(own),
    linkLocal: Int32Array.from(linkLocal),
    linkIndex: Int32Array.from(linkIndex),
  };
}
