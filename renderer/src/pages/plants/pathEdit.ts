import { pathValue, type Periods, type YearPath } from '../../../../solver/src';
import type { Finding } from '../../project/problems';
import type { PathMode, PathRow } from './pathRows';

/** Bounds of a period year (PeriodsSchema.years). */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

/** The year path of a row, if the document has one. */
export function pathOf(periods: Periods, row: PathRow): YearPath | undefined {
  let node: unknown = periods;
  for (const part of row.at) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node && typeof node === 'object' ? (node as YearPath) : undefined;
}

/** The value a path has in a year it does not name: the solver's reading (project/periods.ts). */
export const valueIn = (path: YearPath | undefined, year: number, mode: PathMode) =>
  pathValue(path, year, mode);

/**
 * Sets (or with undefined removes) a row's value in one year. A path left without any year is
 * removed, and so is an object left empty on the way (the format wants at least one year in a path).
 */
export function setPathValue(periods: Periods, row: PathRow, year: number, value: number | undefined): void {
  const chain: Record<string, unknown>[] = [periods];
  for (const part of row.at) {
    const parent = chain[chain.length - 1];
    if (typeof parent[part] !== 'object' || parent[part] === null) {
      if (value === undefined) return;
      parent[part] = {};
    }
    chain.push(parent[part] as Record<string, unknown>);
  }
  const path = chain[chain.length - 1];
  if (value === undefined) delete path[String(year)];
  else path[String(year)] = value;
  // drop what is left empty, from the path up (never `periods` itself)
  for (let i = chain.length - 1; i >= 1; i--) {
    if (Object.keys(chain[i]).length > 0) break;
    delete chain[i - 1][row.at[i - 1]];
  }
}

/** Why a year cannot be added, or null when it can. */
export function yearProblem(periods: Periods, year: number): 'invalid' | 'exists' | null {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return 'invalid';
  return periods.years.includes(year) ? 'exists' : null;
}

/** Adds a period year in its place among the others (they stay increasing); false when it cannot be added. */
export function addYear(periods: Periods, year: number): boolean {
  if (yearProblem(periods, year) !== null || periods.years.length >= 60) return false;
  const i = periods.years.findIndex((y) => y > year);
  periods.years.splice(i < 0 ? periods.years.length : i, 0, year);
  return true;
}

/**
 * Removes a period year (at least one stays). The year paths keep their value of that year: they
 * still shape the path between the other years, and adding the year again brings it back.
 */
export function removeYear(periods: Periods, index: number): boolean {
  if (periods.years.length <= 1 || index < 0 || index >= periods.years.length) return false;
  periods.years.splice(index, 1);
  return true;
}

/**
 * What is wrong with the period years beyond what the schema checks: each year must come after the
 * one before it. In the form of checkProject's findings (English; the planner's texts come from
 * describeProblems).
 */
export function periodFindings(periods: Periods | undefined): Finding[] {
  const out: Finding[] = [];
  const years = periods?.years ?? [];
  for (let i = 1; i < years.length; i++)
    if (!(years[i] > years[i - 1]))
      out.push({
        pointer: `/periods/years/${i}`,
        message: `period year ${years[i]} does not come after ${years[i - 1]}`,
      });
  return out;
}

/**
 * The last year an existing plant is in service on the path: it counts in the periods whose year
 * is before commissioned_year + lifetime_a (schema.ts, commissioned_year).
 */
export function lastYearInService(commissioned: number, lifetime_a: number): number {
  return Math.ceil(commissioned + lifetime_a) - 1;
}
