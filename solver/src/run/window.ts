/**
 * A time window of a full-year model as a model of its own: the columns of the window's steps (and
 * the columns without a step) stay free, every other column is fixed at a given value and moved into
 * the row bounds. Used by the rolling-horizon dispatch (run/rollingDispatch.ts). Generic over the
 * model: the step of a column or row is read from its name, which ends with `[t=N]` for every
 * time-indexed column and row of a full-mode model (model/timegrid.ts, stepLabel).
 */
import type { LpModel } from '../lp/model';
import { stepOfName } from '../model/timegrid';

export interface StepIndex {
  /** Number of steps (largest step + 1). */
  T: number;
  /** Step of each column and row, −1 without one. */
  colStep: Int32Array;
  rowStep: Int32Array;
  /** Rows by step (CSR over steps): rows of step t are rowOrder[rowStart[t] .. rowStart[t+1]). */
  rowStart: Int32Array;
  rowOrder: Int32Array;
  /** Rows without a step (annual rows such as a CO2 cap, or rows on global columns only). */
  globalRows: Int32Array;
  /** Rows of a step that also reference a later step (the cyclic storage balance of step 0). */
  wrapRows: Int32Array;
}

/** Reads the step of every column and row and groups the rows by step. */
export function stepIndex(model: LpModel): StepIndex {
  const colStep = Int32Array.from(model.colNames, stepOfName);
  const rowStep = Int32Array.from(model.rowNames, stepOfName);
  let T = 0;
  for (const s of colStep) T = Math.max(T, s + 1);
  for (const s of rowStep) T = Math.max(T, s + 1);
  const rowStart = new Int32Array(T + 1);
  const global: number[] = [];
  const wrap: number[] = [];
  for (let r = 0; r < rowStep.length; r++) {
    const s = rowStep[r];
    if (s < 0) {
      global.push(r);
      continue;
    }
    rowStart[s + 1]++;
    for (let k = model.rowStart[r]; k < model.rowStart[r + 1]; k++)
      if (colStep[model.colIndex[k]] > s) {
        wrap.push(r);
        break;
      }
  }
  for (let t = 0; t < T; t++) rowStart[t + 1] += rowStart[t];
  const fill = rowStart.slice(0, T);
  const rowOrder = new Int32Array(rowStart[T]);
  for (let r = 0; r < rowStep.length; r++) if (rowStep[r] >= 0) rowOrder[fill[rowStep[r]]++] = r;
  return {
    T,
    colStep,
    rowStep,
    rowStart,
    rowOrder,
    globalRows: Int32Array.from(global),
    wrapRows: Int32Array.from(wrap),
  };
}

export interface WindowModel {
  model: LpModel;
  /** Column of the full model for each column of the window. */
  cols: Int32Array;
  /** Row of the full model for each row of the window. */
  rows: Int32Array;
}

/**
 * The window [from, to) of `model`: its free columns are those of steps from … to − 1 and those
 * without a step, unless their bounds fix them; every other column is fixed at `x[col]` (a column
 * with equal bounds at its bound, e.g. a fixed capacity, whose cost then stays out of the window). Its rows are the rows of those steps,
 * the rows without a step, and the rows of earlier steps that reach into the window (the cyclic
 * storage balance of step 0 in the window that ends the year). Objective: the free columns' costs,
 * no offset.
 */
export function windowModel(
  model: LpModel,
  index: StepIndex,
  from: number,
  to: number,
  x: Float64Array,
): WindowModel {
  const { colStep } = index;
  const isFree = (c: number) =>
    model.colLower[c] !== model.colUpper[c] && (colStep[c] < 0 || (colStep[c] >= from && colStep[c] < to));
  const valueOf = (c: number) => (model.colLower[c] === model.colUpper[c] ? model.colLower[c] : x[c]);
  const n = colStep.length;
  const map = new Int32Array(n).fill(-1);
  const cols: number[] = [];
  for (let c = 0; c < n; c++) if (isFree(c)) map[c] = cols.push(c) - 1;
  const rows: number[] = [];
  for (let k = index.rowStart[from]; k < index.rowStart[Math.min(to, index.T)]; k++)
    rows.push(index.rowOrder[k]);
  rows.push(...index.globalRows);
  for (const r of index.wrapRows) {
    if (index.rowStep[r] >= from) continue;
    for (let k = model.rowStart[r]; k < model.rowStart[r + 1]; k++)
      if (colStep[model.colIndex[k]] >= from && colStep[model.colIndex[k]] < to) {
        rows.push(r);
        break;
      }
  }
  const rowLower = new Float64Array(rows.length);
  const rowUpper = new Float64Array(rows.length);
  const rowStart = new Int32Array(rows.length + 1);
  const colIndex: number[] = [];
  const values: number[] = [];
  rows.forEach((r, i) => {
    let fixed = 0;
    for (let k = model.rowStart[r]; k < model.rowStart[r + 1]; k++) {
      const c = model.colIndex[k];
      if (map[c] >= 0) {
        colIndex.push(map[c]);
        values.push(model.values[k]);
      } else fixed += model.values[k] * valueOf(c);
    }
    rowLower[i] = model.rowLower[r] - fixed;
    rowUpper[i] = model.rowUpper[r] - fixed;
    rowStart[i + 1] = colIndex.length;
  });
  const pick = (a: Float64Array) => Float64Array.from(cols, (c) => a[c]);
  return {
    model: {
      name: `${model.name} [t=${from}..${to - 1}]`,
      objectiveOffset: 0,
      colNames: cols.map((c) => model.colNames[c]),
      colLower: pick(model.colLower),
      colUpper: pick(model.colUpper),
      colCost: pick(model.colCost),
      colIntegrality: model.colIntegrality && Uint8Array.from(cols, (c) => model.colIntegrality![c]),
      rowNames: rows.map((r) => model.rowNames[r]),
      rowLower,
      rowUpper,
      rowStart,
      colIndex: Int32Array.from(colIndex),
      values: Float64Array.from(values),
    },
    cols: Int32Array.from(cols),
    rows: Int32Array.from(rows),
  };
}

/**
 * The largest violation of a column or row bound by `x`, relative to max(1, |bound|) so that an
 * annual row in kg and an hourly balance in kW compare.
 */
export function maxViolation(model: LpModel, x: Float64Array): { value: number; name: string } {
  let worst = { value: 0, name: '' };
  const note = (over: number, bound: number, name: string) => {
    const v = over / Math.max(1, Math.abs(bound));
    if (v > worst.value) worst = { value: v, name };
  };
  for (let c = 0; c < model.colNames.length; c++) {
    note(model.colLower[c] - x[c], model.colLower[c], model.colNames[c]);
    note(x[c] - model.colUpper[c], model.colUpper[c], model.colNames[c]);
  }
  for (let r = 0; r < model.rowNames.length; r++) {
    let a = 0;
    for (let k = model.rowStart[r]; k < model.rowStart[r + 1]; k++)
      a += model.values[k] * x[model.colIndex[k]];
    note(model.rowLower[r] - a, model.rowLower[r], model.rowNames[r]);
    note(a - model.rowUpper[r], model.rowUpper[r], model.rowNames[r]);
  }
  return worst;
}

/** A soft lower bound on a column of a window: below `level`, each unit short costs `penalty`. */
export interface SoftTarget {
  /** Column of the full model (must be free in the window). */
  col: number;
  level: number;
  penalty: number;
}

/**
 * The window with soft targets: per target a shortfall column s ≥ 0 at cost `penalty` and the row
 * x[col] + s ≥ level (named `target_<column>`). The rolling dispatch aims the storage level at the
 * end of a window at the full-year LP's level there, so that a window does not empty a storage the
 * hours after it rely on.
 */
export function withTargets(w: WindowModel, targets: readonly SoftTarget[]): WindowModel {
  if (!targets.length) return w;
  const m = w.model;
  const local = new Map(Array.from(w.cols, (c, i) => [c, i]));
  const n = m.colNames.length;
  const k = targets.length;
  const colNames = [...m.colNames, ...targets.map((t) => `short_${m.colNames[local.get(t.col)!]}`)];
  const grow = (a: Float64Array, extra: (t: SoftTarget) => number) =>
    Float64Array.from([...a, ...targets.map(extra)]);
  const nnz = m.colIndex.length;
  const rowStart = Int32Array.from([...m.rowStart, ...targets.map((_, i) => nnz + 2 * (i + 1))]);
  const colIndex = Int32Array.from([
    ...m.colIndex,
    ...targets.flatMap((t, i) => {
      const j = local.get(t.col);
      if (j === undefined) throw new Error(`target column ${t.col} is not free in the window`);
      return [j, n + i];
    }),
  ]);
  return {
    ...w,
    model: {
      ...m,
      colNames,
      colLower: grow(m.colLower, () => 0),
      colUpper: grow(m.colUpper, () => Infinity),
      colCost: grow(m.colCost, (t) => t.penalty),
      colIntegrality:
        m.colIntegrality && Uint8Array.from([...m.colIntegrality, ...new Array<number>(k).fill(0)]),
      rowNames: [...m.rowNames, ...targets.map((t) => `target_${m.colNames[local.get(t.col)!]}`)],
      rowLower: grow(m.rowLower, (t) => t.level),
      rowUpper: grow(m.rowUpper, () => Infinity),
      rowStart,
      colIndex,
      values: Float64Array.from([...m.values, ...targets.flatMap(() => [1, 1])]),
    },
  };
}
