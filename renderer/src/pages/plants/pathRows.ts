/**
 * The year paths of a transformation path (project format v2, `periods`) the plants page edits
 * per period year, once: the path table (PathSection) renders them, the problem list
 * (project/problems.ts) names their places with them. No React here.
 */

/** How a path is read between the given years (solver/src/project/schema.ts, YearPathSchema). */
export type PathMode = 'interpolate' | 'step';

export interface PathRow {
  /** Row key; i18n label planner.path.rows.<key>. */
  key: string;
  /** Where the year path is, below /periods (e.g. ['prices', 'co2Price_EUR_t']). */
  at: string[];
  /** Unit as shown. */
  unit: string;
  /** Shown value = stored value × scale (shares in %, EUR/kWh in ct/kWh). */
  scale: number;
  /** Upper bound as shown (the format's maximum × scale), if any. */
  max?: number;
  /** Prices and factors interpolate; targets and caps hold from their year on. */
  mode: PathMode;
  /**
   * What holds in a year the path gives no value for (solver/src/project/periods.ts, periodProject):
   * the project's single value at this pointer, or a fixed value (a demand factor of 1). Absent:
   * nothing (no aid).
   */
  otherwise?: { pointer: string } | { value: number };
}

export const PATH_ROWS: PathRow[] = [
  {
    key: 'co2Price',
    at: ['prices', 'co2Price_EUR_t'],
    unit: 'EUR/t',
    scale: 1,
    mode: 'interpolate',
    otherwise: { pointer: '/economics/co2Price_EUR_t' },
  },
  {
    key: 'gridCo2',
    at: ['prices', 'gridCo2_kg_kWh'],
    unit: 'kg/kWh',
    scale: 1,
    mode: 'interpolate',
    otherwise: { pointer: '/grid/import/co2_kg_kWh' },
  },
  {
    key: 'gridRenewable',
    at: ['prices', 'gridRenewableShare'],
    unit: '%',
    scale: 100,
    max: 100,
    mode: 'interpolate',
    otherwise: { pointer: '/grid/import/renewableShare' },
  },
  {
    key: 'minRenewableHeat',
    at: ['targets', 'minRenewableHeatShare'],
    unit: '%',
    scale: 100,
    max: 100,
    mode: 'step',
    otherwise: { pointer: '/constraints/minRenewableHeatShare' },
  },
  {
    key: 'co2Cap',
    at: ['targets', 'co2Cap_t'],
    unit: 't/a',
    scale: 1,
    mode: 'step',
    otherwise: { pointer: '/constraints/co2Cap_t' },
  },
  {
    key: 'heatDemandFactor',
    at: ['demand', 'heat', 'factor'],
    unit: '',
    scale: 1,
    mode: 'interpolate',
    otherwise: { value: 1 },
  },
  { key: 'bewHeatPump', at: ['bew', 'heatPump_EUR_kWh'], unit: 'ct/kWh', scale: 100, mode: 'interpolate' },
  {
    key: 'bewSolarThermal',
    at: ['bew', 'solarThermal_EUR_kWh'],
    unit: 'ct/kWh',
    scale: 100,
    mode: 'interpolate',
  },
];

/** The JSON pointer of a row's value in one year. */
export const rowPointer = (row: PathRow, year: number | string) => `/periods/${row.at.join('/')}/${year}`;

/** The row a pointer below /periods belongs to, and the year it names (if any). */
export function rowAt(pointer: string): { row: PathRow; year?: string } | undefined {
  const parts = pointer.split('/').slice(1);
  if (parts[0] !== 'periods') return undefined;
  for (const row of PATH_ROWS) {
    const n = row.at.length;
    if (row.at.every((p, i) => parts[i + 1] === p) && parts.length <= n + 2)
      return parts.length === n + 2 ? { row, year: parts[n + 1] } : { row };
  }
  return undefined;
}
