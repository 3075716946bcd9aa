import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { LpBuilder } from '../lp/model';
import type { Project } from '../project/types';
import { buildPathModel } from './path';
import { boiler, testProject } from './testing';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/**
 * Two periods, 2030 and 2035, five years each (horizon end 2040), two modelled hours of 100 kW heat.
 * The old gas boiler (100 kW, commissioned 2015, 20 years) retires in 2035; the new boiler costs
 * 10 EUR/kW and lives 10 years.
 */
function twoPeriods(interestRate: number): Project {
  const p = testProject({
    heat: [100, 100],
    gasPrice: 0.1,
    technologies: [
      boiler('old', 1, 50, { existing: 100, commissioned_year: 2015, lifetime_a: 20 }),
      boiler('nb', 1, 10, { lifetime_a: 10 }),
    ],
  });
  p.economics.interestRate = interestRate;
  p.periods = { years: [2030, 2035], lastPeriodYears: 5 };
  return p;
}

describe('transformation path model (hand-computed)', () => {
  it('builds the replacement late, when the old plant retires, because of its residual value', async () => {
    // Interest 0: D_2030 = D_2035 = 5. The old boiler serves 2030; it retires in 2035 (2015 + 20).
    // New boiler built in 2030: 10·100·(1 − 0) = 1000 EUR (no residual at 2040);
    // built in 2035: 10·100·(1 − (2035 + 10 − 2040)/10) = 500 EUR. Gas: 2 h · 100 kW · 0.1 EUR/kWh
    // = 20 EUR per year, 5 years per period: 200 EUR. Net present cost 500 + 200 = 700 EUR.
    const pm = buildPathModel(twoPeriods(0), { mode: 'full', horizon_h: 2 });
    const sol = await highs.solve(pm.model);
    expect(sol.status).toBe('optimal');
    expect(sol.objective).toBeCloseTo(700, 6);
    const nb = pm.dims.find((d) => d.techId === 'nb')!;
    expect(Array.from(nb.build, (c) => sol.x[c])).toEqual([expect.closeTo(0, 6), expect.closeTo(100, 6)]);
    const old = pm.dims.find((d) => d.techId === 'old')!;
    expect(old.existing).toEqual([100, 0]);
    expect(Array.from(old.cap, (c) => sol.x[c])).toEqual([expect.closeTo(100, 6), expect.closeTo(0, 6)]);
  });

  it('discounts operation per year and investment from its year (5 %, base 2030)', async () => {
    // D_2030 = Σ_{k=0..4} 1.05^−k = 4.5459505, D_2035 = 1.05^−5 · D_2030 = 3.5618712.
    // Gas 20 EUR/a: 20 · (4.5459505 + 3.5618712) = 162.156434. New boiler built 2035:
    // 1000 EUR · 1.05^−5 (783.526166) less the residual 500 EUR at 2040 · 1.05^−10 (306.956627).
    // NPC = 162.156434 + 783.526166 − 306.956627 = 638.725973
    const pm = buildPathModel(twoPeriods(0.05), { mode: 'full', horizon_h: 2 });
    expect(pm.calendar.periods.map((p) => p.operationDiscount)).toEqual([
      expect.closeTo(4.5459505, 6),
      expect.closeTo(3.5618712, 6),
    ]);
    const sol = await highs.solve(pm.model);
    expect(sol.objective).toBeCloseTo(638.725973, 5);
  });

  it('equals a straightforward formulation written separately (3 periods, 3 hours, 5 %)', async () => {
    // Periods 2025, 2030, 2040 (5, 10 and 10 years); demand 80, 120, 60 kW growing by a factor path;
    // plants: existing gas boiler 100 kW retiring 2032 (2012 + 20), new gas boiler (capex 60 EUR/kW,
    // 15 a), new electric boiler (capex 20 EUR/kW, 12 a) on grid electricity at 0.2 EUR/kWh. CO2
    // price path 50 → 250 EUR/t (interpolated at 2025, 2030, 2040: 50, 100, 200 ... given below).
    const p = testProject({
      heat: [80, 120, 60],
      gasPrice: 0.06,
      gridImport: { price: 0.2, co2: 0.3 },
      technologies: [
        boiler('old', 0.9, 50, { existing: 100, commissioned_year: 2012, lifetime_a: 20 }),
        boiler('gb', 0.95, 60, { lifetime_a: 15 }),
        {
          id: 'eb',
          type: 'electricBoiler',
          efficiency: 0.99,
          capex_EUR_per_unit: 20,
          lifetime_a: 12,
          fixedOm_share: 0,
        },
      ],
    });
    p.economics.interestRate = 0.05;
    p.periods = {
      years: [2025, 2030, 2040],
      lastPeriodYears: 10,
      demand: { heat: { factor: { '2025': 1, '2040': 1.5 } } },
      prices: { co2Price_EUR_t: { '2025': 50, '2045': 250 } },
    };
    const pm = buildPathModel(p, { mode: 'full', horizon_h: 3 });
    const sol = await highs.solve(pm.model);
    expect(sol.status).toBe('optimal');

    // The same problem written out directly.
    const years = [2025, 2030, 2040];
    const span = [5, 10, 10];
    const E = 2050;
    const df = (y: number) => Math.pow(1.05, -(y - 2025));
    const D = years.map((y, p) =>
      Array.from({ length: span[p] }, (_, k) => df(y + k)).reduce((a, b) => a + b),
    );
    const factor = years.map((y) => 1 + (0.5 * (y - 2025)) / 15);
    const co2 = years.map((y) => 50 + (200 * (y - 2025)) / 20); // 50, 100, 200 EUR/t
    const demand = [80, 120, 60];
    const b = new LpBuilder('direct');
    const invest = (capex: number, L: number, y: number) =>
      capex * (df(y) - Math.max(0, (y + L - E) / L) * df(E));
    const buildGb = years.map((y) => b.addCol(`bgb${y}`, 0, Infinity, invest(60, 15, y)));
    const buildEb = years.map((y) => b.addCol(`beb${y}`, 0, Infinity, invest(20, 12, y)));
    years.forEach((y, q) => {
      const oldCap = y < 2032 ? 100 : 0;
      const gasCost = (eta: number) => (D[q] * (0.06 + 0.2 * (co2[q] / 1000))) / eta;
      const elCost = (D[q] * (0.2 + 0.3 * (co2[q] / 1000))) / 0.99;
      for (let h = 0; h < 3; h++) {
        const qOld = b.addCol(`old${y}_${h}`, 0, oldCap, gasCost(0.9));
        const qGb = b.addCol(`gb${y}_${h}`, 0, Infinity, gasCost(0.95));
        const qEb = b.addCol(`eb${y}_${h}`, 0, Infinity, elCost);
        b.addRow(`bal${y}_${h}`, [qOld, qGb, qEb], [1, 1, 1], demand[h] * factor[q], demand[h] * factor[q]);
        const aliveGb = years.map((yp, p) => (yp <= y && y < yp + 15 ? p : -1)).filter((p) => p >= 0);
        const aliveEb = years.map((yp, p) => (yp <= y && y < yp + 12 ? p : -1)).filter((p) => p >= 0);
        b.addRow(
          `capgb${y}_${h}`,
          [qGb, ...aliveGb.map((p) => buildGb[p])],
          [1, ...aliveGb.map(() => -1)],
          -Infinity,
          0,
        );
        b.addRow(
          `capeb${y}_${h}`,
          [qEb, ...aliveEb.map((p) => buildEb[p])],
          [1, ...aliveEb.map(() => -1)],
          -Infinity,
          0,
        );
      }
    });
    const direct = await highs.solve(b.build());
    expect(direct.status).toBe('optimal');
    expect(Math.abs(sol.objective - direct.objective) / direct.objective).toBeLessThan(1e-9);
  });
});
