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
import { siteYear } from '../../calendar/siteYear';

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

describe('SigLinDe by hand: cyclic year, holidays as Sundays, hour factors by allocation temperature', () => {
  // GHA (retail), class 0, windy site: shlp_sigmoid_factors.csv row 48; weekday factors Monday …
  // Sunday from shlp_weekday_factors.csv rows 28–34.
  const [A, B, C, D] = [4.0196902, -37.8282037, 8.1593369, 0.0472845];
  const h = (t: number) => A / (1 + (B / (t - 40)) ** C) + D;
  const F = { wed: 1.025, sun: 0.893 };
  // Five days Wednesday … Sunday; the year is cyclic, so Wednesday's predecessors are Sun, Sat, Fri.
  const daily = Float64Array.from([0, 4, 8, 12, 16]);
  const p = heatLoadProfile(tables, daily, { type: 'GHA', annual_kWh: 1000, firstWeekday: 2 });
  const day = (a: Float64Array, d: number) => a.slice(d * 24, d * 24 + 24).reduce((x, y) => x + y, 0);

  it('wraps 1–3 January to the end of the year', () => {
    const at = allocationTemperatures(daily);
    expect(at[0]).toBeCloseTo((0 + 0.5 * 16 + 0.25 * 12 + 0.125 * 8) / 1.875, 12); // 6.4
    expect(at[1]).toBeCloseTo((4 + 0.5 * 0 + 0.25 * 16 + 0.125 * 12) / 1.875, 12); // 5.0667
    expect(at[2]).toBeCloseTo((8 + 0.5 * 4 + 0.25 * 0 + 0.125 * 16) / 1.875, 12); // 6.4
    expect(at[4]).toBeCloseTo((16 + 0.5 * 12 + 0.25 * 8 + 0.125 * 4) / 1.875, 12); // 13.0667
  });

  it('daily sums: h(T_alloc) × weekday factor × column sum (1.0000 for both columns used)', () => {
    expect(h(6.4)).toBeCloseTo(1.15453025, 7);
    expect(h(24.5 / 1.875)).toBeCloseTo(0.28394643, 7);
    expect(day(p, 0) / day(p, 4)).toBeCloseTo((h(6.4) * F.wed) / (h(24.5 / 1.875) * F.sun), 9);
    const total = [0, 1, 2, 3, 4].reduce((s, d) => s + day(p, d), 0);
    expect(total).toBeCloseTo(1000, 9);
  });

  it('hourly values: the column of the allocation temperature (not of the daily mean)', () => {
    // 07:00–08:00: Wednesday (weekday 3), 5 < T ≤ 10 °C → 0.0670; Sunday (weekday 7), 10 < T ≤ 15 → 0.0759.
    expect(p[0 * 24 + 7] / p[4 * 24 + 7]).toBeCloseTo(
      (h(6.4) * F.wed * 0.067) / (h(24.5 / 1.875) * F.sun * 0.0759),
      9,
    );
    // By the daily mean, Wednesday (0 °C) would take −5 < T ≤ 0 (0.0615) and Sunday (16 °C) 15 < T ≤ 20 (0.0855).
    const byMean = heatLoadProfile(tables, daily, {
      type: 'GHA',
      annual_kWh: 1000,
      firstWeekday: 2,
      hourFactorTemperature: 'dailyMean',
    });
    expect(byMean[0 * 24 + 7] / byMean[4 * 24 + 7]).toBeCloseTo(
      (h(6.4) * F.wed * 0.0615) / (h(24.5 / 1.875) * F.sun * 0.0855),
      9,
    );
  });

  it('counts public holidays as Sundays with a site year, and places the hours on the legal clock', () => {
    const sy = siteYear(2025, 'Europe/Berlin', 'BY');
    const flat = new Float64Array(365).fill(5);
    const g = heatLoadProfile(tables, flat, { type: 'GHA', annual_kWh: 50_000, calendar: sy });
    expect(g).toHaveLength(8760);
    expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(50_000, 6);
    // 1 January 2025 (Wednesday, Neujahr) = Sunday 5 January; Wednesday 8 January is a working day.
    for (let k = 0; k < 24; k++) expect(g[k]).toBe(g[4 * 24 + k]);
    expect(day(g, 0) / day(g, 7)).toBeCloseTo(F.sun / F.wed, 9); // both columns sum to 1.0000 here
    // The clock changes: 30 March has no 02:00 (the hour after 01:00 is 03:00), 26 October has 02:00 twice.
    const hf = tables.hour.get('GHA|0|7')!; // both are Sundays; 5 °C → column 4
    const spring = sy.springForward!.hour;
    expect(g[spring] / g[spring - 1]).toBeCloseTo(hf[3 * 10 + 4] / hf[1 * 10 + 4], 12);
    const autumn = sy.fallBack!.hour;
    expect(g[autumn]).toBe(g[autumn - 1]);
    expect(g[autumn + 1] / g[autumn]).toBeCloseTo(hf[3 * 10 + 4] / hf[2 * 10 + 4], 12);
  });

  it('the split profile takes the same days, holidays and columns', () => {
    const sy = siteYear(2025, 'Europe/Berlin', 'BY');
    const temps = Float64Array.from(
      { length: 365 },
      (_, d) => 8 - 10 * Math.cos((2 * Math.PI * (d - 15)) / 365),
    );
    const sp = splitHeatLoadProfile(tables, temps, {
      type: 'GHA',
      spaceHeating_kWh: 80_000,
      hotWater_kWh: 5_000,
      calendar: sy,
    });
    expect(sp.spaceHeating_kW.reduce((a, b) => a + b, 0)).toBeCloseTo(80_000, 6);
    const at = allocationTemperatures(temps);
    const s = tables.sigmoid.get('GHA|0|1')!;
    // Day 0 (holiday: Sunday factor) vs day 7 (Wednesday), each day's hour factors normalised to 1.
    expect(day(sp.spaceHeating_kW, 0) / day(sp.spaceHeating_kW, 7)).toBeCloseTo(
      ((sigLinDe(s, at[0]) - s.d) * F.sun) / ((sigLinDe(s, at[7]) - s.d) * F.wed),
      9,
    );
    expect(() =>
      heatLoadProfile(tables, new Float64Array(366), { type: 'GHA', annual_kWh: 1, calendar: sy }),
    ).toThrow(/366 days, the site year 2025 has 365/);
  });
});
