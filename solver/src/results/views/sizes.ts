import type { PreviewSizes } from '../../lp/backend';
import type { Results } from '../results';

/**
 * One plant's sizes as text, as every preview and front table writes them: energy, area, then power,
 * each only where the plant has it ("23.9 kWh / 12.0 kW"), in the caller's number format and with the
 * plant's power unit ("kWp" for PV, "kW el" for a CHP). Shared by the CLI and the planner.
 */
export function sizesText(c: PreviewSizes, num: (v: number) => string, powerUnit = 'kW'): string {
  return [
    c.energy_kWh !== undefined ? `${num(c.energy_kWh)} kWh` : '',
    c.area_m2 !== undefined ? `${num(c.area_m2)} m²` : '',
    c.power_kW !== undefined ? `${num(c.power_kW)} ${powerUnit}` : '',
  ]
    .filter(Boolean)
    .join(' / ');
}

/** A preview's plants as "name sizes" items, in the order given. */
export function sizesList(
  capacities: Record<string, PreviewSizes>,
  name: (id: string) => string,
  num: (v: number) => string,
  powerUnit: (id: string) => string = () => 'kW',
): string[] {
  return Object.entries(capacities).map(([id, c]) => `${name(id)} ${sizesText(c, num, powerUnit(id))}`);
}

/** A capacity without solver round-off: below 1e-6 (kW, kWh, m²) it is 0, never −0 or 1e-9. */
export const cleanCapacity = (v: number): number => (Math.abs(v) < 1e-6 ? 0 : v);

/** Capacities without solver round-off (no −0, no 1e-9 kW) and without absent quantities. */
export function cleanCapacities(c: Results['capacities']): Results['capacities'] {
  return Object.fromEntries(
    Object.entries(c).map(([id, cap]) => [
      id,
      Object.fromEntries(
        Object.entries(cap)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, cleanCapacity(v as number)]),
      ),
    ]),
  );
}
