import { describe, expect, it } from 'vitest';
import type { HeatPump } from '../project/types';
import { addHeatPump } from './heatPump';
import {
  airHeatPump,
  colBounds,
  costsOf,
  rowsOf,
  testProject,
  tinyAggregatedGrid,
  tinyContext,
  near,
} from './testing';

const zeros = new Float64Array(8760);
const steps = ['p=0,h=0', 'p=0,h=1', 'p=1,h=0', 'p=1,h=1'];
const weight = [2, 2, 1, 1];

// Supply 55 °C, 5 K across the evaporator, Carnot efficiency 0.5: COP = 0.5·328.15/(60 − T_source).
const hp: HeatPump = airHeatPump({ varOm_EUR_kWh: 0.002 });
const cop = (source_C: number) => (0.5 * 328.15) / (60 - source_C);

describe('air-source heat pump', () => {
  // Ambient 0 °C and −20 °C in hours 0 and 1, 10 °C in hours 48 and 49 (the second typical day).
  const p = testProject({ ambient: [0, -20], gridImport: { price: 0.2 }, technologies: [hp] });
  p.grid.import!.renewableShare = 0.3;
  const ctx = tinyContext(p, tinyAggregatedGrid());
  const copOfYear = addHeatPump(ctx, hp);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  const m = ctx.b.build();
  const copOfStep = [cop(0), cop(-20), cop(10), cop(10)];

  it('returns the COP of every hour of the year from the ambient temperature', () => {
    expect(copOfYear).toHaveLength(8760);
    expect(copOfYear[0]).toBeCloseTo(cop(0), 12);
    expect(copOfYear[1]).toBeCloseTo(cop(-20), 12);
    expect(copOfYear[100]).toBeCloseTo(cop(10), 12);
  });

  it('limits heat by the thermal capacity: q[t] ≤ cap', () => {
    expect(colBounds(m, 'cap_hp')).toEqual([0, Infinity]);
    expect(rowsOf(m, 'cap_hp')[1].coefs).toEqual({ 'heat_hp[p=0,h=1]': 1, cap_hp: -1 });
  });

  it('supplies q[t] to the heat balance and draws q[t]/COP[t] from the electricity balance', () => {
    steps.forEach((s, i) => {
      expect(rowsOf(m, 'heat_balance')[i].coefs).toEqual({ [`heat_hp[${s}]`]: 1 });
      const el = rowsOf(m, 'el_balance')[i].coefs[`heat_hp[${s}]`];
      expect(el).toBeCloseTo(-1 / copOfStep[i], 12);
    });
  });

  it('pays capacity and variable O&M per kWh of heat', () => {
    expect(costsOf(ctx, 'hp')).toEqual([
      { category: 'annuity', col: 'cap_hp', coef: 10 },
      ...steps.map((s, i) => ({ category: 'variableOm', col: `heat_hp[${s}]`, coef: weight[i] * 0.002 })),
    ]);
  });

  it('counts ambient heat and the renewable share of its electricity as renewable heat', () => {
    // w·(1 − 1/COP + 0.3/COP)
    expect(ctx.renewableHeat.map((r) => r.coef)).toEqual(
      copOfStep.map((c, i) => near(weight[i] * (1 - 0.7 / c), 12)),
    );
  });
});

describe('ground-source heat pump', () => {
  it('uses the constant ground temperature', () => {
    const g: HeatPump = { ...hp, heatSource: 'ground', groundTemp_C: 10 };
    const p = testProject({ technologies: [g] });
    const ctx = tinyContext(p, 3);
    const c = addHeatPump(ctx, g);
    expect(Array.from(c.slice(0, 3))).toEqual([cop(10), cop(10), cop(10)].map((v) => near(v, 12)));
    ctx.addBalances({ heat: zeros, electricity: zeros });
    expect(rowsOf(ctx.b.build(), 'el_balance')[2].coefs['heat_hp[t=2]']).toBeCloseTo(-1 / cop(10), 12);
  });
});
