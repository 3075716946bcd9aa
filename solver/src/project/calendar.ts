import { siteYear, standardStamp, type SiteYear } from '../calendar/siteYear';

/**
 * Thin view of the site-year calendar (solver/src/calendar/siteYear.ts) for the model, validation,
 * explanations and results: hours and labels come from siteYear(year, site.timeZone). Without a
 * zone Europe/Berlin is assumed. Time basis of `hourLabel`: the site's standard time.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** The site year, or null where the year or zone is invalid (validation reports those). */
function tryYear(year: number, timeZone: string): SiteYear | null {
  try {
    return siteYear(year, timeZone);
  } catch {
    return null;
  }
}

/** Hours of the site's calendar year: 8784 in leap years, else 8760 (one hour per UTC hour). */
export function hoursInYear(year: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const sy = tryYear(year, timeZone);
  if (sy) return sy.hours;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 8784 : 8760;
}

/** Hour `t` of `year` in the site's local standard time, 'YYYY-MM-DD HH:00' (messages and CSV). */
export function hourLabel(year: number, t: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const sy = tryYear(year, timeZone) ?? tryYear(year, 'UTC');
  if (sy) return standardStamp(sy, t);
  const d = new Date(Date.UTC(year, 0, 1) + t * 3_600_000);
  return d.toISOString().slice(0, 13).replace('T', ' ') + ':00';
}
