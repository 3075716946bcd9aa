import { hoursInYear } from '../../../solver/src';
import type { TimeSeriesRecord } from '../db/schema';
import { yearStart_ms } from './document';

/**
 * A series' year against the project's year: which calendar year a stored series covers, whether it
 * covers the whole project year, and the weekday-aligned shift of a series onto another year.
 * The project year is the site year of site.timeZone (Europe/Berlin when absent) from the solver's
 * site-year calendar: hour 0 is 1 January 00:00 local time.
 */

type Timed = Pick<TimeSeriesRecord, 'values' | 'start' | 'resolution_min'>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/** Start and end (exclusive) of a series as epoch ms. */
export function seriesSpan(rec: Timed): { start: number; end: number } {
  const start = Date.parse(rec.start);
  return { start, end: start + rec.values.length * rec.resolution_min * 60_000 };
}

/** The calendar year (local standard time) that holds the middle of the series. */
export function seriesYear(rec: Timed): number {
  const { start, end } = seriesSpan(rec);
  return new Date((start + end) / 2 + HOUR_MS).getUTCFullYear();
}

/** Hours of the project year the series does not reach at all (before its start or after its end). */
export function uncoveredHours(rec: Timed, year: number, timeZone?: string): number {
  const t0 = yearStart_ms(year, timeZone);
  const t1 = t0 + hoursInYear(year, timeZone) * HOUR_MS;
  const { start, end } = seriesSpan(rec);
  const covered = Math.max(0, Math.min(end, t1) - Math.max(start, t0));
  return Math.round((t1 - t0 - covered) / HOUR_MS);
}

/** The series reaches every hour of the project year (gaps inside it are another matter). */
export const coversYear = (rec: Timed, year: number, timeZone?: string): boolean =>
  uncoveredHours(rec, year, timeZone) === 0;

export interface ShiftedSeries {
  values: Float64Array;
  /** ISO instant of hour 0 of the target year. */
  start: string;
  fromYear: number;
  toYear: number;
  /** Whole weeks the values moved (positive: later). */
  weeks: number;
  /** Hours at the start and at the end of the target year that the shifted series did not reach, filled from the neighbouring week. */
  repeatedStart_h: number;
  repeatedEnd_h: number;
}

/**
 * Moves a series onto `year` by whole weeks, so that a Monday stays a Monday: the shift is the whole
 * number of weeks nearest to the calendar distance between the two years (2023 → 2025: 731 days →
 * 104 weeks). Intervals of the target year that the moved series does not reach (a few days at one
 * end, one more in a leap year) are repeated from the nearest week the series has, again weekday
 * for weekday. Public holidays do not line up (Easter moves; a holiday may land on a weekday).
 * The resolution is kept; the result covers exactly the target year.
 */
export function shiftToYear(rec: Timed, year: number): ShiftedSeries {
  const fromYear = seriesYear(rec);
  const weeks = Math.round((yearStart_ms(year) - yearStart_ms(fromYear)) / WEEK_MS);
  const shift = weeks * WEEK_MS;
  const step = rec.resolution_min * 60_000;
  const src = Date.parse(rec.start);
  const n = rec.values.length;
  const t0 = yearStart_ms(year);
  const count = Math.round((hoursInYear(year) * HOUR_MS) / step);
  const perWeek = Math.round(WEEK_MS / step);
  const values = new Float64Array(count);
  let before = 0;
  let after = 0;
  for (let j = 0; j < count; j++) {
    let i = Math.round((t0 + j * step - shift - src) / step);
    if (i < 0) {
      i += Math.ceil(-i / perWeek) * perWeek;
      before++;
    } else if (i >= n) {
      i -= Math.ceil((i - n + 1) / perWeek) * perWeek;
      after++;
    }
    values[j] = i >= 0 && i < n ? rec.values[i] : NaN;
  }
  const perHour = HOUR_MS / step;
  return {
    values,
    start: new Date(t0).toISOString(),
    fromYear,
    toYear: year,
    weeks,
    repeatedStart_h: Math.round(before / perHour),
    repeatedEnd_h: Math.round(after / perHour),
  };
}

/** The one problem a series has with the project year, or null: named by the user's name, both years. */
export interface CoverageProblem {
  /** Key of the series in the document. */
  key: string;
  seriesId: string;
  name: string;
  seriesYear: number;
  projectYear: number;
  missingHours: number;
}

/**
 * Series of the document that do not reach every hour of the project year: one entry per series
 * (not one per hour). Series that are missing from the records are left to the other checks.
 */
export function coverageProblems(
  doc: { site: { year: number }; timeSeries: Record<string, { seriesId: string }> },
  records: Iterable<Pick<TimeSeriesRecord, 'id' | 'name' | 'values' | 'start' | 'resolution_min'>>,
): CoverageProblem[] {
  const byId = new Map(Array.from(records, (r) => [r.id, r]));
  const out: CoverageProblem[] = [];
  for (const [key, ref] of Object.entries(doc.timeSeries)) {
    const rec = byId.get(ref.seriesId);
    if (!rec) continue;
    const missingHours = uncoveredHours(rec, doc.site.year);
    if (missingHours > 0)
      out.push({
        key,
        seriesId: rec.id,
        name: rec.name,
        seriesYear: seriesYear(rec),
        projectYear: doc.site.year,
        missingHours,
      });
  }
  return out;
}

/**
 * A problem list with the coverage problems in place of whatever else was said about those series
 * (a series outside the project year is one problem: not one per missing hour, not a gap count).
 */
export function withCoverage<P extends { pointer: string }>(
  problems: P[],
  coverage: CoverageProblem[],
  make: (c: CoverageProblem) => P,
): P[] {
  const about = (p: P) =>
    coverage.some(
      (c) => p.pointer === `/timeSeries/${c.key}` || p.pointer.startsWith(`/timeSeries/${c.key}/`),
    );
  return [...coverage.map(make), ...problems.filter((p) => !about(p))];
}
