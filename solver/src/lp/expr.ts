/**
 * Linear expressions over LP columns, so that model code writes a row the way its equation reads:
 *
 *   soc[t] = keep·soc[t−1] + ηch·ch[t] − dis[t]/ηdis
 *   b.addConstraint(name, term(soc[t]), '==', term(soc[prev], keep).plus(ch[t], ηch).minus(dis[t], 1 / ηdis))
 *
 * An expression is a list of terms (column index, coefficient) in the order they were written, plus
 * a constant. {@link toRow} moves everything onto the left-hand side: the terms of `lhs` as written,
 * then those of `rhs` negated, and the constants into the bound. Terms are not merged or reordered
 * here; the builder's `addRow` sums duplicate columns and drops zero coefficients, so a row written
 * as an expression is exactly the row written by hand with the same terms in the same order.
 */
export class LinExpr {
  readonly cols: number[] = [];
  readonly coefs: number[] = [];
  constant = 0;

  /** Adds `coef · x[col]`. */
  plus(col: number, coef = 1): this {
    this.cols.push(col);
    this.coefs.push(coef);
    return this;
  }

  /** Adds `−coef · x[col]`. */
  minus(col: number, coef = 1): this {
    return this.plus(col, -coef);
  }

  /** Adds `factor ·` another expression (its terms and its constant). */
  add(other: LinExpr, factor = 1): this {
    const n = other.cols.length; // fixed first: `other` may be this expression
    for (let i = 0; i < n; i++) this.plus(other.cols[i], factor * other.coefs[i]);
    this.constant += factor * other.constant;
    return this;
  }

  /** Adds a constant. */
  plusConstant(value: number): this {
    this.constant += value;
    return this;
  }

  /** A new expression: this one times `factor`. */
  scale(factor: number): LinExpr {
    return new LinExpr().add(this, factor);
  }

  /** A new expression with the same terms and constant. */
  copy(): LinExpr {
    return new LinExpr().add(this);
  }

  get size(): number {
    return this.cols.length;
  }
}

/** A constant as an expression (e.g. `constant(1).minus(on)` for 1 − on). */
export const constant = (value: number): LinExpr => new LinExpr().plusConstant(value);

/** `coef · x[col]` as an expression. */
export const term = (col: number, coef = 1): LinExpr => new LinExpr().plus(col, coef);

/** The sum of expressions; a bare number is a column with coefficient 1. */
export function sum(...parts: (LinExpr | number)[]): LinExpr {
  const e = new LinExpr();
  for (const p of parts) {
    if (typeof p === 'number') e.plus(p);
    else e.add(p);
  }
  return e;
}

/** The sum of `coefs[i] · x[cols[i]]` (e.g. all emission terms). */
export function weightedSum(cols: ArrayLike<number>, coefs: ArrayLike<number>): LinExpr {
  if (cols.length !== coefs.length)
    throw new Error(`${cols.length} columns but ${coefs.length} coefficients`);
  const e = new LinExpr();
  for (let i = 0; i < cols.length; i++) e.plus(cols[i], coefs[i]);
  return e;
}

export type Sense = '<=' | '>=' | '==';
/** One side of a constraint: an expression, or a plain constant. */
export type Side = LinExpr | number;

/** A row `lower ≤ Σ coefs·x[cols] ≤ upper`, as {@link LpBuilder.addRow} takes it. */
export interface Row {
  cols: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

/** `lhs sense rhs` as a row: lhs − rhs (terms) against rhs − lhs (constants). */
export function toRow(lhs: Side, sense: Sense, rhs: Side): Row {
  const cols: number[] = [];
  const coefs: number[] = [];
  let bound = 0;
  if (typeof lhs === 'number') bound -= lhs;
  else {
    // Loops, not push(...spread): a year-long sum (e.g. all emissions) can exceed the argument limit.
    for (const c of lhs.cols) cols.push(c);
    for (const c of lhs.coefs) coefs.push(c);
    bound -= lhs.constant;
  }
  if (typeof rhs === 'number') bound = rhs + bound;
  else {
    for (const c of rhs.cols) cols.push(c);
    for (const c of rhs.coefs) coefs.push(-c);
    bound = rhs.constant + bound;
  }
  return {
    cols,
    coefs,
    lower: sense === '<=' ? -Infinity : bound,
    upper: sense === '>=' ? Infinity : bound,
  };
}

/**
 * The step before `step` when steps form periods of `length` laid end to end. With `cyclic`, the
 * first step of a period follows its last (a horizon that repeats, e.g. the year in full mode);
 * without, the first step has no predecessor and the result is −1 (a typical day starting empty).
 */
export function previousStep(step: number, length: number, cyclic: boolean): number {
  if (step % length > 0) return step - 1;
  return cyclic ? step + length - 1 : -1;
}

/** The index after `i` among `n`, the last followed by the first (days of a repeating year). */
export const nextCyclic = (i: number, n: number): number => (i + 1) % n;
