import { describe, expect, it } from 'vitest';
import { testProject, yearSeries } from '../model/testing';
import { findLanguageProblems } from '../report/languageCheck';
import type { ReportModel } from '../report/model';
import { seriesTable } from '../report/tables';
import {
  generatedSourceNote,
  parseGeneratedSourceNote,
  sourceNoteIn,
  type GeneratedNote,
} from './sourceNotes';

const heat: GeneratedNote = { kind: 'heat', type: 'EFH', annual_kWh: 20000 };
const electricity: GeneratedNote = { kind: 'electricity', profile: 'H25', annual_kWh: 3500 };
const weather: GeneratedNote = { kind: 'pvYield' };

describe('source notes of generated series', () => {
  it('English: exactly the notes the planner has always written', () => {
    expect(generatedSourceNote(heat, 'en')).toBe(
      'BDEW SigLinDe EFH, PVGIS TMY weather, 20000 kWh/a (Werkplan)',
    );
    expect(generatedSourceNote(electricity, 'en')).toBe(
      'BDEW standard load profile H25 (2025), 3500 kWh/a (Werkplan)',
    );
    expect(generatedSourceNote(weather, 'en')).toBe('PVGIS 5.3 TMY 45° N 8° E (assets/weather), south 35°');
  });

  it('German: the same sources, year, place and energy, in German', () => {
    expect(generatedSourceNote(heat, 'de')).toBe(
      'BDEW-SigLinDe-Wärmeprofil EFH, Wetter PVGIS TMY, 20.000 kWh/a (Werkplan)',
    );
    expect(generatedSourceNote(electricity, 'de')).toBe(
      'BDEW-Standardlastprofil H25 (2025), 3.500 kWh/a (Werkplan)',
    );
    expect(generatedSourceNote(weather, 'de')).toBe(
      'PVGIS v5.3 TMY 45° N 8° E (Beispielwetter aus Werkplan), Süd, 35° Neigung',
    );
    for (const spec of [
      heat,
      electricity,
      weather,
      { kind: 'ambient' as const },
      { kind: 'solarYield' as const },
    ]) {
      const de = generatedSourceNote(spec, 'de');
      const en = generatedSourceNote(spec, 'en');
      expect(findLanguageProblems(de, 'de'), de).toEqual([]);
      expect(findLanguageProblems(en, 'en'), en).toEqual([]);
      // Every cited source and figure is kept: BDEW, SigLinDe, PVGIS, TMY, 2025, 5.3, 45° N 8° E, the energy.
      for (const cited of ['BDEW', 'SigLinDe', 'PVGIS', 'TMY', '(2025)', '5.3', '45° N 8° E', '(Werkplan)'])
        if (en.includes(cited)) expect(de, cited).toContain(cited);
      expect(de.match(/\d+/g)?.join('')).toBe(en.match(/\d+/g)?.join(''));
    }
    // The English notes are what a German reader must not get.
    expect(findLanguageProblems(generatedSourceNote(heat, 'en'), 'de')).not.toEqual([]);
    expect(findLanguageProblems(generatedSourceNote(weather, 'en'), 'de')).not.toEqual([]);
  });

  it('reads back in either language, German numbers included', () => {
    const odd: GeneratedNote = { kind: 'heat', type: 'GKO', annual_kWh: 1234567.5 };
    for (const lang of ['de', 'en'] as const) {
      expect(parseGeneratedSourceNote(generatedSourceNote(odd, lang))).toEqual(odd);
      expect(parseGeneratedSourceNote(generatedSourceNote(electricity, lang))).toEqual(electricity);
      expect(parseGeneratedSourceNote(generatedSourceNote(weather, lang))).toEqual({ kind: 'weather' });
    }
    expect(generatedSourceNote(odd, 'de')).toContain('1.234.567,5 kWh/a');
    expect(parseGeneratedSourceNote('Lastgang Stadtwerke 2024')).toBeNull();
  });

  it('an imported weather file is named, in both languages, and read back', () => {
    const file = { file: 'Messung Dach, 2024.epw' };
    const heat = { kind: 'heat', type: 'MFH', annual_kWh: 20000, weather: file } as const;
    expect(generatedSourceNote(heat, 'en')).toBe(
      'BDEW SigLinDe MFH, weather file Messung Dach, 2024.epw, 20000 kWh/a (Werkplan)',
    );
    expect(generatedSourceNote(heat, 'de')).toBe(
      'BDEW-SigLinDe-Wärmeprofil MFH, Wetterdatei Messung Dach, 2024.epw, 20.000 kWh/a (Werkplan)',
    );
    expect(generatedSourceNote({ kind: 'ambient', weather: file }, 'de')).toBe(
      'Wetterdatei Messung Dach, 2024.epw (Werkplan)',
    );
    for (const lang of ['de', 'en'] as const) {
      expect(parseGeneratedSourceNote(generatedSourceNote(heat, lang))).toEqual(heat);
      expect(parseGeneratedSourceNote(generatedSourceNote({ kind: 'weather', weather: file }, lang))).toEqual(
        {
          kind: 'weather',
          weather: file,
        },
      );
    }
    expect(generatedSourceNote(heat, 'de')).not.toContain('PVGIS');
  });
  it('sourceNoteIn: a generated note in the reader’s language, a remark after it and the user’s own notes kept', () => {
    const en = generatedSourceNote(electricity, 'en');
    const de = generatedSourceNote(electricity, 'de');
    expect(sourceNoteIn(en, 'de')).toBe(de);
    expect(sourceNoteIn(de, 'en')).toBe(en);
    expect(sourceNoteIn(en, 'en')).toBe(en);
    expect(sourceNoteIn(`${en} – um 1 Woche auf 2026 verschoben`, 'de')).toBe(
      `${de} – um 1 Woche auf 2026 verschoben`,
    );
    expect(sourceNoteIn('Lastgang Stadtwerke 2024 – bereinigt', 'en')).toBe(
      'Lastgang Stadtwerke 2024 – bereinigt',
    );
    expect(sourceNoteIn('', 'de')).toBe('');
  });

  it('the report’s series table gives the notes in the report’s language', () => {
    const project = testProject({ heat: yearSeries([1]), technologies: [] });
    project.timeSeries.heat.source = generatedSourceNote(heat, 'en');
    project.timeSeries.electricity.source = 'Lastgang Stadtwerke 2024';
    const m = { project } as ReportModel;
    const source = (lang: 'de' | 'en') => seriesTable(m, lang).rows.map((r) => r[r.length - 1]);
    expect(source('de')).toEqual([generatedSourceNote(heat, 'de'), 'Lastgang Stadtwerke 2024']);
    expect(source('en')).toEqual([generatedSourceNote(heat, 'en'), 'Lastgang Stadtwerke 2024']);
  });
});
