import { describe, expect, it } from 'vitest';
import { gasOrElectricBoiler } from '../model/testing';
import type { Project } from '../project/types';
import { runJob, sweepProject } from './job';
import { disposeWarmSizing, warmSizing } from '../run/sizingOnly';

/**
 * The gas-or-electric boiler case of solver/src/model/testing.ts: heat 100, 200, 150 kWh in three
 * hours; gas boiler 95 %, 1 EUR/kW; electric boiler 5 EUR/kW; gas 0.05 EUR/kWh. The cheapest plant is
 * the gas boiler at the 200 kW peak: 200 + 450 / 0.95 · 0.05 = 223.684… EUR/a.
 */
function project(): Project {
  const p = gasOrElectricBoiler();
  p.scenarios = [{ id: 'dear-gas', name: 'Dear gas', overrides: { '/fuels/gas/price_EUR_kWh': 0.1 } }];
  return p;
}
const full = { mode: 'full' as const, solver: 'highs' as const };
const close = (a: number | undefined, b: number) => expect(Math.abs(a! - b) / b).toBeLessThan(1e-6);

describe('batch job', () => {
  it('solves a scenario as werkplan solve does', async () => {
    const r = await runJob(
      project(),
      { id: 'scenario-base', kind: 'scenario', scenario: 'base', weight: 1 },
      full,
      'f1',
    );
    expect([r.id, r.kind, r.status, r.fingerprint, r.results?.scenario]).toEqual([
      'scenario-base',
      'scenario',
      'optimal',
      'f1',
      'base',
    ]);
    close(r.results?.objective.totalAnnualCost_EUR, 200 + (450 / 0.95) * 0.05);
    expect(r.seconds).toBeGreaterThan(0);
  });

  it('screens a sweep point on typical days only, warm from the point before, and says so', async () => {
    const warm = warmSizing();
    const aggregated = { mode: 'aggregated' as const, solver: 'highs' as const };
    const costs: number[] = [];
    for (const [k, gas] of [0.04, 0.05].entries()) {
      const job = {
        id: `sweep-000${k + 1}`,
        kind: 'sweep' as const,
        scenario: 'base',
        overrides: { '/fuels/gas/price_EUR_kWh': gas },
        fullYearCheck: false as const,
        weight: 0.1,
      };
      const r = await runJob(project(), job, aggregated, 'f', undefined, warm);
      expect(r.status).toBe('optimal');
      expect(r.results?.solve.fullYearCheck).toBeUndefined();
      expect(r.results?.messages?.[0].code).toBe('sizingOnly');
      costs.push(r.results!.objective.totalAnnualCost_EUR);
    }
    // The day with the three hours of heat is one of the typical days: the hand-computed cost.
    close(costs[0], 200 + (450 / 0.95) * 0.04);
    close(costs[1], 200 + (450 / 0.95) * 0.05);
    expect(warm).toMatchObject({ warm: 1, cold: 1 });
    disposeWarmSizing(warm);
  });

  it('solves a sweep point on top of its scenario (the point wins)', async () => {
    // dear-gas sets gas to 0.10; the point sets 0.04: 200 + 450/0.95 · 0.04 = 218.947… EUR/a
    const job = {
      id: 'sweep-0001',
      kind: 'sweep' as const,
      scenario: 'dear-gas',
      overrides: { '/fuels/gas/price_EUR_kWh': 0.04 },
      weight: 1,
    };
    expect(sweepProject(project(), job).scenarios).toEqual([
      { id: 'batch-point', name: 'sweep-0001', overrides: { '/fuels/gas/price_EUR_kWh': 0.04 } },
    ]);
    const r = await runJob(project(), job, full, 'f');
    expect([r.status, r.scenario, r.overrides]).toEqual(['optimal', 'dear-gas', job.overrides]);
    close(r.results?.objective.totalAnnualCost_EUR, 200 + (450 / 0.95) * 0.04);
  });

  it('refuses a sweep point the project format does not allow, and reports a broken job', async () => {
    const bad = await runJob(
      project(),
      {
        id: 'sweep-0002',
        kind: 'sweep',
        scenario: 'base',
        overrides: { '/technologies/gb/efficiency': -1 },
        weight: 1,
      },
      full,
      'f',
    );
    expect(bad.status).toBe('invalid');
    expect(bad.reasons.join()).toMatch(/\/technologies\/0\/efficiency/);
    const broken = await runJob(
      project(),
      { id: 'scenario-x', kind: 'scenario', scenario: 'x', weight: 1 },
      full,
      'f',
    );
    expect([broken.status, broken.reasons]).toEqual([
      'error',
      ["scenario 'x' does not exist (known: base, dear-gas)"],
    ]);
  });

  it('computes a whole front as one job (hand values of cli/pareto.test.ts)', async () => {
    const r = await runJob(
      project(),
      { id: 'pareto-base', kind: 'pareto', scenario: 'base', points: 3, weight: 3 },
      full,
      'f',
    );
    expect(r.status).toBe('optimal');
    expect(r.front?.map((p) => p.kind)).toEqual(['minCost', 'epsilon', 'minCo2']);
    const hand = [223.6842105263158, 565.8421052631579, 1108];
    r.front?.forEach((p, k) => close(p.totalAnnualCost_EUR, hand[k]));
    close(r.front?.[1].capacities.gb.power_kW, 125);
  });
});
