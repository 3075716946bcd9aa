import { describe, expect, it } from 'vitest';
import type { PathCapacity, PeriodResult } from '../path';
import { pathCapMet, pathGantt, pathHorizon, pathTotals } from './index';
import { smallResults } from './testing';

const cap = (unit: PathCapacity['unit'], total: number, built = 0, retired = 0): PathCapacity => ({
  unit,
  existing: 0,
  built,
  retired,
  total,
});

function period(year: number, over: Partial<PeriodResult>): PeriodResult {
  return {
    year,
    years: 5,
    capacities: {},
    generation_MWh: { heat: {}, electricity: {} },
    renewableHeatShare: 0,
    emissions_tCO2: 0,
    heatDemand_MWh: 100,
    electricityDemand_MWh: 0,
    lcoh_EUR_MWh: 0,
    co2Price_EUR_t: 0,
    cost_EUR: {
      investment_EUR: 0,
      investmentGrant_EUR: 0,
      operation_EUR_a: 0,
      operatingAid_EUR_a: 0,
      annualCost_EUR_a: 0,
      presentValue_EUR: 0,
    },
    results: smallResults(),
    ...over,
  };
}

describe('path extras', () => {
  it('tells per period whether the emissions keep the CO2 cap (none: kept)', () => {
    const r = smallResults({
      periods: [
        period(2025, { emissions_tCO2: 500 }),
        period(2030, { emissions_tCO2: 300, co2Cap_t: 300 }), // exactly at the cap
        period(2035, { emissions_tCO2: 301, co2Cap_t: 300 }),
      ],
    });
    expect(pathCapMet(r)).toEqual([true, true, false]);
    expect(pathCapMet(smallResults())).toEqual([]);
  });

  it('builds the Gantt rows: in service, built and retired per period, battery power apart', () => {
    const r = smallResults({
      periods: [
        period(2025, { capacities: { gb: cap('kW', 800), bat: cap('kWh', 0), 'bat.power': cap('kW', 0) } }),
        period(2030, {
          capacities: {
            gb: cap('kW', 800),
            hp: cap('kW', 400, 400),
            bat: cap('kWh', 100, 100),
            'bat.power': cap('kW', 50, 50),
          },
        }),
        period(2035, {
          capacities: { gb: cap('kW', 0, 0, 800), hp: cap('kW', 400), never: cap('m2', 1e-9) },
        }),
      ],
    });
    const g = pathGantt(r);
    expect(g.years).toEqual([2025, 2030, 2035]);
    // "never" is never in service: left out; hp appears from 2030 with 0 before.
    expect(g.rows.map((x) => x.key)).toEqual(['gb', 'bat', 'bat.power', 'hp']);
    const gb = g.rows[0];
    expect(gb.cells.map((c) => c.total)).toEqual([800, 800, 0]);
    expect(gb.cells[2].retired).toBe(800);
    const power = g.rows[2];
    expect(power).toMatchObject({ techId: 'bat', dimension: 'power', unit: 'kW' });
    expect(power.cells[1]).toEqual({ total: 50, built: 50, retired: 0 });
    // missing in a period: zeros
    expect(g.rows[3].cells[0]).toEqual({ total: 0, built: 0, retired: 0 });
    expect(g.rows[1].unit).toBe('kWh');
  });

  it('sums investment and grants over the path', () => {
    const cost = (investment_EUR: number, investmentGrant_EUR: number) => ({
      investment_EUR,
      investmentGrant_EUR,
      operation_EUR_a: 1,
      operatingAid_EUR_a: 0,
      annualCost_EUR_a: 1,
      presentValue_EUR: 1,
    });
    const r = smallResults({
      periods: [period(2025, { cost_EUR: cost(1000, -400) }), period(2030, { cost_EUR: cost(250, 0) })],
    });
    // 1000 + 250 = 1250; −400 + 0 = −400
    expect(pathTotals(r)).toEqual({ investment_EUR: 1250, investmentGrant_EUR: -400 });
    expect(pathTotals(smallResults())).toEqual({ investment_EUR: 0, investmentGrant_EUR: 0 });
  });

  it('writes the horizon from the first period year to the end of the last period', () => {
    const r = { ...smallResults(), periods: [period(2025, {}), period(2045, { years: 5 })] };
    // Without the path summary: the period years.
    expect(pathHorizon(r)).toEqual({ from: 2025, to: 2045 });
    const path = { years: [2025, 2045], baseYear: 2024, horizonEnd: 2050, interestRate: 0.05 };
    expect(pathHorizon({ ...r, path: { ...path, residualValue_EUR: 0, events: [] } })).toEqual({
      from: 2025,
      to: 2050,
    });
    expect(pathHorizon(smallResults())).toBeUndefined();
  });
});
