import { describe, expect, it } from 'vitest';
import { boiler, testProject } from '../model/testing';
import { interpolate, pathCalendar, periodProject, stepValue } from './periods';
import { defaultPeriods } from './pathDefaults';

describe('periods of a transformation path', () => {
  it('interpolates prices linearly and holds them outside the given years', () => {
    const co2 = { '2025': 55, '2030': 105 };
    expect(interpolate(co2, 2020)).toBe(55);
    expect(interpolate(co2, 2027)).toBeCloseTo(75, 12);
    expect(interpolate(co2, 2040)).toBe(105);
    expect(interpolate(undefined, 2040)).toBeUndefined();
  });

  it('holds targets from their year on, none before (WPG: 30 % from 2030, 80 % from 2040)', () => {
    const wpg = defaultPeriods().targets!.minRenewableHeatShare!;
    expect([2025, 2030, 2035, 2040, 2045].map((y) => stepValue(wpg, y))).toEqual([
      undefined,
      0.3,
      0.3,
      0.8,
      1,
    ]);
  });

  it('weights each period by its years and discounts to the base year', () => {
    const p = testProject({ technologies: [] });
    p.economics.interestRate = 0.05;
    p.periods = { years: [2025, 2030, 2045] };
    const cal = pathCalendar(p);
    // last period: the step before it (15 years); horizon end 2060
    expect(cal.periods.map((q) => q.years)).toEqual([5, 15, 15]);
    expect(cal.horizonEnd).toBe(2060);
    expect(cal.periods[1].investmentDiscount).toBeCloseTo(Math.pow(1.05, -5), 12);
  });

  it('gives each period its demand, prices and the existing plants still in service', () => {
    const p = testProject({
      heat: [100],
      gasPrice: 0.1,
      technologies: [boiler('old', 1, 50, { existing: 100, commissioned_year: 2015, lifetime_a: 20 })],
    });
    p.periods = {
      years: [2025, 2035],
      demand: { heat: { factor: { '2025': 1, '2035': 1.2 }, renovationRate_per_a: 0.01 } },
      prices: { fuelPrice_factor: { gas: { '2035': 1.5 } }, co2Price_EUR_t: { '2035': 150 } },
      targets: { minRenewableHeatShare: { '2030': 0.3 } },
    };
    const p2035 = periodProject(p, 2035);
    // 100 kW · 1.2 · 0.99^10
    const heat = p2035.timeSeries[p2035.demands.heat] as { values: number[] };
    expect(heat.values[0]).toBeCloseTo(100 * 1.2 * Math.pow(0.99, 10), 9);
    expect(p2035.fuels.gas.price_EUR_kWh).toBeCloseTo(0.15, 12);
    expect(p2035.economics.co2Price_EUR_t).toBe(150);
    expect(p2035.constraints?.minRenewableHeatShare).toBe(0.3);
    expect(p2035.technologies[0].existing).toBeUndefined();
    expect(periodProject(p, 2025).technologies[0].existing).toBe(100);
    expect(periodProject(p, 2025).constraints?.minRenewableHeatShare).toBeUndefined();
    expect((p.timeSeries.heat as { values: number[] }).values[0]).toBe(100);
  });
});

describe('checks of a transformation path', () => {
  it('refuses years out of order and references to what does not exist, each at its place', async () => {
    const { crossCheck } = await import('./crossCheck');
    const p = testProject({ heat: [1], technologies: [boiler('gb', 1, 1)] });
    p.periods = {
      years: [2025, 2035, 2030],
      prices: { fuelPrice_factor: { oil: { '2030': 1 } } },
      targets: { maxNewCapacity: { hp: { '2030': 100 } } },
    };
    expect(crossCheck(p)).toEqual([
      { pointer: '/periods/years/2', message: 'period year 2030 does not come after 2035' },
      { pointer: '/periods/prices/fuelPrice_factor/oil', message: "fuel 'oil' is not defined in /fuels" },
      {
        pointer: '/periods/targets/maxNewCapacity/hp',
        message: "technology 'hp' is not defined in /technologies",
      },
    ]);
  });

  it('finds years that do not increase at the later one, and none in order', async () => {
    const { crossCheck } = await import('./crossCheck');
    const p = testProject({ heat: [1], technologies: [] });
    p.periods = { years: [2025, 2035, 2030, 2030] };
    expect(crossCheck(p)).toEqual([
      { pointer: '/periods/years/2', message: 'period year 2030 does not come after 2035' },
      { pointer: '/periods/years/3', message: 'period year 2030 does not come after 2030' },
    ]);
    p.periods = { years: [2025, 2030, 2035, 2040, 2045] };
    expect(crossCheck(p)).toEqual([]);
  });
});
