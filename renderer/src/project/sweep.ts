import { getPointer } from './pointer';
import type { StoredProject } from './document';

// The grid itself is the solver's (solver/src/batch/sweepGrid.ts), shared with `werkplan batch`.
export { axisValues, sweepGrid, type SweepAxis, type SweepPoint } from '../../../solver/src';

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
