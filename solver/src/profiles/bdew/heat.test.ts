import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  allocationTemperatures,
  heatLoadProfile,
  parseHeatTables,
  sigLinDe,
  temperatureInterval,
} from './heat';

const asset = (f: string) => readFileSync(new URL(`../../../../assets/bdew/${f}`, import.meta.url), 'utf8');
const tables = parseHeatTables(
  asset('shlp_sigmoid_factors.csv'),
  asset('shlp_hour_factors.csv'),
  asset('shlp_weekday_factors.csv'),
);

describe('BDEW heat load profiles (SigLinDe)', () => {
  it('evaluates the sigmoid by hand (EFH class 1 with wind: A 3.2279446, B −37.42148, C 6.2222288, D 0.0828441)', () => {
    const s = tables.sigmoid.get('EFH|1|1')!;
    const t = 0;
    expect(sigLinDe(s, t)).toBeCloseTo(3.2279446 / (1 + (-37.42148 / (0 - 40)) ** 6.2222288) + 0.0828441, 9);
    expect(sigLinDe(s, -10)).toBeGreaterThan(sigLinDe(s, 10)); // colder days need more heat
  });

  it('uses the geometric series of four days and the 5 K temperature intervals', () => {
    const at = allocationTemperatures(Float64Array.from([0, 8, 4, 2, 10]));
    expect(at[4]).toBeCloseTo((10 + 0.5 * 2 + 0.25 * 4 + 0.125 * 8) / 1.875, 12);
    expect([
      temperatureInterval(-20),
      temperatureInterval(-15),
      temperatureInterval(-14.9),
      temperatureInterval(0),
      temperatureInterval(25),
      temperatureInterval(25.1),
    ]).toEqual([0, 0, 1, 3, 8, 9]);
  });

  it('spreads each day by its hour factors and scales the year exactly', () => {
    const daily = Float64Array.from(
      { length: 365 },
      (_, d) => 8 - 10 * Math.cos((2 * Math.PI * (d - 15)) / 365),
    );
    const p = heatLoadProfile(tables, daily, { type: 'EFH', annual_kWh: 20_000, firstWeekday: 6 });
    expect(p).toHaveLength(8760);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(20_000, 6);
    // Within a day, hours follow the EFH class 1 factors of the day's interval.
    const hf = tables.hour.get('EFH|1|0')!;
    const col = temperatureInterval(daily[10]);
    expect(p[10 * 24 + 7] / p[10 * 24 + 2]).toBeCloseTo(hf[7 * 10 + col] / hf[2 * 10 + col], 12);
    // Winter days carry more than summer days.
    const day = (d: number) => p.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0);
    expect(day(15)).toBeGreaterThan(3 * day(200));
  });

  it('says which type is unknown', () => {
    expect(() =>
      heatLoadProfile(tables, new Float64Array(365), { type: 'XYZ', annual_kWh: 1, firstWeekday: 0 }),
    ).toThrow(/no SigLinDe parameters for type XYZ/);
  });
});
