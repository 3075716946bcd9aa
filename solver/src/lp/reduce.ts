import type { LpModel } from './model';

/**
 * The LP without what fixed columns make trivial, as a solver's presolve would remove it, but before
 * the model crosses into the solver: a full year dispatched with fixed capacities has ~92,000 rows
 * `q[t] ≤ a[t]·cap` that become column bounds (the reference hub: 135,633 → 43,800 rows).
 *
 * - A fixed column (lower = upper) leaves every row: `a·x_fixed` moves into the row's bounds and its
 *   cost into the objective offset. The column stays (without entries), so column numbers and the
 *   solution vector are those of the model.
 * - A row left with one column,  L ≤ a·x_j ≤ U,  becomes the bound  L/a ≤ x_j ≤ U/a  (swapped for
 *   a < 0), tightening what x_j had; the row is dropped.
 * - A row left with no column is dropped when its constant lies within its bounds.
 *
 * The reduced model has the same optimum and the same optimal column values; row duals are not
 * carried back. Null when a dropped row or a tightened bound is infeasible by more than `tol`
 * (relative): the caller then solves the model itself, and the solver explains the infeasibility.
 */
export interface ReducedModel {
  model: LpModel;
  /** Model row of each reduced row. */
  rowOf: Int32Array;
}

export function reduceFixed(m: LpModel, tol = 1e-9): ReducedModel | null {
  const n = m.colNames.length;
  const fixed = (j: number) => m.colLower[j] === m.colUpper[j];
  const lower = Float64Array.from(m.colLower);
  const upper = Float64Array.from(m.colUpper);
  const cost = Float64Array.from(m.colCost);
  let offset = m.objectiveOffset;
  for (let j = 0; j < n; j++)
    if (fixed(j)) {
      offset += m.colCost[j] * m.colLower[j];
      cost[j] = 0;
    }
  const rowOf: number[] = [];
  const rowStart = [0];
  const colIndex: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const near = (a: number, b: number) => a <= b + tol * Math.max(1, Math.abs(a), Math.abs(b));
  for (let r = 0; r < m.rowNames.length; r++) {
    let constant = 0;
    let free = 0;
    let last = -1;
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
      const j = m.colIndex[k];
      if (fixed(j)) constant += m.values[k] * m.colLower[j];
      else {
        free++;
        last = k;
      }
    }
    const lo = m.rowLower[r] - constant;
    const hi = m.rowUpper[r] - constant;
    if (free === 0) {
      if (!near(0, hi) || !near(lo, 0)) return null;
      continue;
    }
    if (free === 1) {
      const a = m.values[last];
      const j = m.colIndex[last];
      const [l, u] = a > 0 ? [lo / a, hi / a] : [hi / a, lo / a];
      lower[j] = Math.max(lower[j], l);
      upper[j] = Math.min(upper[j], u);
      if (!near(lower[j], upper[j])) return null;
      if (lower[j] > upper[j]) lower[j] = upper[j]; // equal within round-off
      continue;
    }
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++)
      if (!fixed(m.colIndex[k])) {
        colIndex.push(m.colIndex[k]);
        values.push(m.values[k]);
      }
    rowStart.push(colIndex.length);
    rowLower.push(lo);
    rowUpper.push(hi);
    rowOf.push(r);
  }
  return {
    model: {
      name: m.name,
      objectiveOffset: offset,
      colNames: m.colNames,
      colLower: lower,
      colUpper: upper,
      colCost: cost,
      colIntegrality: m.colIntegrality,
      rowNames: rowOf.map((r) => m.rowNames[r]),
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      rowStart: Int32Array.from(rowStart),
      colIndex: Int32Array.from(colIndex),
      values: Float64Array.from(values),
    },
    rowOf: Int32Array.from(rowOf),
  };
}
