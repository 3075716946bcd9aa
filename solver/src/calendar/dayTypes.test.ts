import { describe, expect, it } from 'vitest';
import { dayTypes, publicHolidays } from './dayTypes';

const doy = (year: number, month: number, day: number) =>
  (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000;

describe('German public holidays and BDEW day types', () => {
  it('knows state-specific holidays', () => {
    expect(publicHolidays(2025, 'BY').has('2025-06-19')).toBe(true); // Fronleichnam
    expect(publicHolidays(2025, 'BE').has('2025-06-19')).toBe(false);
    expect(publicHolidays(2025, 'SN').has('2025-11-19')).toBe(true); // Buß- und Bettag
    expect(publicHolidays(2025, 'BY').has('2025-11-19')).toBe(false);
    expect(publicHolidays(2025, 'BB').has('2025-10-31')).toBe(true); // Reformationstag
    expect(publicHolidays(2024, 'NW').has('2024-03-29')).toBe(true); // Karfreitag
  });

  it('classifies days: holidays as Sundays, 24 and 31 December as Saturdays', () => {
    const t = dayTypes(2025, 'BY');
    expect(t).toHaveLength(365);
    expect(t[doy(2025, 1, 1)]).toBe('FT'); // Neujahr, a Wednesday
    expect(t[doy(2025, 1, 2)]).toBe('WT');
    expect(t[doy(2025, 1, 4)]).toBe('SA');
    expect(t[doy(2025, 1, 5)]).toBe('FT');
    expect(t[doy(2025, 6, 19)]).toBe('FT');
    expect(dayTypes(2025, 'BE')[doy(2025, 6, 19)]).toBe('WT');
    expect(t[doy(2025, 12, 24)]).toBe('SA'); // a Wednesday
    expect(t[doy(2025, 12, 31)]).toBe('SA');
    expect(dayTypes(2024, 'HE')).toHaveLength(366);
    expect(() => dayTypes(2025, 'XX' as never)).toThrow(/unknown federal state/);
  });
});
