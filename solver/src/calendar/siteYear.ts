import { IANAZone } from 'luxon';
import { dayTypesWith, publicHolidays, type DayType, type FederalState } from './dayTypes';

/**
 * The time axis of a project year: the one place that turns a year and the site's IANA time zone
 * (`site.timeZone`) into hours, instants and local calendar days.
 *
 * Time basis: the project year is the site's local calendar year in legal time (the time on the
 * wall clock, with daylight saving time where the zone has it): it runs from 1 January 00:00 local
 * time to the next 1 January 00:00 local time. Hour index h (0 … hours − 1) is the interval
 * [start + h·1 h, start + (h + 1)·1 h) in UTC: the axis is evenly spaced in physical time, so it has
 * no gap in spring and no doubled hour in autumn, and every series of the project (model, results,
 * imports, weather) is placed on it by its UTC instants. For Europe/Berlin, hour 0 begins at
 * 31 December 23:00 UTC (1 January 00:00 CET), a year has 8,760 hours (8,784 in a leap year), and
 * from the spring clock change (last Sunday of March, 01:00 UTC) to the autumn one (last Sunday of
 * October, 01:00 UTC) the wall clock shows one hour more than standard time (CEST, UTC+2).
 *
 * Each hour has two local readings: legal time (`day`, `hourOfDay`), by which people live and BDEW
 * standard load profiles are applied, and standard time (`standardDay`, `standardHourOfDay`: the
 * zone's offset without daylight saving, CET = UTC+1 for Germany all year), in which e.g. the DWD
 * test reference years are written. Calendar days (`weekday`, `dayType`, `month`, …) are the days of
 * legal time, 0 = 1 January.
 */
export interface SiteYear {
  year: number;
  timeZone: string;
  /** UTC instants (ms) of 1 January 00:00 local time of `year` and of `year + 1`. */
  start_ms: number;
  end_ms: number;
  /** Hours on the axis: 8,760 or 8,784 for a zone whose offset on 1 January is the same both years. */
  hours: number;
  /** Local calendar days: 365 or 366. */
  days: number;
  /** The zone's standard offset from UTC in minutes (the smaller of January's and July's). */
  standardOffset_min: number;
  /** Per hour: offset of legal time from UTC in minutes (60 CET, 120 CEST). */
  offset_min: Int16Array;
  /** Per hour: local legal day of the year (0 = 1 January) and hour of the day (0–23). */
  day: Int16Array;
  hourOfDay: Uint8Array;
  /**
   * Per hour: day of the year and hour of the day in standard time (may be −1 or `days` at the
   * ends where a zone is in daylight saving time on 1 January, e.g. in the southern hemisphere).
   */
  standardDay: Int16Array;
  standardHourOfDay: Uint8Array;
  /** Per local day: month 1–12, day of the month 1–31, weekday 0 Monday … 6 Sunday. */
  month: Uint8Array;
  dayOfMonth: Uint8Array;
  weekday: Uint8Array;
  /** Per local day: public holiday of the federal state (false for all without a state). */
  holiday: boolean[];
  /** Per local day: BDEW day type (holidays count as Sundays; 24 and 31 December as Saturdays). */
  dayType: DayType[];
  /** The clock changes of the year, null where the zone has none that year. */
  springForward: ClockChange | null;
  fallBack: ClockChange | null;
}

export interface ClockChange {
  /** Local day of the year (0 = 1 January). */
  day: number;
  /** Index of the first hour after the change. */
  hour: number;
  /** UTC instant of the change (ms). */
  instant_ms: number;
  /** Change of the offset in minutes: +60 in spring, −60 in autumn for Central Europe. */
  shift_min: number;
}

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new Error(`unknown time zone '${timeZone}'`);
  return zone;
}

/** UTC instant of a local wall-clock midnight (the first instant of that local date). */
function localMidnight(zone: IANAZone, year: number, month: number, day: number): number {
  const wall = Date.UTC(year, month - 1, day);
  // Two passes settle the offset; a midnight skipped by a clock change maps to the first instant after it.
  let t = wall - zone.offset(wall) * 60_000;
  t = wall - zone.offset(t) * 60_000;
  return t;
}

/** The zone's standard offset in a year: the smaller of the offsets on 1 January and 1 July. */
export function standardOffset_min(timeZone: string, year: number): number {
  const zone = zoneOf(timeZone);
  return Math.min(zone.offset(Date.UTC(year, 0, 1)), zone.offset(Date.UTC(year, 6, 1)));
}

const cache = new Map<string, SiteYear>();

/**
 * The site year of `year` in `timeZone` (IANA name, e.g. 'Europe/Berlin'). `state`: German federal
 * state for public holidays (day types); without it only Saturdays, Sundays and 24/31 December count.
 */
export function siteYear(year: number, timeZone: string, state?: FederalState): SiteYear {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new Error(`invalid year ${year}`);
  const key = `${year}|${timeZone}|${state ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const zone = zoneOf(timeZone);
  const start_ms = localMidnight(zone, year, 1, 1);
  const end_ms = localMidnight(zone, year + 1, 1, 1);
  const hours = Math.round((end_ms - start_ms) / HOUR_MS);
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  const std = standardOffset_min(timeZone, year);
  const local0 = Date.UTC(year, 0, 1);
  const offset = new Int16Array(hours);
  const day = new Int16Array(hours);
  const hourOfDay = new Uint8Array(hours);
  const standardDay = new Int16Array(hours);
  const standardHourOfDay = new Uint8Array(hours);
  let springForward: ClockChange | null = null;
  let fallBack: ClockChange | null = null;
  for (let h = 0; h < hours; h++) {
    const t = start_ms + h * HOUR_MS;
    if (h % 24 === 0) {
      // One offset for the next 24 hours unless it differs at their ends (a clock-change day).
      const a = zone.offset(t);
      const b = zone.offset(Math.min(t + 23 * HOUR_MS, end_ms - HOUR_MS));
      for (let k = h; k < Math.min(hours, h + 24); k++)
        offset[k] = a === b ? a : zone.offset(start_ms + k * HOUR_MS);
    }
    const off = offset[h];
    const local = t + off * 60_000 - local0;
    day[h] = Math.floor(local / DAY_MS);
    hourOfDay[h] = Math.floor((local - day[h] * DAY_MS) / HOUR_MS);
    const standard = t + std * 60_000 - local0;
    standardDay[h] = Math.floor(standard / DAY_MS);
    standardHourOfDay[h] = Math.floor((standard - standardDay[h] * DAY_MS) / HOUR_MS);
    if (h > 0 && off !== offset[h - 1]) {
      // The offset changed within the previous hour (on the hour for whole-hour zones).
      const change = {
        day: day[h],
        hour: h,
        instant_ms: changeInstant(zone, t - HOUR_MS, t),
        shift_min: off - offset[h - 1],
      };
      if (change.shift_min > 0) springForward ??= change;
      else fallBack ??= change;
    }
  }
  const month = new Uint8Array(days);
  const dayOfMonth = new Uint8Array(days);
  const weekday = new Uint8Array(days);
  for (let d = 0; d < days; d++) {
    const date = new Date(local0 + d * DAY_MS);
    month[d] = date.getUTCMonth() + 1;
    dayOfMonth[d] = date.getUTCDate();
    weekday[d] = (date.getUTCDay() + 6) % 7;
  }
  const holidays = state ? publicHolidays(year, state) : new Set<string>();
  const holiday = Array.from({ length: days }, (_, d) =>
    holidays.has(new Date(local0 + d * DAY_MS).toISOString().slice(0, 10)),
  );
  const sy: SiteYear = {
    year,
    timeZone,
    start_ms,
    end_ms,
    hours,
    days,
    standardOffset_min: std,
    offset_min: offset,
    day,
    hourOfDay,
    standardDay,
    standardHourOfDay,
    month,
    dayOfMonth,
    weekday,
    holiday,
    dayType: dayTypesWith(year, holidays),
    springForward,
    fallBack,
  };
  cache.set(key, sy);
  return sy;
}

/** The instant within (a, b] at which the zone's offset changes, to the minute. */
function changeInstant(zone: IANAZone, a: number, b: number): number {
  const before = zone.offset(a);
  while (b - a > 60_000) {
    const mid = a + Math.floor((b - a) / 120_000) * 60_000;
    if (mid <= a) break;
    if (zone.offset(mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

/** Index of the hour that contains a UTC instant, or −1 outside the year. */
export function hourIndex(sy: SiteYear, instant_ms: number): number {
  if (instant_ms < sy.start_ms || instant_ms >= sy.end_ms) return -1;
  return Math.floor((instant_ms - sy.start_ms) / HOUR_MS);
}

/** UTC instant (ms) at which hour `h` begins. */
export const hourStart = (sy: SiteYear, h: number): number => sy.start_ms + h * HOUR_MS;

/**
 * The intervals of a resolution (minutes, dividing 60) on the year's axis, each with its local legal
 * day of the year and minute of the day: where the intervals of a table given per wall-clock time
 * belong. On the spring change day the skipped wall-clock times have no interval; on the autumn day
 * the repeated ones have two.
 */
export function localIntervals(
  sy: SiteYear,
  resolution_min: number,
): { count: number; day: Int16Array; minuteOfDay: Uint16Array } {
  if (!(resolution_min > 0) || 60 % resolution_min !== 0)
    throw new Error(`resolution ${resolution_min} min does not divide an hour`);
  const perHour = 60 / resolution_min;
  const count = sy.hours * perHour;
  const zone = zoneOf(sy.timeZone);
  const local0 = Date.UTC(sy.year, 0, 1);
  const day = new Int16Array(count);
  const minuteOfDay = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    const h = Math.floor(i / perHour);
    const t = sy.start_ms + i * resolution_min * 60_000;
    // Offsets change on the hour in most zones; check the interval itself only near a change.
    const near =
      sy.offset_min[h] !== sy.offset_min[Math.max(0, h - 1)] ||
      sy.offset_min[h] !== sy.offset_min[Math.min(sy.hours - 1, h + 1)];
    const off = near ? zone.offset(t) : sy.offset_min[h];
    const local = t + off * 60_000 - local0;
    const d = Math.floor(local / DAY_MS);
    day[i] = d;
    minuteOfDay[i] = Math.floor((local - d * DAY_MS) / 60_000);
  }
  return { count, day, minuteOfDay };
}

/** Hour `h` as a UTC stamp, 'YYYY-MM-DDTHH:MMZ'. */
export function utcStamp(sy: SiteYear, h: number): string {
  return new Date(hourStart(sy, h)).toISOString().slice(0, 16) + 'Z';
}

/** Hour `h` on the local legal wall clock with its offset, 'YYYY-MM-DD HH:MM +hh:mm'. */
export function legalStamp(sy: SiteYear, h: number): string {
  const off = sy.offset_min[h];
  const local = new Date(hourStart(sy, h) + off * 60_000).toISOString();
  const a = Math.abs(off);
  const sign = off < 0 ? '-' : '+';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${sign}${p(Math.floor(a / 60))}:${p(a % 60)}`;
}

/** Mean of an hourly series on the axis over each local legal day (23 or 25 hours on change days). */
export function dailyMeans(sy: SiteYear, hourly: ArrayLike<number>): Float64Array {
  if (hourly.length !== sy.hours)
    throw new Error(`expected ${sy.hours} hourly values for ${sy.year}, found ${hourly.length}`);
  const sum = new Float64Array(sy.days);
  const count = new Float64Array(sy.days);
  for (let h = 0; h < sy.hours; h++) {
    sum[sy.day[h]] += hourly[h];
    count[sy.day[h]]++;
  }
  return sum.map((s, d) => s / count[d]);
}

/** The site year of a project's `site` (`year`, IANA `timeZone`), with the federal state if known. */
export function siteYearOf(site: { year: number; timeZone: string }, state?: FederalState): SiteYear {
  return siteYear(site.year, site.timeZone, state);
}

/**
 * Hour `h` on the standard clock, 'YYYY-MM-DD HH:00': the label the results, CSV files and messages
 * use today (solver/src/project/calendar.ts `hourLabel`, which assumes the zone is on standard time
 * on 1 January), here for any zone.
 */
export function standardStamp(sy: SiteYear, h: number): string {
  const local = new Date(hourStart(sy, h) + sy.standardOffset_min * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/**
 * Hour `h` on the site's standard wall clock as epoch ms whose UTC fields read that clock (for
 * Date-based formatting, e.g. spreadsheet cells): hourStart + standard offset.
 */
export const standardWallClock_ms = (sy: SiteYear, h: number): number =>
  hourStart(sy, h) + sy.standardOffset_min * 60_000;

/** The site year of a dispatch or project year in `timeZone` (Europe/Berlin when absent or unknown). */
export function siteYearOrDefault(year: number, timeZone?: string): SiteYear {
  try {
    return siteYear(year, timeZone ?? 'Europe/Berlin');
  } catch {
    return siteYear(year, 'Europe/Berlin');
  }
}

/** The zone's standard offset as 'UTC+01:00'. */
export function standardOffsetLabel(sy: SiteYear): string {
  const off = sy.standardOffset_min;
  const a = Math.abs(off);
  const p = (n: number) => String(n).padStart(2, '0');
  return `UTC${off < 0 ? '-' : '+'}${p(Math.floor(a / 60))}:${p(a % 60)}`;
}
