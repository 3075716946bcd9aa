import { expect } from 'vitest';
import type { LpModel } from '../lp/model';
import type { Chp, HeatPump, Project, Technology } from '../project/types';
import { ModelContext, type CostCategory } from './context';
import { fullGrid, type TimeGrid } from './timegrid';

/** A year-long series whose first hours are `head` and the rest `fill`. */
export function yearSeries(head: number[], fill = 0, hours = 8760): number[] {
  const s = new Array<number>(hours).fill(fill);
  head.forEach((v, i) => (s[i] = v));
  return s;
}

/**
 * A small test project: interest 0 and lifetimes of 1 year make the annual capacity cost equal to
 * the specific investment, so optimal costs can be computed by hand.
 */
export function testProject(opts: {
  heat?: number[];
  electricity?: number[];
  technologies: Technology[];
  gasPrice?: number;
  co2Price_EUR_t?: number;
  gridImport?: { price: number[] | number; co2?: number; peak?: number };
  gridExport?: { price: number; limit?: number };
  extraSeries?: Record<string, number[]>;
  ambient?: number[];
}): Project {
  const timeSeries: Project['timeSeries'] = {
    heat: { unit: 'kW', values: yearSeries(opts.heat ?? []) },
    electricity: { unit: 'kW', values: yearSeries(opts.electricity ?? []) },
  };
  for (const [k, v] of Object.entries(opts.extraSeries ?? {}))
    timeSeries[k] = { unit: '-', values: yearSeries(v) };
  if (opts.ambient) timeSeries.ambient = { unit: '°C', values: yearSeries(opts.ambient, 10) };
  let importPrice: Project['fuels'][string]['price_EUR_kWh'] = 0;
  if (opts.gridImport) {
    if (typeof opts.gridImport.price === 'number') importPrice = opts.gridImport.price;
    else {
      timeSeries.import_price = { unit: 'EUR/kWh', values: yearSeries(opts.gridImport.price) };
      importPrice = { series: 'import_price' };
    }
  }
  return {
    formatVersion: 2,
    name: 'test',
    site: { year: 2023, timeZone: 'Europe/Berlin', ambientTemperature: opts.ambient ? 'ambient' : undefined },
    timeSeries,
    demands: { heat: 'heat', electricity: 'electricity' },
    economics: { interestRate: 0, co2Price_EUR_t: opts.co2Price_EUR_t ?? 0 },
    fuels: { gas: { price_EUR_kWh: opts.gasPrice ?? 0.1, co2_kg_kWh: 0.2, renewable: false } },
    grid: {
      import: opts.gridImport
        ? {
            price_EUR_kWh: importPrice,
            co2_kg_kWh: opts.gridImport.co2 ?? 0,
            peakCharge_EUR_kW_a: opts.gridImport.peak ?? 0,
          }
        : undefined,
      export: opts.gridExport
        ? { price_EUR_kWh: opts.gridExport.price, limit_kW: opts.gridExport.limit }
        : undefined,
    },
    technologies: opts.technologies,
  };
}

export const boiler = (
  id: string,
  efficiency: number,
  capex: number,
  extra: Partial<Technology> = {},
): Technology =>
  ({
    id,
    type: 'boiler',
    fuel: 'gas',
    efficiency,
    capex_EUR_per_unit: capex,
    lifetime_a: 1,
    fixedOm_share: 0,
    ...extra,
  }) as Technology;

/** An electric boiler: efficiency 1, `capex` EUR/kW for one year (free by default), no fixed O&M. */
export const electricBoiler = (id = 'eb', capex = 0): Technology => ({
  id,
  type: 'electricBoiler',
  efficiency: 1,
  capex_EUR_per_unit: capex,
  lifetime_a: 1,
  fixedOm_share: 0,
});

/** A gas CHP: ηel 0.4, ηth 0.5 (1.25 kW heat per kW el), 1 EUR/kW el for one year, no fixed O&M. */
export const chpPlant = (extra: Partial<Chp> = {}): Chp => ({
  id: 'chp',
  type: 'chp',
  fuel: 'gas',
  efficiencyEl: 0.4,
  efficiencyTh: 0.5,
  capex_EUR_per_unit: 1,
  lifetime_a: 1,
  fixedOm_share: 0,
  ...extra,
});

/** An air-source heat pump: supply 55 °C, ΔT 5 K, Carnot efficiency 0.5, COP in [1.5, 5.5], 10 EUR/kW. */
export const airHeatPump = (extra: Partial<HeatPump> = {}): HeatPump => ({
  id: 'hp',
  type: 'heatPump',
  heatSource: 'air',
  carnotEfficiency: 0.5,
  supplyTemp_C: 55,
  sourceDelta_K: 5,
  copMin: 1.5,
  copMax: 5.5,
  capex_EUR_per_unit: 10,
  lifetime_a: 1,
  fixedOm_share: 0,
  ...extra,
});

export const heatStorage = (id: string, capex: number, extra: Partial<Technology> = {}): Technology =>
  ({
    id,
    type: 'heatStorage',
    capex_EUR_per_unit: capex,
    lifetime_a: 1,
    fixedOm_share: 0,
    efficiencyCharge: 1,
    efficiencyDischarge: 1,
    loss_per_h: 0,
    cRate_per_h: 1,
    ...extra,
  }) as Technology;

export const battery = (
  id: string,
  capexEnergy: number,
  capexPower: number,
  extra: Partial<Technology> = {},
): Technology =>
  ({
    id,
    type: 'battery',
    capex_EUR_per_unit: capexEnergy,
    capexPower_EUR_kW: capexPower,
    lifetime_a: 1,
    fixedOm_share: 0,
    efficiencyCharge: 1,
    efficiencyDischarge: 1,
    selfDischarge_per_h: 0,
    ...extra,
  }) as Technology;

/**
 * Heat 100, 200, 150 kWh in the first three hours: a gas boiler (efficiency 0.95, 1 EUR/kW·a, gas
 * 0.05 EUR/kWh, 0.2 kg/kWh) or an electric boiler (5 EUR/kW·a, grid 0.24 EUR/kWh, 0.1 kg/kWh).
 *
 * By hand: all gas 200 + 450/0.95·0.05 = 223.6842105 EUR/a, 450/0.95·0.2 kg = 94.7368421 kg/a;
 * all electric 200·5 + 450·0.24 = 1108 EUR/a, 45 kg/a. Each kW of electric boiler (up to 100 kW)
 * runs all three hours: +4 + 3·(0.24 − 0.05/0.95) EUR/a and −3·(0.2/0.95 − 0.1) kg/a; the middle
 * of a three-point cost–CO2 front (CO2 ≤ 69.8684211 kg) needs 75 kW: 223.6842105 + 75·4.5621053
 * = 565.8421053 EUR/a. Returned through JSON, as a project file would be (no undefined keys).
 */
export function gasOrElectricBoiler(): Project {
  const p = testProject({
    heat: [100, 200, 150],
    gasPrice: 0.05,
    gridImport: { price: 0.24, co2: 0.1 },
    technologies: [
      boiler('gb', 0.95, 1),
      {
        id: 'eb',
        type: 'electricBoiler',
        efficiency: 1,
        capex_EUR_per_unit: 5,
        lifetime_a: 1,
        fixedOm_share: 0,
      },
    ],
  });
  return JSON.parse(JSON.stringify(p)) as Project;
}

/**
 * Two typical days of two hours each for hand-checked aggregated models: period 0 is hours 0–1 of
 * the year (weight 2 days), period 1 hours 48–49 (weight 1 day); the year has three days, sequence
 * 0, 1, 0.
 */
export function tinyAggregatedGrid(): TimeGrid {
  return {
    mode: 'aggregated',
    hours: Int32Array.from([0, 1, 48, 49]),
    weight: Float64Array.from([2, 2, 1, 1]),
    periodLength: 2,
    numPeriods: 2,
    sequence: Int32Array.from([0, 1, 0]),
    yearHours: 8760,
  };
}

/** A model context over the first `steps` hours of the year (full mode) or over a given grid. */
export function tinyContext(project: Project, grid: TimeGrid | number = 3): ModelContext {
  return new ModelContext(project, typeof grid === 'number' ? fullGrid(8760, grid) : grid, 'tiny');
}

/** A row as a test reads it: name, bounds and coefficients by column name. */
export interface RowView {
  name: string;
  lower: number;
  upper: number;
  coefs: Record<string, number>;
}

/** The rows whose name is `family` or starts with `family[`, in model order. */
export function rowsOf(m: LpModel, family: string): RowView[] {
  const out: RowView[] = [];
  for (let i = 0; i < m.rowNames.length; i++) {
    const name = m.rowNames[i];
    if (name !== family && !name.startsWith(`${family}[`)) continue;
    const coefs: Record<string, number> = {};
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) coefs[m.colNames[m.colIndex[k]]] = m.values[k];
    out.push({ name, lower: m.rowLower[i], upper: m.rowUpper[i], coefs });
  }
  return out;
}

/** Bounds of a column by name. */
export function colBounds(m: LpModel, name: string): [number, number] {
  const j = m.colNames.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return [m.colLower[j], m.colUpper[j]];
}

/** The recorded cost terms of a technology with column names, in the order they were added. */
export function costsOf(
  ctx: ModelContext,
  techId: string,
): { category: CostCategory; col: string; coef: number }[] {
  const colNames = ctx.b.build().colNames;
  return ctx.costs
    .filter((c) => c.techId === techId)
    .map((c) => ({ category: c.category, col: colNames[c.col], coef: c.coef }));
}

/**
 * Vitest's `expect.closeTo` as a number: an asymmetric matcher (typed `any`) that stands in for a
 * coefficient inside `toEqual` lists, within 10^−digits.
 */
export const near = (value: number, digits: number): number => expect.closeTo(value, digits) as number;
