import { describe, expect, it } from 'vitest';
import { hourStart, siteYear } from '../calendar/siteYear';
import { hourLabel, hoursInYear } from './calendar';

const at = (iso: string) => Date.parse(iso);

describe('project calendar: a thin view of the site year (time basis: standard time of site.timeZone)', () => {
  it('keeps Europe/Berlin as the default: hour 0 is 1 January 00:00 CET = 31 December 23:00 UTC', () => {
    expect(hoursInYear(2023)).toBe(8760);
    expect(hoursInYear(2024)).toBe(8784);
    expect(hourLabel(2023, 0)).toBe('2023-01-01 00:00');
    expect(hourStart(siteYear(2023, 'Europe/Berlin'), 0)).toBe(at('2022-12-31T23:00:00Z'));
    // summer hour: labelled in standard time (CET), i.e. one hour behind the wall clock
    expect(hourLabel(2023, 3999)).toBe('2023-06-16 15:00');
  });

  it('Europe/London: hour 0 is 1 January 00:00 GMT; the axis has the autumn day with 25 hours', () => {
    const sy = siteYear(2025, 'Europe/London');
    expect(hourStart(sy, 0)).toBe(at('2025-01-01T00:00:00Z'));
    expect(hoursInYear(2025, 'Europe/London')).toBe(8760);
    expect(hourLabel(2025, 24, 'Europe/London')).toBe('2025-01-02 00:00');
    expect(sy.fallBack?.instant_ms).toBe(at('2025-10-26T01:00:00Z'));
    expect(sy.day.filter((d) => d === sy.fallBack!.day)).toHaveLength(25);
  });

  it('America/New_York: hour 0 is 1 January 00:00 EST = 05:00 UTC, clock changes in March and November', () => {
    const sy = siteYear(2025, 'America/New_York');
    expect(hourStart(sy, 0)).toBe(at('2025-01-01T05:00:00Z'));
    expect(hourLabel(2025, 0, 'America/New_York')).toBe('2025-01-01 00:00');
    expect(sy.springForward?.instant_ms).toBe(at('2025-03-09T07:00:00Z'));
    expect(sy.fallBack?.instant_ms).toBe(at('2025-11-02T06:00:00Z'));
    // a timestamp on the axis: 4 July 12:00 EDT = 16:00 UTC is 11:00 standard time
    const h = (at('2025-07-04T16:00:00Z') - sy.start_ms) / 3_600_000;
    expect(hourLabel(2025, h, 'America/New_York')).toBe('2025-07-04 11:00');
    expect(sy.hourOfDay[h]).toBe(12);
  });

  it('UTC: no clock changes, labels equal the UTC stamps', () => {
    const sy = siteYear(2024, 'UTC');
    expect(sy.springForward).toBeNull();
    expect(sy.fallBack).toBeNull();
    expect(hoursInYear(2024, 'UTC')).toBe(8784);
    expect(hourLabel(2024, 8783, 'UTC')).toBe('2024-12-31 23:00');
  });

  it('24-hour day blocks of the axis (build, typical days, dispatch view) are standard-time days', () => {
    for (const zone of ['Europe/Berlin', 'Europe/London', 'America/New_York']) {
      const sy = siteYear(2025, zone);
      for (const d of [0, 88, 200, 298, 364]) {
        const h = d * 24;
        // block d begins at midnight of day d on the site's standard clock, whatever the legal time says
        expect(sy.standardDay[h]).toBe(d);
        expect(sy.standardHourOfDay[h]).toBe(0);
        expect(sy.standardDay[h + 23]).toBe(d);
      }
    }
    // Berlin, 1 July 2025: block 181 runs 1 July 00:00 CET = 30 June 23:00 UTC (01:00 CEST on the wall)
    const sy = siteYear(2025, 'Europe/Berlin');
    expect(hourStart(sy, 181 * 24)).toBe(at('2025-06-30T23:00:00Z'));
    expect(sy.hourOfDay[181 * 24]).toBe(1);
  });

  it('an unknown zone falls back to the plain calendar (validation reports the zone)', () => {
    expect(hoursInYear(2023, 'Mars/Olympus')).toBe(8760);
    expect(hourLabel(2023, 1, 'Mars/Olympus')).toBe('2023-01-01 01:00');
  });
});
