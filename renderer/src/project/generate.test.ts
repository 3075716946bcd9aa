import { describe, expect, it } from 'vitest';
import {
  electricityProfile,
  generatedSource,
  generatedSpecOf,
  heatProfile,
  onSiteYear,
  projectWeather,
  weatherSeries,
} from './generate';
import type { GeneratedSpec } from './profileTypes';
import type { WeatherYear } from '../../../solver/src/weather/readers';
import { sourceNoteIn } from '../../../solver/src/profiles/sourceNotes';
import { tryRegion } from '../../../solver/src/weather/try';

const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('generated series', () => {
  it('BDEW H25 over 2023 sums to the annual energy in 8760 hours', async () => {
    const p = await electricityProfile('H25', 4000, 2023);
    expect(p).toHaveLength(8760);
    expect(sum(p)).toBeCloseTo(4000, 6);
  });
  it('SigLinDe heat for a leap year has 8784 hours, more heat in January than July', async () => {
    const p = await heatProfile('MFH', 100_000, 2024);
    expect(p).toHaveLength(8784);
    expect(sum(p)).toBeCloseTo(100_000, 4);
    expect(sum(p.subarray(0, 744))).toBeGreaterThan(3 * sum(p.subarray(181 * 24, 212 * 24)));
  });
  it('SigLinDe heat follows the site year: holidays count as Sundays', async () => {
    const by = await heatProfile('GHA', 100_000, 2025, undefined, 'BY');
    const be = await heatProfile('GHA', 100_000, 2025, undefined, 'BE');
    // 6 January 2025 (Epiphany) is a holiday in Bavaria, a working Monday in Berlin
    const day = (p: Float64Array, d: number) => sum(p.subarray(d * 24, d * 24 + 24));
    // both are scaled to the same annual energy: equal days differ by one common factor
    const k = day(by, 10) / day(be, 10);
    expect(day(by, 20) / day(be, 20)).toBeCloseTo(k, 9);
    expect(day(by, 5) / day(be, 5)).toBeLessThan(0.95 * k);
  });
  it('weather series are shifted from UTC to local standard time', async () => {
    const w = { utcOffset_h: 0 } as WeatherYear;
    const v = Float64Array.from({ length: 8760 }, (_, i) => i);
    const s = onSiteYear(w, v, 2023);
    expect(s[1]).toBe(0); // 01:00 CET = 00:00 UTC
    expect(s[0]).toBe(8759);
    const ws = await weatherSeries(2023);
    expect(ws.ambient).toHaveLength(8760);
    const pvSum = sum(ws.pvYield);
    expect(pvSum).toBeGreaterThan(900); // kWh/kWp a year at 45° N
    expect(pvSum).toBeLessThan(1800);
    expect(ws.pvYield[0]).toBe(0); // midnight
  });

  it('a German site computes with the DWD TRY 2015 of its nearest region, never the PVGIS sample', async () => {
    const berlin = await weatherSeries(2023, { latitude_deg: 52.52, longitude_deg: 13.4 });
    // Potsdam TRY2015: Σt/8760 = 9.939 °C (the PVGIS sample at 45° N 8° E: 13.6 °C)
    expect(sum(berlin.ambient) / 8760).toBeCloseTo(9.939, 3);
    // TRY rows are CET: hour 0 of the site year is the file's first row
    const w = await projectWeather({ latitude_deg: 52.52, longitude_deg: 13.4 });
    expect(w.tryRegion).toBe(4);
    expect(berlin.ambient[0]).toBe(w.temperature_C[0]);
    const p2045 = await weatherSeries(2023, {
      latitude_deg: 52.52,
      longitude_deg: 13.4,
      weather: { kind: 'dwd-try', year: 2045 },
    });
    expect(sum(p2045.ambient) / 8760).toBeCloseTo(11.09, 2);
    const munich = await projectWeather({ latitude_deg: 48.14, longitude_deg: 11.58 });
    expect(munich.tryRegion).toBe(13);
  });

  it('writes the source note in the planner’s language and reads old and new notes in both', () => {
    const heat: GeneratedSpec = { kind: 'heat', type: 'MFH', annual_kWh: 20000 };
    const electricity: GeneratedSpec = { kind: 'electricity', profile: 'G25', annual_kWh: 1234.5 };
    expect(generatedSource(heat, 'de')).toBe(
      'BDEW-SigLinDe-Wärmeprofil MFH, Wetter PVGIS TMY, 20.000 kWh/a (Werkplan)',
    );
    expect(generatedSource(heat, 'en')).toBe('BDEW SigLinDe MFH, PVGIS TMY weather, 20000 kWh/a (Werkplan)');
    const of = (source: string, unit = 'kW') => generatedSpecOf({ source, unit, kind: 'demand' });
    for (const lang of ['de', 'en'] as const) {
      expect(of(generatedSource(heat, lang))).toEqual(heat);
      expect(of(generatedSource(electricity, lang))).toEqual(electricity);
      // a series shifted to the project year keeps its note with a remark after it
      expect(of(`${generatedSource(heat, lang)} – aus 2023 verschoben (+104 Wochen)`)).toEqual(heat);
      const weather = generatedSource({ kind: 'ambient' }, lang);
      expect(of(weather, '°C')).toEqual({ kind: 'ambient' });
      expect(of(weather, 'kWh/kWp')).toEqual({ kind: 'pvYield' });
      expect(of(weather, 'kWh/m2')).toEqual({ kind: 'solarYield' });
    }
    expect(of('Lastgang Stadtwerke 2024')).toBeNull();
    expect(of('BDEW SigLinDe XYZ, PVGIS TMY weather, 100 kWh/a (Werkplan)')).toBeNull();
  });

  it('names an imported weather file, and the series is still known as generated', () => {
    const heat: GeneratedSpec = { kind: 'heat', type: 'MFH', annual_kWh: 20000 };
    const site = { weather: { kind: 'file' as const, name: 'Dach 2024.epw', format: 'epw' as const } };
    expect(generatedSource(heat, 'de', site)).toBe(
      'BDEW-SigLinDe-Wärmeprofil MFH, Wetterdatei Dach 2024.epw, 20.000 kWh/a (Werkplan)',
    );
    expect(generatedSource({ kind: 'ambient' }, 'en', site)).toBe('Weather file Dach 2024.epw (Werkplan)');
    const of = (source: string, unit = 'kW') => generatedSpecOf({ source, unit, kind: 'demand' });
    expect(of(generatedSource(heat, 'en', site))).toEqual(heat);
    expect(of(generatedSource({ kind: 'ambient' }, 'de', site), '°C')).toEqual({ kind: 'ambient' });
  });

  it('names the site’s DWD test reference year with DWD’s source note, not PVGIS', () => {
    const heat: GeneratedSpec = { kind: 'heat', type: 'MFH', annual_kWh: 20000 };
    const munich = {
      latitude_deg: 48.14,
      longitude_deg: 11.58,
      weather: { kind: 'dwd-try' as const, year: 2015 as const },
    };
    expect(generatedSource(heat, 'de', munich)).toBe(
      'BDEW-SigLinDe-Wärmeprofil MFH, Wetter DWD-Testreferenzjahr 2015 Region 13 ' +
        `${tryRegion(13).place}, Quelle: Deutscher Wetterdienst, 20.000 kWh/a (Werkplan)`,
    );
    expect(generatedSource(heat, 'en', munich)).toBe(
      'BDEW SigLinDe MFH, DWD test reference year 2015 region 13 ' +
        `${tryRegion(13).place}, Quelle: Deutscher Wetterdienst, 20000 kWh/a (Werkplan)`,
    );
    const of = (source: string, unit = 'kW') => generatedSpecOf({ source, unit, kind: 'demand' });
    for (const lang of ['de', 'en'] as const) {
      const note = generatedSource({ kind: 'ambient' }, lang, munich);
      expect(note).toContain('Quelle: Deutscher Wetterdienst');
      expect(note).not.toContain('PVGIS');
      expect(of(note, '°C')).toEqual({ kind: 'ambient' });
      expect(of(generatedSource(heat, lang, munich))).toEqual(heat);
      // the note is given in the reader's language
      expect(sourceNoteIn(generatedSource(heat, lang, munich), lang === 'de' ? 'en' : 'de')).toBe(
        generatedSource(heat, lang === 'de' ? 'en' : 'de', munich),
      );
    }
    // electricity profiles use no weather
    expect(
      generatedSource({ kind: 'electricity', profile: 'G25', annual_kWh: 1 }, 'en', munich),
    ).not.toContain('DWD');
  });
});
