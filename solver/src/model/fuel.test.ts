import { describe, expect, it } from 'vitest';
import { addFuelCosts } from './fuel';
import { costsOf, testProject, tinyAggregatedGrid, tinyContext, near } from './testing';

describe('fuel costs', () => {
  it('splits w·fuel per unit·price and w·fuel per unit·co2·CO2 price into fuel and co2, and records the kg', () => {
    // Gas from a series: 0.05 EUR/kWh in hour 0, 0.07 in hour 48; 0.2 kg/kWh at 100 EUR/t.
    const head = new Array<number>(49).fill(0);
    head[0] = 0.05;
    head[48] = 0.07;
    const p = testProject({ technologies: [], co2Price_EUR_t: 100, extraSeries: { gas: head } });
    p.fuels.gas.price_EUR_kWh = { series: 'gas' };
    const ctx = tinyContext(p, tinyAggregatedGrid());
    const x = ctx.b.addCol('x');
    addFuelCosts(ctx, 'gb', 'gas', x, 0, 2); // step 0: weight 2, 2 kWh fuel per unit of x
    addFuelCosts(ctx, 'gb', 'gas', x, 2, 2); // step 2: weight 1
    expect(costsOf(ctx, 'gb')).toEqual([
      { category: 'fuel', col: 'x', coef: near(2 * 2 * 0.05, 14) },
      { category: 'co2', col: 'x', coef: near(2 * 2 * 0.2 * 0.1, 14) },
      { category: 'fuel', col: 'x', coef: near(1 * 2 * 0.07, 14) },
      { category: 'co2', col: 'x', coef: near(1 * 2 * 0.2 * 0.1, 14) },
    ]);
    expect(ctx.emissions).toEqual([
      { col: x, kg: near(0.8, 14) },
      { col: x, kg: near(0.4, 14) },
    ]);
    expect(ctx.b.build().colCost[x]).toBeCloseTo(0.2 + 0.08 + 0.14 + 0.04, 14);
  });
});
