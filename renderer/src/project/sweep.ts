import { getPointer } from './pointer';
import type { StoredProject } from './document';

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
  if (b && b.pointer === a.pointer) throw new Error('the two parameters of a sweep must differ');
  const va = axisValues(a);
  const vb = b ? axisValues(b) : [undefined];
  const out: SweepPoint[] = [];
  vb.forEach((y, j) =>
    va.forEach((x, i) =>
      out.push({ i, j, overrides: { [a.pointer]: x, ...(b && y !== undefined ? { [b.pointer]: y } : {}) } }),
    ),
  );
  return out;
}

/** Numeric inputs of a project a sweep can vary (constant prices, CO2 price, interest, investments). */
export function sweepableParameters(doc: StoredProject): string[] {
  const out: string[] = [];
  const add = (p: string) => typeof getPointer(doc, p) === 'number' && out.push(p);
  for (const f of Object.keys(doc.fuels)) add(`/fuels/${f}/price_EUR_kWh`);
  add('/economics/co2Price_EUR_t');
  add('/economics/interestRate');
  add('/grid/import/price_EUR_kWh');
  add('/grid/import/price_EUR_kWh/adder');
  add('/grid/import/peakCharge_EUR_kW_a');
  add('/grid/export/price_EUR_kWh');
  for (const t of doc.technologies) add(`/technologies/${t.id}/capex_EUR_per_unit`);
  return out;
}
