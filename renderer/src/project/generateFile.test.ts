import { afterEach, describe, expect, it } from 'vitest';
import { readWeather, onSiteYear as placeOnSiteYear, siteYear } from '../../../solver/src';
import { db } from '../db/schema';
import { createBlankProject } from './files';
import { heatProfile, projectWeather, WeatherFileMissing, weatherSeries } from './generate';
import { useProject } from './store';
import text from '../../../assets/weather/tmy_45.000_8.000_2005_2023.csv?raw';

const w = readWeather(text);
const fileSite = (name: string) => ({
  timeZone: 'Europe/Berlin',
  weather: { kind: 'file' as const, name, format: 'pvgis-csv' as const },
});

afterEach(async () => {
  await useProject.getState().load(db(), null);
});

describe('the weather of a site from an imported file', () => {
  it('reads the project’s stored file: temperatures on the project year equal the file’s', async () => {
    const p = await createBlankProject(db(), 'Datei');
    await useProject.getState().load(db(), p.id);
    await db().weatherFiles.put({ projectId: p.id, name: 'tmy.csv', importedAt: 1, weather: w });
    const got = await projectWeather(fileSite('tmy.csv'));
    expect(Array.from(got.temperature_C)).toEqual(Array.from(w.temperature_C));
    const s = await weatherSeries(2023, fileSite('tmy.csv'));
    const expected = placeOnSiteYear(w, w.temperature_C, siteYear(2023, 'Europe/Berlin'));
    expect(s.ambient).toHaveLength(8760);
    expect(Array.from(s.ambient)).toEqual(Array.from(expected));
    // PVGIS is UTC: 1 January 2023 00:00 CET is 31 December 23:00 UTC of the file's year, wrapped
    expect(s.ambient[1]).toBe(w.temperature_C[0]);
    expect(s.pvYield.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    const heat = await heatProfile('EFH', 20_000, 2024, fileSite('tmy.csv'));
    expect(heat).toHaveLength(8784);
  });

  it('without a stored file it says to import it again', async () => {
    const p = await createBlankProject(db(), 'Ohne');
    await useProject.getState().load(db(), p.id);
    await expect(projectWeather(fileSite('missing.epw'))).rejects.toBeInstanceOf(WeatherFileMissing);
  });
});
