/**
 * The pure grid of a sensitivity sweep: the values of each parameter and the points of a grid of one
 * or two parameters. Shared by the planner's sweep (renderer/src/project/sweeps.ts) and `werkplan batch`.
 */

export interface SweepAxis {
  pointer: string;
  from: number;
  to: number;
  /** Number of values, at least 2 (from and to included). */
  steps: number;
}

export interface SweepPoint {
  /** Index along axis 1 and axis 2 (0 when there is no second axis). */
  i: number;
  j: number;
  overrides: Record<string, number>;
}

/** Evenly spaced values from..to (both included). */
export function axisValues(a: SweepAxis): number[] {
  if (!Number.isInteger(a.steps) || a.steps < 2 || a.steps > 50)
    throw new Error(`${a.pointer}: steps must be a whole number from 2 to 50, not ${a.steps}`);
  return Array.from({ length: a.steps }, (_, k) => {
    const v = a.from + ((a.to - a.from) * k) / (a.steps - 1);
    return Number.parseFloat(v.toPrecision(12));
  });
}

/** The grid of one or two parameters: one solver run per point, axis 1 varying fastest. */
export function sweepGrid(a: SweepAxis, b?: SweepAxis): SweepPoint[] {
  return valueGrid(
    { pointer: a.pointer, values: axisValues(a) },
    b && { pointer: b.pointer, values: axisValues(b) },
  );
}

/** A parameter with its values given one by one. */
export interface ValueAxis {
  pointer: string;
  values: number[];
}

/** The grid of one or two parameters with explicit values, axis 1 varying fastest. */
export function valueGrid(a: ValueAxis, b?: ValueAxis): SweepPoint[] {
  if (b && b.pointer === a.pointer) throw new Error('the two parameters of a sweep must differ');
  const vb = b ? b.values : [undefined];
  const out: SweepPoint[] = [];
  vb.forEach((y, j) =>
    a.values.forEach((x, i) =>
      out.push({ i, j, overrides: { [a.pointer]: x, ...(b && y !== undefined ? { [b.pointer]: y } : {}) } }),
    ),
  );
  return out;
}
