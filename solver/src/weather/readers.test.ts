import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { irradianceInstant_ms, readWeather, WeatherFormatError, type WeatherYear } from './readers';
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
    expect(w.hourStart[0]).toBe('2000-12-31T23:00:00Z');
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

const iso = (ms: number) => new Date(ms).toISOString();
/** The row of a month/day/hour-start in UTC of the reference year 2001. */
const rowOf = (w: WeatherYear, isoStart: string) => w.hourStart.indexOf(isoStart);

/**
 * Irradiance-weighted mean time of day (UTC hours) of the instants the irradiance belongs to. Over a year it
 * lies within minutes of mean solar noon, 12 h − longitude/15° (the equation of time averages out; weather
 * skews it a little): a time base off by an hour or by PVGIS's 19 minutes shows here.
 */
function irradianceCentroid_h(w: WeatherYear): number {
  let s = 0;
  let sw = 0;
  for (let k = 0; k < w.ghi_W_m2.length; k++) {
    const t = (((irradianceInstant_ms(w, k) / 3_600_000) % 24) + 24) % 24;
    s += w.ghi_W_m2[k] * t;
    sw += w.ghi_W_m2[k];
  }
  return s / sw;
}

describe('time bases: the UTC instant each value belongs to', () => {
  const csv = readWeather(shared('tmy_45.000_8.000_2005_2023.csv'));
  const json = readWeather(shared('tmy_45.000_8.000_2005_2023.json'));
  const epw = readWeather(shared('tmy_45.000_8.000_2005_2023.epw'));

  it('PVGIS CSV: row HH:00 UTC, irradiance at HH:00 + the stated 0.1761 h', () => {
    expect(csv.irradianceAt_h).toBe(0.1761);
    expect(csv.utcOffset_h).toBe(0);
    expect(csv.hourStart[0]).toBe('2001-01-01T00:00:00Z');
    // 0.1761 h = 633.96 s after the full hour.
    expect(iso(irradianceInstant_ms(csv, 0))).toBe('2001-01-01T00:10:33.960Z');
    // The row 20180101:0900 (G(h) 149 W/m²) is the tenth; its value belongs to 09:10:33.96 UTC.
    expect(csv.ghi_W_m2[9]).toBe(149);
    expect(iso(irradianceInstant_ms(csv, 9))).toBe('2001-01-01T09:10:33.960Z');
    // 21 June 12:00 UTC is hour 171·24 + 12 of the year.
    expect(rowOf(csv, '2001-06-21T12:00:00Z')).toBe(171 * 24 + 12);
    expect(csv.hourStart[8759]).toBe('2001-12-31T23:00:00Z');
    expect(Math.abs(irradianceCentroid_h(csv) - (12 - 8 / 15))).toBeLessThan(0.1);
  });

  it('PVGIS JSON: the offset from inputs.location, the same instants as the CSV', () => {
    expect(json.irradianceAt_h).toBe(0.1761);
    expect(json.hourStart).toEqual(csv.hourStart);
    expect(json.start_ms).toBe(csv.start_ms);
  });

  it("PVGIS EPW: declares UTC+1, but its rows are the CSV's UTC rows; the same year comes out identical", () => {
    expect(epw.utcOffset_h).toBe(0);
    expect(epw.irradianceAt_h).toBe(0.1761); // 1 h + the file's −0.8239 h from the hour's end
    expect(epw.hourStart).toEqual(csv.hourStart);
    for (const w of [json, epw]) {
      expect(w.start_ms).toBe(csv.start_ms);
      expect(w.ghi_W_m2).toEqual(csv.ghi_W_m2);
      expect(w.dhi_W_m2).toEqual(csv.dhi_W_m2);
      expect(w.dni_W_m2).toEqual(csv.dni_W_m2);
      expect(w.temperature_C).toEqual(csv.temperature_C);
      expect(w.relativeHumidity_pct).toEqual(csv.relativeHumidity_pct);
      expect(w.pressure_hPa).toEqual(csv.pressure_hPa);
      expect(w.attribution).toBe('PVGIS © European Union, 2001–2025');
    }
    // The EPW rounds wind speed to 0.1 m/s.
    let maxWindDiff = 0;
    for (let k = 0; k < 8760; k++)
      maxWindDiff = Math.max(maxWindDiff, Math.abs(epw.wind_m_s[k] - csv.wind_m_s[k]));
    expect(maxWindDiff).toBeLessThan(0.0501);
  });

  it('PVGIS without a stated offset: UTC rows, irradiance at the middle of the hour, said in the time basis', () => {
    const text = shared('tmy_45.000_8.000_2005_2023.csv').replace(/^Irradiance Time Offset.*\n/m, '');
    const w = readWeather(text);
    expect(w.irradianceAt_h).toBe(0.5);
    expect(w.hourStart).toEqual(csv.hourStart);
    expect(w.timeBasis).toMatch(/states no irradiance time offset/);
    const e = readWeather(
      shared('tmy_45.000_8.000_2005_2023.epw').replace(/^COMMENTS 2,.*\n/m, 'COMMENTS 2,\n'),
    );
    expect(e.utcOffset_h).toBe(0); // still PVGIS's UTC rows (LOCATION names ECMWF/ERA)
    expect(e.irradianceAt_h).toBe(0.5);
    expect(e.hourStart).toEqual(csv.hourStart);
  });

  it('DWD TRY: hour 1–24 in CET (UTC+1) all year, hour-ending; irradiance at the middle of the hour', () => {
    const w = readWeather(shared('TRY2015_523938130651_Jahr.dat'));
    expect(w.utcOffset_h).toBe(1);
    expect(w.irradianceAt_h).toBe(0.5);
    // MM 1 DD 1 HH 1 = 00:00–01:00 CET = 23:00–24:00 UTC on 31 December.
    expect(w.hourStart[0]).toBe('2000-12-31T23:00:00Z');
    expect(iso(irradianceInstant_ms(w, 0))).toBe('2000-12-31T23:30:00.000Z');
    // No daylight saving time: 21 June HH 13 (12:00–13:00 CET) is 11:00–12:00 UTC, row 171·24 + 12.
    expect(w.hourStart[171 * 24 + 12]).toBe('2001-06-21T11:00:00Z');
    expect(iso(irradianceInstant_ms(w, 171 * 24 + 12))).toBe('2001-06-21T11:30:00.000Z');
    expect(w.hourStart[8759]).toBe('2001-12-31T22:00:00Z');
    expect(w.timeBasis).toMatch(/CET \(UTC\+1\) all year/);
    expect(Math.abs(irradianceCentroid_h(w) - (12 - w.longitude_deg / 15))).toBeLessThan(0.1);
  });

  it('a real EPW (IWEC Amsterdam) is hour-ending in its declared time zone, UTC+1', () => {
    const w = readWeather(shared('NLD_Amsterdam062400_IWEC.epw'));
    expect(w.utcOffset_h).toBe(1);
    expect(w.irradianceAt_h).toBe(0.5);
    expect(iso(irradianceInstant_ms(w, 0))).toBe('2000-12-31T23:30:00.000Z');
    expect(w.hourStart[171 * 24 + 12]).toBe('2001-06-21T11:00:00Z');
    expect(Math.abs(irradianceCentroid_h(w) - (12 - w.longitude_deg / 15))).toBeLessThan(0.1);
  });

  it('refuses a missing hour with its line', () => {
    const text = shared('TRY2015_523938130651_Jahr.dat');
    const lines = text.split('\n');
    const star = lines.findIndex((l) => l.startsWith('***'));
    lines.splice(star + 3, 1); // drop 1 January HH 3
    expect(() => readWeather(lines.join('\n'))).toThrow(
      /line 37: expected hour 3 of the year, found 01-01 hour 3/,
    );
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
