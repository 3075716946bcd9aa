import { HOUR_MS, type SiteYear } from '../calendar/siteYear';
import type { Site } from '../project/types';
import { REFERENCE_YEAR, type WeatherYear } from './readers';
import { tryFor, tryRegion, type TryChoice } from './try';

/**
 * The weather of a project's site (`site.weather`, docs/weather.md): a DWD test reference year, by
 * default the mean year 2015 of the region whose representative cell is nearest to the site, or an
 * imported file. A site without coordinates gets region 4 (Potsdam), the reference location of the
 * German building energy rules (GEG, DIN V 18599), and is told so (`noPosition`).
 */
export type SiteWeather =
  | (TryChoice & { kind: 'dwd-try'; noPosition: boolean })
  | { kind: 'file'; name: string; format: string; latitude_deg?: number; longitude_deg?: number };

export const FALLBACK_TRY_REGION = 4;

export function siteWeather(site: Pick<Site, 'latitude_deg' | 'longitude_deg' | 'weather'>): SiteWeather {
  const w = site.weather;
  if (w?.kind === 'file') return { ...w };
  const year = w?.year ?? 2015;
  const lat = site.latitude_deg;
  const lon = site.longitude_deg;
  if (lat === undefined || lon === undefined) {
    const r = tryRegion(w?.region ?? FALLBACK_TRY_REGION);
    return {
      kind: 'dwd-try',
      region: r,
      year,
      distance_km: NaN,
      chosen: w?.region !== undefined,
      noPosition: true,
    };
  }
  return { kind: 'dwd-try', ...tryFor(lat, lon, { region: w?.region, year }), noPosition: false };
}

/**
 * An hourly series of a typical year (row k as in `w`) on a project's time axis: each hour of the
 * site year takes the row of the same month, day and hour in the weather file's own clock (its
 * `utcOffset_h`; a TRY's CET, PVGIS's UTC), so the sun stays where the file has it. 29 February
 * repeats 28 February; the year is cyclic at its ends (a clock ahead of the file's reaches into the
 * previous year's last hours).
 */
export function onSiteYear(
  w: Pick<WeatherYear, 'utcOffset_h'>,
  values: ArrayLike<number>,
  sy: SiteYear,
): Float64Array {
  const n = values.length;
  if (n !== 8760) throw new Error(`a typical year has 8760 hourly values, not ${n}`);
  const out = new Float64Array(sy.hours);
  const ref0 = Date.UTC(REFERENCE_YEAR, 0, 1);
  for (let h = 0; h < sy.hours; h++) {
    const local = new Date(sy.start_ms + h * HOUR_MS + w.utcOffset_h * HOUR_MS);
    let month = local.getUTCMonth();
    let day = local.getUTCDate();
    if (month === 1 && day === 29) day = 28;
    // a different calendar year at the ends (the file's clock vs the site's) wraps around
    if (local.getUTCFullYear() < sy.year) [month, day] = [11, 31];
    else if (local.getUTCFullYear() > sy.year) [month, day] = [0, 1];
    const k = Math.round((Date.UTC(REFERENCE_YEAR, month, day, local.getUTCHours()) - ref0) / HOUR_MS);
    out[h] = values[((k % n) + n) % n];
  }
  return out;
}
