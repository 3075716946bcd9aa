import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import { generatedSourceNote } from '../../../../solver/src/profiles/sourceNotes';
import { basisLine, projectBasis } from './basis';

beforeAll(async () => {
  await initI18n('de');
});

const doc = (source: string | undefined, extra: object = {}) => ({
  site: { year: 2025, timeZone: 'Europe/Berlin', ambientTemperature: 'ambient' },
  timeSeries: {
    heat: { unit: 'kW', seriesId: 'h', source: 'Wärmelastgang 2023' },
    ambient: { unit: '°C', seriesId: 'a', ...(source ? { source } : {}) },
  },
  ...extra,
});

describe('project basis', () => {
  it('names the PVGIS sample weather plainly as an example, with year and time basis', () => {
    const t = i18next.getFixedT('de');
    expect(basisLine(doc('PVGIS 5.3 TMY 45° N 8° E (assets/weather), south 35°'), t)).toBe(
      'Wetter: PVGIS-TMY 45° N 8° E (Beispieldaten aus Norditalien, nicht der Standort des Projekts), ' +
        'Jahr 2025, Zeitbasis: Ortszeit ohne Sommerzeit (MEZ, UTC+1)',
    );
    const en = i18next.getFixedT('en');
    expect(basisLine(doc('PVGIS 5.3 TMY 45° N 8° E (assets/weather), south 35°'), en)).toBe(
      "Weather: PVGIS TMY 45° N 8° E (sample data from northern Italy, not the project's site), " +
        'year 2025, time basis: local standard time without daylight saving (CET, UTC+1)',
    );
  });

  it('recognises the sample weather by its generated note in German as in English', () => {
    const t = i18next.getFixedT('de');
    const sample =
      'Wetter: PVGIS-TMY 45° N 8° E (Beispieldaten aus Norditalien, nicht der Standort des Projekts)';
    for (const lang of ['de', 'en'] as const) {
      const note = generatedSourceNote({ kind: 'weather' }, lang);
      expect(basisLine(doc(note), t)).toMatch(sample);
      expect(basisLine(doc(`${note} – aus 2023 verschoben (+104 Wochen)`), t)).toMatch(sample);
    }
  });

  it('names the DWD TRY the planner recorded for series made from it', () => {
    const t = i18next.getFixedT('de');
    const en = i18next.getFixedT('en');
    const d = doc(generatedSourceNote({ kind: 'weather' }, 'de')) as { site: Record<string, unknown> };
    d.site.latitude_deg = 52.52;
    d.site.longitude_deg = 13.4;
    d.site.weather = { kind: 'dwd-try', year: 2045 };
    expect(projectBasis(d, t)?.weather).toBe(
      'DWD-Testreferenzjahr 2045, Region 4 Potsdam (Quelle: Deutscher Wetterdienst)',
    );
    expect(projectBasis(d, en)?.weather).toBe(
      'DWD test reference year 2045, region 4 Potsdam (Quelle: Deutscher Wetterdienst)',
    );
  });

  it('takes another source as written, and says when there is no weather or no source', () => {
    const t = i18next.getFixedT('de');
    expect(projectBasis(doc('DWD TRY 2017 Potsdam'), t)?.weather).toBe('DWD TRY 2017 Potsdam');
    expect(projectBasis(doc(undefined), t)?.weather).toBe('ohne Quellenangabe');
    const none = { site: { year: 2024, timeZone: 'Europe/Vienna' }, timeSeries: {} };
    expect(basisLine(none, t)).toBe(
      'Wetter: keine Wetterdaten, Jahr 2024, Zeitbasis: Ortszeit ohne Sommerzeit (Europe/Vienna)',
    );
    expect(basisLine(null, t)).toBeNull();
  });

  it('finds weather by the yield series when no ambient temperature is set', () => {
    const t = i18next.getFixedT('de');
    const d = {
      site: { year: 2023, timeZone: 'Europe/Berlin' },
      timeSeries: { pv_yield: { unit: 'kWh/kWp', seriesId: 'p', source: 'PVGIS TMY 52.5° N 13.4° E' } },
    };
    expect(projectBasis(d, t)?.weather).toBe('PVGIS-TMY 52.5° N 13.4° E');
  });
});
