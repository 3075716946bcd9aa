import type { TFunction } from 'i18next';
import { readWeather, WeatherFormatError, type WeatherYear } from '../../../../solver/src';
import { changeSiteWeather } from '../../project/seriesActions';
import { useProject } from '../../project/store';

/** The file types the weather import offers (PVGIS CSV/JSON, EPW, DWD TRY .dat/.txt). */
export const WEATHER_FILE_ACCEPT = '.csv,.json,.epw,.dat,.txt';

/** Reads a weather file with the solver's readers; a bad file gives a located message in the user's language. */
export function parseWeatherFile(
  name: string,
  text: string,
  t: TFunction,
): { ok: true; weather: WeatherYear } | { ok: false; message: string } {
  try {
    return { ok: true, weather: readWeather(text) };
  } catch (e) {
    const line = e instanceof WeatherFormatError ? e.line : undefined;
    // The reader's fault in the user's language; any other error is not shown raw (it is English).
    const detail =
      e instanceof WeatherFormatError && e.code
        ? t(`planner.weather.errors.${e.code}`, e.params)
        : t('planner.weather.errors.unexpected');
    return {
      ok: false,
      message: t(line ? 'planner.weather.fileErrorLine' : 'planner.weather.fileError', {
        name,
        line,
        detail,
      }),
    };
  }
}

/**
 * Imports a weather file for the open project: parses it, stores the parsed year in the local
 * database (store `weatherFiles`) and makes it the site's weather, which regenerates the weather-based
 * series. A file that cannot be read changes nothing; the message says why.
 */
export async function importWeatherFile(name: string, text: string, t: TFunction): Promise<string | null> {
  const parsed = parseWeatherFile(name, text, t);
  if (!parsed.ok) return parsed.message;
  const { db, projectId } = useProject.getState();
  if (!db || !projectId) return null;
  const w = parsed.weather;
  await db.weatherFiles.put({ projectId, name, importedAt: Date.now(), weather: w });
  await changeSiteWeather({
    kind: 'file',
    name,
    format: w.source,
    latitude_deg: w.latitude_deg,
    longitude_deg: w.longitude_deg,
    attribution: w.attribution,
  });
  return null;
}
