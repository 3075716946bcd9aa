import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readWeather, WeatherFormatError } from './readers';
import { lccToLatLon } from './lambert';

const shared = (f: string) =>
  readFileSync(new URL(`../../../../shared/data/weather/${f}`, import.meta.url), 'utf8');
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('weather readers', () => {
  it('PVGIS CSV, JSON and EPW of the same TMY agree', () => {
    const csv = readWeather(shared('tmy_45.000_8.000_2005_2023.csv'));
    const json = readWeather(shared('tmy_45.000_8.000_2005_2023.json'));
    const epw = readWeather(shared('tmy_45.000_8.000_2005_2023.epw'));
    expect([csv.source, json.source, epw.source]).toEqual(['pvgis-csv', 'pvgis-json', 'epw']);
    for (const w of [csv, json, epw]) {
      expect(w.ghi_W_m2).toHaveLength(8760);
      expect(w.latitude_deg).toBe(45);
      expect(w.longitude_deg).toBe(8);
      expect(w.elevation_m).toBe(250);
    }
    // First row by hand from the files: 20180101:0000, T2m 2.04 °C.
    expect(csv.temperature_C[0]).toBe(2.04);
    expect(epw.temperature_C[0]).toBe(2.04);
    expect(sum(json.ghi_W_m2)).toBeCloseTo(sum(csv.ghi_W_m2), 6);
    // EPW carries the same irradiance (PVGIS writes both): annual GHI within 0.1 %.
    expect(Math.abs(sum(epw.ghi_W_m2) / sum(csv.ghi_W_m2) - 1)).toBeLessThan(1e-3);
    expect(sum(csv.ghi_W_m2) / 1000).toBeGreaterThan(1200); // kWh/m²·a at 45° N
  });

  it('reads the IWEC EPW of Amsterdam', () => {
    const w = readWeather(shared('NLD_Amsterdam062400_IWEC.epw'));
    expect(w.latitude_deg).toBeCloseTo(52.3, 1);
    expect(w.utcOffset_h).toBe(1);
    expect(w.hourStart[0]).toBe('TMY-12-31T23:00:00Z');
  });

  it('DWD TRY 2015 and 2045: the data start after the *** line whatever the header length', () => {
    const a = readWeather(shared('TRY2015_523938130651_Jahr.dat'));
    const b = readWeather(shared('TRY2045_523938130651_Jahr.dat'));
    expect(a.source).toBe('dwd-try');
    expect(a.temperature_C[0]).toBe(-1.4);
    expect(sum(a.temperature_C) / 8760).toBeCloseTo(9.94, 2);
    expect(sum(b.temperature_C) / 8760).toBeCloseTo(11.09, 2);
    expect(a.elevation_m).toBe(34);
    expect(a.latitude_deg).toBeCloseTo(52.3938, 3);
    expect(a.longitude_deg).toBeCloseTo(13.0651, 3);
  });

  it('refuses unknown or broken files with a located message', () => {
    expect(() => readWeather('hello')).toThrow(WeatherFormatError);
    const broken = shared('TRY2015_523938130651_Jahr.dat').replace('-1.4  984', 'x.x  984');
    expect(() => readWeather(broken)).toThrow(/line 35: t: expected a number, found 'x.x'/); // 34 header lines up to ***;
  });
});

describe('Lambert conformal conic (EPSG:3034)', () => {
  it('maps the projection origin and the Potsdam TRY cell', () => {
    const o = lccToLatLon(4_000_000, 2_800_000);
    expect(o.latitude_deg).toBeCloseTo(52, 9);
    expect(o.longitude_deg).toBeCloseTo(10, 9);
    const p = lccToLatLon(4_201_500, 2_846_500);
    expect(p.latitude_deg).toBeCloseTo(52.3938, 3);
    expect(p.longitude_deg).toBeCloseTo(13.0651, 3);
  });
});
