import type { TFunction } from 'i18next';
import { parseGeneratedSourceNote, siteWeather, type Site } from '../../../../solver/src';

/** What a project's figures rest on: the weather, the year of its profiles and their time basis. */
export interface ProjectBasis {
  weather: string;
  year: number | null;
  timeBasis: string;
}

interface DocLike {
  site?: { year?: unknown; timeZone?: unknown; ambientTemperature?: unknown; weather?: unknown };
  timeSeries?: Record<string, { unit?: unknown; source?: unknown } | undefined>;
}

/** Units of weather series and of the yields computed from weather. */
const WEATHER_UNITS = new Set(['°C', 'kWh/kWp', 'kWh/m2', 'kWh/m²', 'W/m2', 'W/m²']);

/** "45° N 8° E" (or "45,0° N 8,0° E") out of a source note, as written there. */
const PLACE = /(\d+(?:[.,]\d+)?\s?°\s?[NS])[,\s]+(\d+(?:[.,]\d+)?\s?°\s?[EOW])/;

/**
 * The weather a project uses, from the `source` note of its ambient temperature (else of any
 * weather or yield series): the PVGIS sample shipped with the app (its generated note in German or
 * English) is named as the example it is.
 */
function weatherOf(doc: DocLike, t: TFunction): string {
  const series = doc.timeSeries ?? {};
  const ambient =
    typeof doc.site?.ambientTemperature === 'string' ? series[doc.site.ambientTemperature] : undefined;
  const candidates = [
    ambient,
    ...Object.values(series).filter((s) => typeof s?.unit === 'string' && WEATHER_UNITS.has(s.unit)),
  ].filter((s): s is { unit?: unknown; source?: unknown } => !!s);
  if (candidates.length === 0) return t('results.basis.noWeather');
  const source = candidates.map((s) => (typeof s.source === 'string' ? s.source.trim() : '')).find(Boolean);
  if (!source) return t('results.basis.unknownWeather');
  // the sample weather the planner generates, its note in either language (with any remark after ' – ')
  if (parseGeneratedSourceNote(source.split(' – ')[0])?.kind === 'weather') {
    // made from the site's DWD TRY, which the planner records in site.weather when it makes them
    const recorded = doc.site?.weather as Site['weather'];
    if (recorded?.kind === 'dwd-try') {
      const w = siteWeather({
        ...(doc.site as Pick<Site, 'latitude_deg' | 'longitude_deg'>),
        weather: recorded,
      });
      if (w.kind === 'dwd-try')
        return t('results.basis.dwdTry', { year: w.year, region: w.region.region, place: w.region.place });
    }
    return t('results.basis.pvgisSample', { place: '45° N 8° E' });
  }
  const place = PLACE.exec(source);
  const where = place ? `${place[1]} ${place[2]}` : '';
  if (/PVGIS/i.test(source) && /TMY/i.test(source))
    return /assets\/weather|45\s?°\s?N\s+8\s?°\s?E/i.test(source)
      ? t('results.basis.pvgisSample', { place: where || '45° N 8° E' })
      : t('results.basis.pvgis', { place: where });
  if (/\bDWD\b|TRY/.test(source)) return t('results.basis.dwd', { source });
  return source;
}

/** Every series is in local standard time (docs/formats/project.md); Germany's is CET, UTC+1. */
function timeBasisOf(doc: DocLike, t: TFunction): string {
  const zone = typeof doc.site?.timeZone === 'string' ? doc.site.timeZone : '';
  return zone === 'Europe/Berlin' || zone === ''
    ? t('results.basis.timeCet')
    : t('results.basis.timeZone', { zone });
}

export function projectBasis(document: unknown, t: TFunction): ProjectBasis | null {
  if (!document || typeof document !== 'object') return null;
  const doc = document as DocLike;
  const year = typeof doc.site?.year === 'number' ? doc.site.year : null;
  return { weather: weatherOf(doc, t), year, timeBasis: timeBasisOf(doc, t) };
}

/** One line: "Wetter: …, Jahr 2025, Zeitbasis: …". */
export function basisLine(document: unknown, t: TFunction): string | null {
  const b = projectBasis(document, t);
  if (!b) return null;
  return t('results.basis.line', {
    weather: b.weather,
    year: b.year ?? t('results.basis.noYear'),
    time: b.timeBasis,
  });
}
