import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  allocationTemperatures,
  heatLoadProfile,
  parseHeatTables,
  HOT_WATER_INTERVAL,
  sigLinDe,
  splitHeatLoadProfile,
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

describe('space heating and domestic hot water apart', () => {
  const daily = Float64Array.from(
    { length: 365 },
    (_, d) => 8 - 10 * Math.cos((2 * Math.PI * (d - 15)) / 365),
  );
  const p = splitHeatLoadProfile(tables, daily, {
    type: 'MFH',
    spaceHeating_kWh: 150_000,
    hotWater_kWh: 30_000,
    firstWeekday: 2,
  });
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

  it('scales each part to its own annual energy and adds them up hour by hour', () => {
    expect(sum(p.spaceHeating_kW)).toBeCloseTo(150_000, 6);
    expect(sum(p.hotWater_kW)).toBeCloseTo(30_000, 6);
    for (let i = 0; i < 8760; i += 97)
      expect(p.total_kW[i]).toBeCloseTo(p.spaceHeating_kW[i] + p.hotWater_kW[i], 9);
  });

  it('gives hot water the same energy every day (weekday factors 1 for MFH), shaped like a hot summer day', () => {
    const hf = tables.hour.get('MFH|1|0')!;
    const dayFactor = Array.from({ length: 24 }, (_, h) => hf[h * 10 + HOT_WATER_INTERVAL]);
    const perDay = (d: number) => sum(p.hotWater_kW.slice(d * 24, d * 24 + 24));
    // Hand computation: 30,000 kWh over 365 equal days.
    expect(perDay(10)).toBeCloseTo(30_000 / 365, 6);
    expect(perDay(200)).toBeCloseTo(30_000 / 365, 6);
    for (const h of [0, 7, 19])
      expect(p.hotWater_kW[50 * 24 + h] / p.hotWater_kW[50 * 24 + 12]).toBeCloseTo(
        dayFactor[h] / dayFactor[12],
        12,
      );
  });

  it('puts the weather-dependent part in space heating: the sigmoid without D, by hand for day 15', () => {
    const s = tables.sigmoid.get('MFH|1|1')!;
    const alloc = allocationTemperatures(daily);
    const shares = [15, 200].map((d) => sigLinDe(s, alloc[d]) - s.d);
    const perDay = (d: number) => sum(p.spaceHeating_kW.slice(d * 24, d * 24 + 24));
    expect(perDay(15) / perDay(200)).toBeCloseTo(shares[0] / shares[1], 9);
  });

  it('agrees with the undivided profile when the parts are in SigLinDe proportion', () => {
    const s = tables.sigmoid.get('EFH|1|1')!;
    const alloc = allocationTemperatures(daily);
    let sigmoidSum = 0;
    for (let d = 0; d < 365; d++) sigmoidSum += sigLinDe(s, alloc[d]) - s.d;
    const dSum = 365 * s.d;
    const total = 20_000;
    const whole = heatLoadProfile(tables, daily, { type: 'EFH', annual_kWh: total, firstWeekday: 0 });
    const split = splitHeatLoadProfile(tables, daily, {
      type: 'EFH',
      spaceHeating_kWh: (total * sigmoidSum) / (sigmoidSum + dSum),
      hotWater_kWh: (total * dSum) / (sigmoidSum + dSum),
      firstWeekday: 0,
    });
    // Daily energies agree; only the hour shape of the hot-water part differs. The undivided profile
    // uses the tables' hour factors as they are (their daily sums deviate from 1 by up to 0.1 %).
    for (const d of [3, 120, 250]) {
      const day = (a: Float64Array) => sum(a.slice(d * 24, d * 24 + 24));
      expect(Math.abs(day(split.total_kW) / day(whole) - 1)).toBeLessThan(2e-3);
    }
  });

  it('refuses negative demands', () => {
    expect(() =>
      splitHeatLoadProfile(tables, daily, {
        type: 'EFH',
        spaceHeating_kWh: -1,
        hotWater_kWh: 1,
        firstWeekday: 0,
      }),
    ).toThrow(/zero or positive/);
  });
});
