import { describe, expect, it } from 'vitest';
import type { Results } from '../results';
import {
  COST_CATEGORIES,
  COST_CATEGORY_NAMES,
  costCategoryName,
  costChart,
  usedCostCategories,
} from './costs';

const withCosts = (byCategory: Partial<Results['costs']['byCategory_EUR']>): Results => {
  const all = Object.fromEntries(COST_CATEGORIES.map((c) => [c, byCategory[c] ?? 0]));
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  return {
    costs: { byCategory_EUR: all, byTechnology_EUR: {} },
    objective: { totalAnnualCost_EUR: total, co2_tCO2: 0 },
  } as unknown as Results;
};

describe('cost categories (one list, one order, one set of names)', () => {
  it('names every category in German and English, in the list order', () => {
    expect(Object.keys(COST_CATEGORY_NAMES)).toEqual([...COST_CATEGORIES]);
    for (const c of COST_CATEGORIES) {
      expect(costCategoryName('de', c)).toBeTruthy();
      expect(costCategoryName('en', c)).toBeTruthy();
    }
    expect(costCategoryName('de', 'fuel')).toBe('Brennstoff');
    expect(costCategoryName('en', 'exportRevenue')).toBe('Export revenue');
    expect(costCategoryName('en', 'other')).toBe('other');
  });

  it('charts the used categories per scenario; the stacks add up to the totals', () => {
    // A: 600 − 100 + 300 + 0.3 (CO2, below half a euro: unused) = 800.3; B: 500 − 50 = 450
    const a = withCosts({ annuity: 600, subsidy: -100, fuel: 300, co2: 0.3 });
    const b = withCosts({ annuity: 500, exportRevenue: -50 });
    const c = costChart([
      { name: 'A', results: a },
      { name: 'B', results: b },
    ]);
    expect(c.scenarios).toEqual(['A', 'B']);
    expect(c.series).toEqual([
      { category: 'annuity', values_EUR: [600, 500] },
      { category: 'subsidy', values_EUR: [-100, 0] },
      { category: 'fuel', values_EUR: [300, 0] },
      { category: 'exportRevenue', values_EUR: [0, -50] },
    ]);
    const stack = (i: number) => c.series.reduce((s, x) => s + x.values_EUR[i], 0);
    expect(Math.abs(stack(0) + 0.3 - a.objective.totalAnnualCost_EUR)).toBeLessThan(1e-6);
    expect(Math.abs(stack(1) - b.objective.totalAnnualCost_EUR)).toBeLessThan(1e-6);
    expect(usedCostCategories([a, b])).toEqual(c.series.map((x) => x.category));
  });

  it('charts given categories in the given order', () => {
    const c = costChart([{ name: 'A', results: withCosts({ annuity: 1, fuel: 2 }) }], ['fuel', 'annuity']);
    expect(c.series).toEqual([
      { category: 'fuel', values_EUR: [2] },
      { category: 'annuity', values_EUR: [1] },
    ]);
  });
});
