import { describe, expect, it } from 'vitest';
import { addGrid } from './grid';
import { colBounds, costsOf, rowsOf, testProject, tinyAggregatedGrid, tinyContext, near } from './testing';

const zeros = new Float64Array(8760);
const steps = ['p=0,h=0', 'p=0,h=1', 'p=1,h=0', 'p=1,h=1'];
const weight = [2, 2, 1, 1];

// Spot 100, 200 EUR/MWh in hours 0 and 1, 50, 0 in hours 48 and 49.
const spotHead = new Array<number>(50).fill(0);
spotHead[0] = 100;
spotHead[1] = 200;
spotHead[48] = 50;
const spot = [100, 200, 50, 0];

describe('grid', () => {
  const p = testProject({ technologies: [], co2Price_EUR_t: 100, extraSeries: { spot: spotHead } });
  p.grid = {
    import: {
      price_EUR_kWh: { series: 'spot', scale: 0.001, adder: 0.1 },
      co2_kg_kWh: 0.4,
      peakCharge_EUR_kW_a: 50,
      connectionLimit_kW: 300,
    },
    export: { price_EUR_kWh: 0.08, limit_kW: 20 },
  };
  const ctx = tinyContext(p, tinyAggregatedGrid());
  const out = addGrid(ctx);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  const m = ctx.b.build();

  it('imports and exports within the connection and export limits', () => {
    expect(colBounds(m, 'import_grid[p=1,h=1]')).toEqual([0, 300]);
    expect(colBounds(m, 'export_grid[p=0,h=0]')).toEqual([0, 20]);
    expect(colBounds(m, 'import_peak_grid')).toEqual([0, 300]);
    expect(out.imp).toHaveLength(4);
    expect(out.exp).toHaveLength(4);
    expect(m.colNames[out.peak!]).toBe('import_peak_grid');
  });

  it('feeds import into and export out of the electricity balance', () => {
    expect(rowsOf(m, 'el_balance')[1].coefs).toEqual({
      'import_grid[p=0,h=1]': 1,
      'export_grid[p=0,h=1]': -1,
    });
    expect(rowsOf(m, 'heat_balance')[1].coefs).toEqual({});
  });

  it('bounds the annual peak by every hour: import[t] ≤ peak', () => {
    expect(rowsOf(m, 'peak_grid')).toEqual(
      steps.map((s) => ({
        name: `peak_grid[${s}]`,
        lower: -Infinity,
        upper: 0,
        coefs: { [`import_grid[${s}]`]: 1, import_peak_grid: -1 },
      })),
    );
  });

  it('pays w·(spot·0.001 + 0.1) and w·0.4 kg·0.1 EUR/kg per kWh imported, the peak charge, and earns w·0.08 per kWh exported', () => {
    const imp = steps.flatMap((s, i) => {
      const energy = weight[i] * (spot[i] * 0.001 + 0.1);
      return [
        { category: 'gridEnergy', col: `import_grid[${s}]`, coef: near(energy, 14) },
        { category: 'co2', col: `import_grid[${s}]`, coef: near(weight[i] * 0.04, 14) },
      ];
    });
    expect(costsOf(ctx, 'grid')).toEqual([
      ...imp,
      { category: 'gridPeak', col: 'import_peak_grid', coef: 50 },
      ...steps.map((s, i) => ({
        category: 'exportRevenue',
        col: `export_grid[${s}]`,
        coef: near(-weight[i] * 0.08, 14),
      })),
    ]);
    expect(ctx.emissions.map((e) => e.kg)).toEqual(weight.map((w) => near(w * 0.4, 14)));
  });

  it('adds nothing without import or export, and no peak row without a peak charge', () => {
    const none = tinyContext(testProject({ technologies: [] }), 3);
    expect(addGrid(none)).toEqual({});
    expect(none.b.numCols).toBe(0);
    const flat = tinyContext(testProject({ technologies: [], gridImport: { price: 0.3 } }), 3);
    const r = addGrid(flat);
    expect(r.peak).toBeUndefined();
    expect(rowsOf(flat.b.build(), 'peak_grid')).toEqual([]);
    expect(colBounds(flat.b.build(), 'import_grid[t=0]')).toEqual([0, Infinity]);
  });
});
