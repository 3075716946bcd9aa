import { describe, expect, it } from 'vitest';
import type { Project } from '../project/types';
import { weatherNote } from './weatherNote';

const project = (site: Partial<Project['site']>) =>
  ({ site: { year: 2025, timeZone: 'Europe/Berlin', ...site } }) as Project;

describe('the weather note of a report', () => {
  it('names the TRY region, distance and both DWD notes in German and English', () => {
    const p = project({ latitude_deg: 52.52, longitude_deg: 13.4, weather: { kind: 'dwd-try', year: 2045 } });
    expect(weatherNote(p, 'de')).toBe(
      'Wetter: DWD-Testreferenzjahr 2045, Region 4 Potsdam (Nordostdeutsches Tiefland), 27 km vom Standort. ' +
        'Quelle: Deutscher Wetterdienst. Erträge, Wärmeprofile und COP: Datenbasis: Deutscher Wetterdienst, Werte verarbeitet.',
    );
    expect(weatherNote(p, 'en')).toContain('DWD test reference year 2045, region 4 Potsdam');
    expect(weatherNote(p, 'en')).toContain('27 km from the site. Quelle: Deutscher Wetterdienst.');
  });

  it('names an imported file with its source, and nothing when the project names no weather', () => {
    const f = project({
      weather: {
        kind: 'file',
        name: 'tmy.csv',
        format: 'pvgis-csv',
        attribution: 'PVGIS © European Union, 2001–2025',
      },
    });
    expect(weatherNote(f, 'en')).toBe('Weather: file tmy.csv. PVGIS © European Union, 2001–2025');
    expect(weatherNote(project({}), 'de')).toBeNull();
  });
});
