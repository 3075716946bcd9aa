import { describe, expect, it } from 'vitest';
import {
  dailyMeans,
  hourIndex,
  hourStart,
  legalStamp,
  localIntervals,
  siteYear,
  siteYearOf,
  standardStamp,
  utcStamp,
} from './siteYear';
import { hourLabel } from '../project/calendar';

const at = (iso: string) => Date.parse(iso);

describe('site year: the time axis of a project year', () => {
  const sy = siteYear(2025, 'Europe/Berlin', 'BY');

  it('runs from 1 January 00:00 CET to the next, 8,760 hours on UTC instants', () => {
    expect(sy.hours).toBe(8760);
    expect(sy.days).toBe(365);
    expect(new Date(sy.start_ms).toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(new Date(sy.end_ms).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(utcStamp(sy, 0)).toBe('2024-12-31T23:00Z');
    expect(utcStamp(sy, 8759)).toBe('2025-12-31T22:00Z');
    expect(siteYear(2024, 'Europe/Berlin').hours).toBe(8784);
    expect(sy.standardOffset_min).toBe(60);
  });

  it('finds both clock changes at their instants and hour indices', () => {
    // 30 March 2025 01:00 UTC: 88 days and 2 hours after 31 Dec 2024 23:00 UTC.
    expect(hourIndex(sy, at('2025-03-30T01:00:00Z'))).toBe(88 * 24 + 2);
    expect(sy.springForward).toEqual({
      day: 88,
      hour: 2114,
      instant_ms: at('2025-03-30T01:00:00Z'),
      shift_min: 60,
    });
    // 26 October 2025 01:00 UTC: day 298 (0-based), 298 · 24 + 2.
    expect(hourIndex(sy, at('2025-10-26T01:00:00Z'))).toBe(7154);
    expect(sy.fallBack).toEqual({
      day: 298,
      hour: 7154,
      instant_ms: at('2025-10-26T01:00:00Z'),
      shift_min: -60,
    });
    expect(hourIndex(sy, at('2024-12-31T22:59:59Z'))).toBe(-1);
    expect(hourIndex(sy, sy.end_ms)).toBe(-1);
    expect(hourStart(sy, 7154)).toBe(at('2025-10-26T01:00:00Z'));
  });

  it('reads each hour on the legal and on the standard clock', () => {
    // Spring: 01:00 CET, then 03:00 CEST; 02:00 does not exist on the wall clock.
    expect([2113, 2114].map((h) => legalStamp(sy, h))).toEqual([
      '2025-03-30 01:00 +01:00',
      '2025-03-30 03:00 +02:00',
    ]);
    expect([sy.hourOfDay[2113], sy.hourOfDay[2114]]).toEqual([1, 3]);
    expect([sy.standardHourOfDay[2113], sy.standardHourOfDay[2114]]).toEqual([1, 2]);
    // Autumn: 02:00 CEST, 02:00 CET (the repeated hour), 03:00 CET.
    expect([7153, 7154, 7155].map((h) => legalStamp(sy, h))).toEqual([
      '2025-10-26 02:00 +02:00',
      '2025-10-26 02:00 +01:00',
      '2025-10-26 03:00 +01:00',
    ]);
    expect([7152, 7153, 7154].map((h) => sy.standardHourOfDay[h])).toEqual([0, 1, 2]);
    // Midsummer noon CEST is 11:00 CET and 10:00 UTC.
    const noon = hourIndex(sy, at('2025-06-21T10:00:00Z'));
    expect([sy.day[noon], sy.hourOfDay[noon], sy.standardHourOfDay[noon]]).toEqual([171, 12, 11]);
    // Legal days have 23 and 25 hours on the change days, 24 otherwise.
    const hoursOf = (d: number) => sy.day.filter((x) => x === d).length;
    expect([hoursOf(87), hoursOf(88), hoursOf(298), hoursOf(364)]).toEqual([24, 23, 25, 24]);
    expect([sy.standardDay[0], sy.standardDay[8759], sy.day[8759]]).toEqual([0, 364, 364]);
  });

  it('knows weekdays, months and BDEW day types of the legal days', () => {
    expect(sy.weekday[0]).toBe(2); // 1 Jan 2025, a Wednesday
    expect([sy.month[88], sy.dayOfMonth[88], sy.weekday[88]]).toEqual([3, 30, 6]); // a Sunday
    expect(sy.holiday[0]).toBe(true);
    expect(sy.dayType[0]).toBe('FT');
    expect(sy.dayType[169]).toBe('FT'); // 19 June, Fronleichnam in Bavaria
    expect(siteYear(2025, 'Europe/Berlin', 'BE').dayType[169]).toBe('WT');
    expect(siteYear(2025, 'Europe/Berlin').dayType[0]).toBe('WT'); // no state: no holidays
    expect(sy.dayType[357]).toBe('SA'); // 24 December, a Wednesday
  });

  it('places quarter hours on the wall clock: 92 on the spring day, 100 on the autumn day', () => {
    const q = localIntervals(sy, 15);
    expect(q.count).toBe(35040);
    const spring = [...q.minuteOfDay].filter((_, i) => q.day[i] === 88);
    expect(spring).toHaveLength(92);
    expect(spring.slice(7, 9)).toEqual([105, 180]); // 01:45, then 03:00
    const autumn = [...q.minuteOfDay].filter((_, i) => q.day[i] === 298);
    expect(autumn).toHaveLength(100);
    expect(autumn.slice(8, 16)).toEqual([120, 135, 150, 165, 120, 135, 150, 165]); // 02:00–03:00 twice
  });

  it('averages an hourly series over the legal days, 23 and 25 hours on the change days', () => {
    const m = dailyMeans(
      sy,
      Float64Array.from({ length: sy.hours }, (_, h) => h),
    );
    expect(m[0]).toBe(11.5);
    expect(m[88]).toBe((2112 + 2134) / 2); // hours 2112 … 2134
    expect(m[298]).toBe(298 * 24 - 1 + 12); // hours 7151 … 7175
    expect(() => dailyMeans(sy, [1, 2])).toThrow(/expected 8760 hourly values/);
  });

  it('labels hours on the standard clock exactly as the results do today (hourLabel)', () => {
    const p = siteYearOf({ year: 2024, timeZone: 'Europe/Berlin' });
    expect(p.hours).toBe(8784);
    for (let h = 0; h < p.hours; h += 7) expect(standardStamp(p, h)).toBe(hourLabel(2024, h));
    expect(standardStamp(sy, 7154)).toBe('2025-10-26 02:00');
    expect(standardStamp(sy, 2114)).toBe('2025-03-30 02:00');
  });

  it('works for zones without daylight saving and refuses unknown ones', () => {
    const utc = siteYear(2025, 'UTC');
    expect([utc.start_ms, utc.hours, utc.springForward, utc.fallBack]).toEqual([
      at('2025-01-01T00:00:00Z'),
      8760,
      null,
      null,
    ]);
    const cet = siteYear(2025, 'Etc/GMT-1'); // UTC+1 all year: the old standard-time placement
    expect(cet.start_ms).toBe(sy.start_ms);
    expect(cet.hourOfDay[noonOf(cet)]).toBe(11);
    expect(() => siteYear(2025, 'Mars/Olympus')).toThrow(/unknown time zone 'Mars\/Olympus'/);
  });
});

function noonOf(sy: ReturnType<typeof siteYear>): number {
  return hourIndex(sy, at('2025-06-21T10:00:00Z'));
}
