import { describe, expect, it } from 'vitest';
import type { Dispatch, Results } from '../results';
import {
  carrierOf,
  carrierStacks,
  compareRows,
  diffClass,
  durationCurve,
  heatmapCells,
  isNotable,
  niceMax,
  parseColumn,
  peakWeek,
  sankeyImbalance,
  sankeyOf,
  socColumns,
  stackedMax,
  usedCostCategories,
} from './index';

const f = (...v: number[]) => Float64Array.from(v);

/** Three hours: heat from a boiler, a heat pump and a storage; electricity from the grid. */
function smallDispatch(): Dispatch {
  return {
    hours: Int32Array.from([0, 1, 25]),
    weight: f(1, 1, 1),
    year: 2025,
    series: {
      'gb.heat_out_kW': f(10, 0, 5),
      'hp.heat_out_kW': f(30, 40, 20),
      'hp.el_in_kW': f(10, 12, 8),
      'tes.charge_kW': f(5, 0, 0),
      'tes.discharge_kW': f(0, 4, 0),
      'tes.soc_kWh': f(5, 0.8, 0),
      'grid.import_kW': f(20, 22, 18),
      'grid.export_kW': f(0, 0, 0),
    },
  };
}

function smallResults(over: Partial<Results> = {}): Results {
  return {
    status: 'optimal',
    scenario: 'base',
    objective: { totalAnnualCost_EUR: 1000, co2_tCO2: 2 },
    capacities: { gb: { power_kW: 10 }, hp: { power_kW: 40 }, tes: { energy_kWh: 50, power_kW: 5 } },
    annual: {
      gb: { heat_out_MWh: 9 },
      hp: { heat_out_MWh: 30, el_in_MWh: 10 },
      tes: { charge_MWh: 2, discharge_MWh: 1.8 },
      grid: { import_MWh: 25, export_MWh: 1 },
      pv: { el_out_MWh: 4 },
    },
    costs: {
      byCategory_EUR: {
        annuity: 600,
        subsidy: -100,
        fixedOm: 0,
        variableOm: 0,
        fuel: 300,
        gridEnergy: 200,
        gridPeak: 0,
        co2: 0,
        exportRevenue: 0,
        bonus: 0,
      },
      byTechnology_EUR: { gb: 500, hp: 300, grid: 200 },
    },
    emissions_tCO2: 2,
    kpis: {
      heatDemand_MWh: 37.8,
      electricityDemand_MWh: 18,
      lcoh_EUR_MWh: 20,
      lcoe_EUR_MWh: 10,
      renewableHeatShare: 0.5,
      fullLoadHours_h: {},
    },
    balance: { maxResidual_kW: 0, ok: true },
    warnings: [],
    solve: { solver: 'highs', mode: 'full', seconds: 1, gap: null, columns: 1, rows: 1 },
    ...over,
  };
}

const techs = {
  gb: { type: 'boiler', fuel: 'gas', efficiency: 0.9 },
  hp: { type: 'heatPump' },
  tes: { type: 'heatStorage' },
  pv: { type: 'pv' },
};

describe('dispatch columns', () => {
  it('splits a column name into technology, flow and unit', () => {
    expect(parseColumn('chp.heat_out_kW')).toEqual({
      name: 'chp.heat_out_kW',
      techId: 'chp',
      flow: 'heat_out',
      unit: 'kW',
    });
    expect(parseColumn('tes.soc_kWh')?.unit).toBe('kWh');
    expect(parseColumn('nonsense')).toBeNull();
  });

  it('gives storage its carrier from the technology type, else from its name', () => {
    const col = (name: string) => parseColumn(name)!;
    expect(carrierOf(col('x.charge_kW'), { x: { type: 'heatStorage' } })).toBe('heat');
    expect(carrierOf(col('tes.charge_kW'), { tes: { type: 'battery' } })).toBe('electricity');
    expect(carrierOf(col('tes.charge_kW'))).toBe('heat');
    expect(carrierOf(col('bat.discharge_kW'))).toBe('electricity');
    expect(carrierOf(col('hp.el_in_kW'))).toBe('electricity');
    expect(carrierOf(col('tes.soc_kWh'))).toBeNull();
  });
});

describe('carrier stacks', () => {
  it('stacks supply above and use below zero, and the demand is the balance', () => {
    const s = carrierStacks(smallDispatch(), 'heat', techs);
    expect(s.supply.map((x) => x.column)).toEqual(['gb.heat_out_kW', 'hp.heat_out_kW', 'tes.discharge_kW']);
    expect(s.use.map((x) => x.column)).toEqual(['tes.charge_kW']);
    expect(Array.from(s.use[0].values)).toEqual([-5, 0, 0]);
    // 10 + 30 − 5, 0 + 40 + 4, 5 + 20
    expect(Array.from(s.demand)).toEqual([35, 44, 25]);
    expect(stackedMax(s)).toBe(44);
  });

  it('nets simultaneous charge and discharge of a storage per step', () => {
    const d = smallDispatch();
    d.series['tes.charge_kW'] = f(5, 1, 2);
    d.series['tes.discharge_kW'] = f(3, 4, 2);
    const s = carrierStacks(d, 'heat', techs);
    expect(Array.from(s.use[0].values)).toEqual([-2, 0, 0]);
    expect(Array.from(s.supply[2].values)).toEqual([0, 3, 0]);
    // The demand (balance) is the same netted or not.
    expect(Array.from(s.demand)).toEqual(Array.from(carrierStacks(d, 'heat', techs, false).demand));
  });

  it('leaves out columns that are zero throughout', () => {
    const s = carrierStacks(smallDispatch(), 'electricity', techs);
    expect(s.supply.map((x) => x.column)).toEqual(['grid.import_kW']);
    expect(s.use.map((x) => x.column)).toEqual(['hp.el_in_kW']);
    expect(Array.from(s.demand)).toEqual([10, 10, 10]);
  });

  it('finds the storage levels', () => {
    expect(socColumns(smallDispatch())).toEqual(['tes.soc_kWh']);
  });
});

describe('duration curve', () => {
  it('is the series sorted from largest to smallest against the cumulative weight', () => {
    const c = durationCurve([1, 3, 2], [1, 2, 1]);
    expect(Array.from(c.values)).toEqual([3, 2, 1]);
    expect(Array.from(c.hours)).toEqual([2, 3, 4]);
  });

  it('refuses weights of another length', () => {
    expect(() => durationCurve([1, 2], [1])).toThrow('2 values but 1 weights');
  });
});

describe('heatmap', () => {
  it('puts each step at its hour of day and day of year', () => {
    const h = heatmapCells(smallDispatch(), 'hp.heat_out_kW');
    expect(h.cells).toEqual([
      [0, 0, 30],
      [1, 0, 40],
      [1, 1, 20],
    ]);
    expect(h.days).toBe(2);
    expect([h.min, h.max]).toEqual([20, 40]);
  });

  it('names a missing column', () => {
    expect(() => heatmapCells(smallDispatch(), 'x.y_kW')).toThrow("no dispatch column 'x.y_kW'");
  });
});

describe('Sankey of annual energies', () => {
  it('balances every plant and bus to 1e-6 and derives fuel and ambient heat', () => {
    const s = sankeyOf(smallResults(), techs);
    const byPair = Object.fromEntries(s.links.map((l) => [`${l.source}→${l.target}`, l.value_MWh]));
    expect(byPair['source:fuel:gas→plant:gb']).toBeCloseTo(10, 12); // 9 MWh heat at 90 %
    expect(byPair['plant:gb→sink:losses']).toBeCloseTo(1, 12);
    expect(byPair['source:ambient→plant:hp']).toBeCloseTo(20, 12);
    expect(byPair['source:sun→plant:pv']).toBeCloseTo(4, 12);
    expect(byPair['source:grid→bus:electricity']).toBe(25);
    expect(byPair['bus:electricity→sink:export']).toBe(1);
    expect(byPair['bus:heat→sink:charge:tes']).toBe(2);
    expect(byPair['source:discharge:tes→bus:heat']).toBe(1.8);
    // heat: 9 + 30 + 1.8 − 2 = 38.8; electricity: 25 + 4 − 10 − 1 = 18
    expect(byPair['bus:heat→sink:demand:heat']).toBeCloseTo(38.8, 12);
    expect(byPair['bus:electricity→sink:demand:electricity']).toBeCloseTo(18, 12);
    const imbalance = sankeyImbalance(s);
    expect(Object.keys(imbalance).sort()).toEqual([
      'bus:electricity',
      'bus:heat',
      'plant:gb',
      'plant:hp',
      'plant:pv',
    ]);
    for (const v of Object.values(imbalance)) expect(Math.abs(v)).toBeLessThan(1e-6);
    // Every link joins known nodes; no node without a link.
    const ids = new Set(s.nodes.map((n) => n.id));
    for (const l of s.links) expect(ids.has(l.source) && ids.has(l.target)).toBe(true);
    expect(s.nodes).toHaveLength(new Set(s.links.flatMap((l) => [l.source, l.target])).size);
  });

  it('nets storage flows from the dispatch and still balances', () => {
    const d = smallDispatch();
    d.series['tes.charge_kW'] = f(5, 1, 2);
    d.series['tes.discharge_kW'] = f(3, 4, 2);
    const s = sankeyOf(smallResults(), techs, d);
    const byPair = Object.fromEntries(s.links.map((l) => [`${l.source}→${l.target}`, l.value_MWh]));
    expect(byPair['bus:heat→sink:charge:tes']).toBeCloseTo(0.002, 12); // 2 kWh
    expect(byPair['source:discharge:tes→bus:heat']).toBeCloseTo(0.003, 12); // 3 kWh
    for (const v of Object.values(sankeyImbalance(s))) expect(Math.abs(v)).toBeLessThan(1e-6);
  });

  it('takes the unexplained output as fuel when the efficiency is unknown', () => {
    const s = sankeyOf(smallResults());
    expect(s.links.find((l) => l.target === 'plant:gb')).toEqual({
      source: 'source:fuel:fuel',
      target: 'plant:gb',
      value_MWh: 9,
    });
  });
});

describe('comparison', () => {
  it('lists KPIs, capacities and costs with absolute and relative differences to the first', () => {
    const a = smallResults();
    const b = smallResults({
      objective: { totalAnnualCost_EUR: 1100, co2_tCO2: 2 },
      capacities: { gb: { power_kW: 0 }, hp: { power_kW: 60 } },
    });
    const rows = compareRows([a, b]);
    const total = rows.find((r) => r.key === 'totalCost')!;
    expect(total.values).toEqual([1000, 1100]);
    expect(total.diffs[1].abs).toBe(100);
    expect(total.diffs[1].rel).toBeCloseTo(0.1, 12);
    expect(isNotable(total.diffs[1])).toBe(true);
    expect(diffClass(total, total.diffs[1])).toBe('worse');
    const share = rows.find((r) => r.key === 'renewableHeatShare')!;
    expect(diffClass(share, { abs: 5, rel: 0.1 })).toBe('better');
    expect(diffClass(share, { abs: 0, rel: 0 })).toBeNull();
    const hp = rows.find((r) => r.kind === 'capacity' && r.key === 'hp')!;
    expect(hp.diffs[1]).toEqual({ abs: 20, rel: 0.5 });
    expect(diffClass(hp, hp.diffs[1])).toBe('changed');
    const tesEnergy = rows.find((r) => r.key === 'tes' && r.unit === 'kWh')!;
    expect(tesEnergy.values).toEqual([50, null]);
    expect(tesEnergy.diffs[1]).toEqual({ abs: null, rel: null });
    expect(rows.filter((r) => r.kind === 'cost').map((r) => r.key)).toEqual(usedCostCategories([a, b]));
    expect(usedCostCategories([a])).toEqual(['annuity', 'subsidy', 'fuel', 'gridEnergy']);
    expect(rows.find((r) => r.key === 'gridImport')).toBeUndefined();
    expect(isNotable({ abs: 0.001, rel: 0.00001 })).toBe(false);
    expect(isNotable({ abs: 3, rel: null })).toBe(true);
  });

  it('gives each capacity the unit of its technology (PV kWp, CHP kW el)', () => {
    const a = smallResults({ capacities: { pv: { power_kW: 150 }, chp: { power_kW: 80 } } });
    const rows = compareRows([a, a], { pv: { type: 'pv' }, chp: { type: 'chp' } });
    expect(rows.find((r) => r.key === 'pv')!.unit).toBe('kWp');
    expect(rows.find((r) => r.key === 'chp')!.unit).toBe('kW el');
  });

  it('rounds a common axis maximum up to 1, 2, 2.5 or 5 × 10^n', () => {
    expect(niceMax([0.3, 870])).toBe(1000);
    expect(niceMax([1800])).toBe(2000);
    expect(niceMax([2100])).toBe(2500);
    expect(niceMax([4000])).toBe(5000);
    expect(niceMax([])).toBe(1);
  });
});

describe('default week of a full-year dispatch', () => {
  it('is the 168 hours around the peak heat demand, clamped to the year', () => {
    const year = new Float64Array(8760).fill(10);
    year[1000] = 99;
    expect(peakWeek(year)).toEqual({ start: 916, end: 1083, peak: 1000 });
    year[1000] = 10;
    year[8750] = 99; // late December: the last week of the year
    expect(peakWeek(year)).toEqual({ start: 8592, end: 8759, peak: 8750 });
    year[8750] = 10;
    year[3] = 99;
    expect(peakWeek(year)).toEqual({ start: 0, end: 167, peak: 3 });
  });

  it('is none for typical days (a short dispatch shows whole)', () => {
    expect(peakWeek(new Float64Array(24 * 10))).toBeNull();
  });
});
