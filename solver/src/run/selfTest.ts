import type { Project } from '../project/types';
import { annuityFactor } from '../model/economics';
import type { Results } from '../results/results';

/**
 * A small project whose optimum is known in closed form: one gas boiler must cover a heat demand, so
 * its capacity is the peak and the cost is capacity cost plus fuel. Used by the app's solver check
 * (Settings) to prove that the solver, its WASM and the worker work on this machine.
 */
export function selfTestProject(): Project {
  const heat = Array.from(
    { length: 8760 },
    (_, h) =>
      Math.round(
        (300 + 200 * Math.cos((2 * Math.PI * h) / 8760) + 50 * Math.sin((2 * Math.PI * h) / 24)) * 1000,
      ) / 1000,
  );
  const zero = new Array<number>(8760).fill(0);
  return {
    formatVersion: 2,
    name: 'Rechenkern-Prüfung',
    site: { year: 2023, timeZone: 'Europe/Berlin' },
    timeSeries: { heat: { unit: 'kW', values: heat }, electricity: { unit: 'kW', values: zero } },
    demands: { heat: 'heat', electricity: 'electricity' },
    economics: { interestRate: 0.05, co2Price_EUR_t: 100 },
    fuels: { gas: { price_EUR_kWh: 0.06, co2_kg_kWh: 0.2, renewable: false } },
    grid: {},
    technologies: [
      {
        id: 'gb',
        type: 'boiler',
        fuel: 'gas',
        efficiency: 0.9,
        capex_EUR_per_unit: 100,
        lifetime_a: 20,
        fixedOm_share: 0.02,
      },
    ],
  };
}

/** The closed-form optimum of {@link selfTestProject}. */
export function selfTestExpected(): { capacity_kW: number; totalAnnualCost_EUR: number } {
  const p = selfTestProject();
  const heat = (p.timeSeries.heat as { values: number[] }).values;
  const peak = Math.max(...heat);
  const energy = heat.reduce((a, b) => a + b, 0);
  const capacityCost = 100 * (annuityFactor(0.05, 20) + 0.02) * peak;
  const fuel = (energy / 0.9) * (0.06 + 0.2 * 0.1);
  return { capacity_kW: peak, totalAnnualCost_EUR: capacityCost + fuel };
}

/** Whether results match the closed form to 1e-6 (relative). */
export function selfTestPassed(r: Results): boolean {
  const e = selfTestExpected();
  const cap = r.capacities.gb?.power_kW ?? NaN;
  return (
    r.status === 'optimal' &&
    Math.abs(cap - e.capacity_kW) <= 1e-6 * e.capacity_kW &&
    Math.abs(r.objective.totalAnnualCost_EUR - e.totalAnnualCost_EUR) <= 1e-6 * e.totalAnnualCost_EUR &&
    r.balance.ok
  );
}
