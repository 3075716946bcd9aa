import Holidays from 'date-holidays';

/** BDEW day types: working day, Saturday, Sunday or public holiday. */
export type DayType = 'WT' | 'SA' | 'FT';

export const FEDERAL_STATES = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type FederalState = (typeof FEDERAL_STATES)[number];

/** Public holidays of a German federal state in a year, as 'YYYY-MM-DD' (date-holidays, type public). */
export function publicHolidays(year: number, state: FederalState): Set<string> {
  if (!FEDERAL_STATES.includes(state))
    throw new Error(`unknown federal state '${state}' (use ${FEDERAL_STATES.join(', ')})`);
  const hd = new Holidays('DE', state);
  return new Set(
    hd
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10)),
  );
}

/**
 * Day type of every day of a year after BDEW: public holidays count as Sundays; 24 and 31 December as
 * Saturdays (unless they are Sundays).
 */
export function dayTypes(year: number, state: FederalState): DayType[] {
  return dayTypesWith(year, publicHolidays(year, state));
}

/** Day types of a year for a given set of public holidays ('YYYY-MM-DD'), after the same rules. */
export function dayTypesWith(year: number, holidays: ReadonlySet<string>): DayType[] {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  const out: DayType[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(year, 0, 1 + d));
    const iso = date.toISOString().slice(0, 10);
    const wd = date.getUTCDay(); // 0 Sunday
    const md = iso.slice(5);
    if (wd === 0 || holidays.has(iso)) out.push('FT');
    else if (wd === 6 || md === '12-24' || md === '12-31') out.push('SA');
    else out.push('WT');
  }
  return out;
}
