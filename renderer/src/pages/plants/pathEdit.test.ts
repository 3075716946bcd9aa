import { describe, expect, it } from 'vitest';
import type { Periods } from '../../../../solver/src';
import {
  addYear,
  lastYearInService,
  pathOf,
  periodFindings,
  removeYear,
  setPathValue,
  valueIn,
  yearProblem,
} from './pathEdit';
import { PATH_ROWS, rowAt, rowPointer } from './pathRows';

const row = (key: string) => PATH_ROWS.find((r) => r.key === key)!;
const periods = (): Periods => ({ years: [2025, 2030, 2035, 2040, 2045] });

describe('reading a year path between its years', () => {
  const co2 = { '2025': 55, '2030': 105 };
  it('prices interpolate linearly and hold the nearest year outside', () => {
    // 55 + (105 − 55) · 2/5 = 75
    expect(valueIn(co2, 2027, 'interpolate')).toEqual({ value: 75 });
    expect(valueIn(co2, 2020, 'interpolate')).toEqual({ value: 55, from: 2025 });
    expect(valueIn(co2, 2045, 'interpolate')).toEqual({ value: 105, from: 2030 });
  });
  it('targets hold from their year on, none before the first', () => {
    const share = { '2030': 0.3, '2040': 0.8, '2045': 1 };
    expect(valueIn(share, 2025, 'step')).toBeUndefined();
    expect(valueIn(share, 2035, 'step')).toEqual({ value: 0.3, from: 2030 });
    expect(valueIn(share, 2044, 'step')).toEqual({ value: 0.8, from: 2040 });
  });
  it('no path, no value', () => {
    expect(valueIn(undefined, 2030, 'interpolate')).toBeUndefined();
    expect(valueIn({}, 2030, 'step')).toBeUndefined();
  });
});

describe('editing one figure of one period year', () => {
  it('creates the path and its parents', () => {
    const p = periods();
    setPathValue(p, row('heatDemandFactor'), 2030, 0.9);
    expect(p.demand).toEqual({ heat: { factor: { '2030': 0.9 } } });
    expect(pathOf(p, row('heatDemandFactor'))).toEqual({ '2030': 0.9 });
  });
  it('clearing the last year removes the path and what is left empty, not the rest', () => {
    const p = periods();
    p.demand = { heat: { factor: { '2030': 0.9 }, renovationRate_per_a: 0.01 } };
    p.bew = { heatPump_EUR_kWh: { '2025': 0.05 } };
    setPathValue(p, row('heatDemandFactor'), 2030, undefined);
    expect(p.demand).toEqual({ heat: { renovationRate_per_a: 0.01 } });
    setPathValue(p, row('bewHeatPump'), 2025, undefined);
    expect(p.bew).toBeUndefined();
    expect(p.years).toEqual([2025, 2030, 2035, 2040, 2045]);
  });
  it('clearing a year that has no path changes nothing', () => {
    const p = periods();
    setPathValue(p, row('co2Cap'), 2030, undefined);
    expect(p).toEqual(periods());
  });
});

describe('the period years', () => {
  it('a new year goes in its place, so they stay increasing', () => {
    const p = periods();
    expect(addYear(p, 2028)).toBe(true);
    expect(addYear(p, 2050)).toBe(true);
    expect(p.years).toEqual([2025, 2028, 2030, 2035, 2040, 2045, 2050]);
  });
  it('refuses a year twice or outside 1990–2100', () => {
    const p = periods();
    expect(yearProblem(p, 2030)).toBe('exists');
    expect(yearProblem(p, 2101)).toBe('invalid');
    expect(yearProblem(p, 2030.5)).toBe('invalid');
    expect(yearProblem(p, NaN)).toBe('invalid');
    expect(addYear(p, 2030)).toBe(false);
    expect(p.years).toEqual(periods().years);
  });
  it('removing a year keeps at least one; the paths keep their value of it', () => {
    const p: Periods = { years: [2025, 2030], prices: { co2Price_EUR_t: { '2030': 100 } } };
    expect(removeYear(p, 1)).toBe(true);
    expect(removeYear(p, 0)).toBe(false);
    expect(p).toEqual({ years: [2025], prices: { co2Price_EUR_t: { '2030': 100 } } });
  });
  it('years that do not increase are found at the later one', () => {
    expect(periodFindings({ years: [2025, 2035, 2030, 2030] })).toEqual([
      { pointer: '/periods/years/2', message: 'period year 2030 does not come after 2035' },
      { pointer: '/periods/years/3', message: 'period year 2030 does not come after 2030' },
    ]);
    expect(periodFindings(periods())).toEqual([]);
    expect(periodFindings(undefined)).toEqual([]);
  });
});

describe('existing plants on the path', () => {
  it('are in service in the years before commissioning + lifetime', () => {
    expect(lastYearInService(2005, 20)).toBe(2024); // 2025 is not before 2025
    expect(lastYearInService(2005, 20.5)).toBe(2025); // 2025 < 2025.5
  });
});

describe('the rows of the path table', () => {
  it('find their row and year from a pointer', () => {
    expect(rowPointer(row('co2Price'), 2030)).toBe('/periods/prices/co2Price_EUR_t/2030');
    expect(rowAt('/periods/prices/co2Price_EUR_t/2030')).toEqual({ row: row('co2Price'), year: '2030' });
    expect(rowAt('/periods/demand/heat/factor')).toEqual({ row: row('heatDemandFactor') });
    expect(rowAt('/periods/years/1')).toBeUndefined();
    expect(rowAt('/economics/co2Price_EUR_t')).toBeUndefined();
  });
});
