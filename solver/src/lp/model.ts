/**
 * The solver-neutral linear program: what model building produces and every backend consumes.
 * Rows are stored in compressed sparse row form (typed arrays), so the 8760-hour model passes to
 * HiGHS-WASM without text parsing. Every column and row has a readable name
 * (e.g. `hp_heat_out[t=17]`, `heat_balance[t=17]`), used in LP export, diagnostics and glpk.js.
 */

import { toRow, type Sense, type Side } from './expr';

export type Integrality = 0 | 1; // 0 continuous, 1 integer (binaries are integers with bounds [0, 1])

export interface LpModel {
  name: string;
  /** Constant added to the objective (e.g. fixed costs of existing plants). */
  objectiveOffset: number;
  colNames: string[];
  colLower: Float64Array;
  colUpper: Float64Array;
  colCost: Float64Array;
  /** Present only when the model has integer columns. */
  colIntegrality?: Uint8Array;
  rowNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row r has entries rowStart[r] .. rowStart[r+1]-1 in colIndex / values. */
  rowStart: Int32Array;
  colIndex: Int32Array;
  values: Float64Array;
}

export const numCols = (m: LpModel): number => m.colNames.length;
export const numRows = (m: LpModel): number => m.rowNames.length;

/** Incremental builder; `build()` freezes it into an {@link LpModel}. */
export class LpBuilder {
  private readonly colNames: string[] = [];
  private colLower: number[] = [];
  private colUpper: number[] = [];
  private colCost: number[] = [];
  private colInt: number[] = [];
  private readonly rowNames: string[] = [];
  private rowLower: number[] = [];
  private rowUpper: number[] = [];
  private rowStart: number[] = [0];
  private colIndex: number[] = [];
  private values: number[] = [];
  private hasInt = false;
  objectiveOffset = 0;

  constructor(readonly name: string) {}

  get numCols(): number {
    return this.colNames.length;
  }
  get numRows(): number {
    return this.rowNames.length;
  }

  /** Adds a column and returns its index. */
  addCol(name: string, lower = 0, upper = Infinity, cost = 0, integer = false): number {
    this.colNames.push(name);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.colCost.push(cost);
    this.colInt.push(integer ? 1 : 0);
    if (integer) this.hasInt = true;
    return this.colNames.length - 1;
  }

  /** Adds `cost` to the objective coefficient of column `col`. */
  addCost(col: number, cost: number): void {
    this.colCost[col] += cost;
  }

  setCost(col: number, cost: number): void {
    this.colCost[col] = cost;
  }

  /** Raises the lower bound of a column to at least `lower` (never above its upper bound). */
  raiseLower(col: number, lower: number): void {
    this.colLower[col] = Math.min(Math.max(this.colLower[col], lower), this.colUpper[col]);
  }

  setBounds(col: number, lower: number, upper: number): void {
    this.colLower[col] = lower;
    this.colUpper[col] = upper;
  }

  /**
   * Adds a row `lower <= sum(coefs[i] * x[cols[i]]) <= upper` and returns its index.
   * Duplicate columns in one row are summed; zero coefficients are dropped.
   */
  addRow(
    name: string,
    cols: readonly number[],
    coefs: readonly number[],
    lower: number,
    upper: number,
  ): number {
    if (cols.length !== coefs.length)
      throw new Error(`row ${name}: ${cols.length} columns but ${coefs.length} coefficients`);
    const start = this.colIndex.length;
    // Where each column already stands in this row: a scan for short rows, a map for long ones
    // (an annual row over 8,760 hours would otherwise cost n² / 2 comparisons).
    const at = cols.length > 16 ? new Map<number, number>() : undefined;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      const v = coefs[i];
      if (v === 0) continue;
      if (!(c >= 0 && c < this.colNames.length))
        throw new Error(`row ${name}: column index ${c} out of range`);
      if (!Number.isFinite(v))
        throw new Error(`row ${name}: coefficient ${v} for ${this.colNames[c]} is not finite`);
      let k = at ? (at.get(c) ?? -1) : -1;
      if (!at) for (let j = start; j < this.colIndex.length && k < 0; j++) if (this.colIndex[j] === c) k = j;
      if (k >= 0) this.values[k] += v;
      else {
        at?.set(c, this.colIndex.length);
        this.colIndex.push(c);
        this.values.push(v);
      }
    }
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowStart.push(this.colIndex.length);
    return this.rowNames.length - 1;
  }

  /**
   * Adds the row `lhs sense rhs` (e.g. `term(q[t]), '<=', term(cap)`) and returns its index: the
   * terms of `lhs` as written and those of `rhs` negated, constants moved into the bound. See
   * {@link toRow}.
   */
  addConstraint(name: string, lhs: Side, sense: Sense, rhs: Side): number {
    const r = toRow(lhs, sense, rhs);
    return this.addRow(name, r.cols, r.coefs, r.lower, r.upper);
  }

  build(): LpModel {
    return {
      name: this.name,
      objectiveOffset: this.objectiveOffset,
      colNames: this.colNames.slice(),
      colLower: Float64Array.from(this.colLower),
      colUpper: Float64Array.from(this.colUpper),
      colCost: Float64Array.from(this.colCost),
      colIntegrality: this.hasInt ? Uint8Array.from(this.colInt) : undefined,
      rowNames: this.rowNames.slice(),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStart: Int32Array.from(this.rowStart),
      colIndex: Int32Array.from(this.colIndex),
      values: Float64Array.from(this.values),
    };
  }
}
