import { describe, expect, it } from 'vitest';
import {
  coverageProblems,
  coversYear,
  seriesYear,
  shiftToYear,
  uncoveredHours,
  withCoverage,
} from './seriesYear';
import { yearStart_ms } from './document';

const H = 3_600_000;
/** A series of `year` in 15-minute steps whose value is its own index (so a value tells where it came from). */
function quarterHours(year: number) {
  const n = ((Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / H) * 4;
  return {
    id: `s${year}`,
    name: `Wärmelastgang ${year}`,
    resolution_min: 15,
    start: new Date(yearStart_ms(year)).toISOString(),
    values: Float64Array.from({ length: n }, (_, i) => i),
  };
}
/** Local standard time (UTC+1) of epoch ms as a Date whose UTC fields read as local time. */
const local = (t: number) => new Date(t + H);

describe('series year', () => {
  it('knows the year a series covers and how many hours of another year it misses', () => {
    const s = quarterHours(2023);
    expect(seriesYear(s)).toBe(2023);
    expect(coversYear(s, 2023)).toBe(true);
    expect(uncoveredHours(s, 2025)).toBe(8760);
    expect(uncoveredHours(s, 2024)).toBe(8784);
  });

  it('2023 → 2025 moves by 104 whole weeks: Mondays stay Mondays (timestamps, not just values)', () => {
    const s = quarterHours(2023);
    const r = shiftToYear(s, 2025);
    expect(r.weeks).toBe(104);
    expect(r.fromYear).toBe(2023);
    expect(r.values).toHaveLength(8760 * 4);
    expect(r.start).toBe('2024-12-31T23:00:00.000Z');
    const t0 = Date.parse(r.start);
    const srcT0 = Date.parse(s.start);
    // 2 January 2023 00:00 was a Monday; 6 January 2025 00:00 is a Monday.
    expect(local(Date.UTC(2023, 0, 2) - H).getUTCDay()).toBe(1);
    const j = (Date.UTC(2025, 0, 6) - H - t0) / (15 * 60_000);
    const srcTime = srcT0 + r.values[j] * 15 * 60_000;
    expect(local(srcTime).getUTCDay()).toBe(1);
    expect(local(srcTime).toISOString()).toBe('2023-01-09T00:00:00.000Z');
    // every interval of the target year comes from the same weekday and time of day
    for (let k = 0; k < r.values.length; k += 97) {
      const a = local(t0 + k * 15 * 60_000);
      const b = local(srcT0 + r.values[k] * 15 * 60_000);
      expect(b.getUTCDay()).toBe(a.getUTCDay());
      expect(b.getUTCHours() * 60 + b.getUTCMinutes()).toBe(a.getUTCHours() * 60 + a.getUTCMinutes());
    }
    // 1 January 2025 (Wednesday) is 4 January 2023 (Wednesday); 29–31 December 2025 would be 1–3 January
    // 2024, which the file lacks: they repeat the week before (31 December 2025, a Wednesday, ← 27 December 2023)
    expect(local(srcT0 + r.values[0] * 15 * 60_000).toISOString()).toBe('2023-01-04T00:00:00.000Z');
    expect(r.repeatedStart_h).toBe(0);
    expect(r.repeatedEnd_h).toBe(72);
    expect(local(srcT0 + r.values[r.values.length - 1] * 15 * 60_000).toISOString()).toBe(
      '2023-12-27T23:45:00.000Z',
    );
    expect(r.values.every((v) => !Number.isNaN(v))).toBe(true);
  });

  it('into and out of a leap year: the target year is filled exactly, weekdays kept', () => {
    const to2024 = shiftToYear(quarterHours(2023), 2024);
    expect(to2024.weeks).toBe(52);
    expect(to2024.values).toHaveLength(8784 * 4);
    expect(to2024.repeatedStart_h + to2024.repeatedEnd_h).toBe(48); // 364 days of data for 366 days
    const from2024 = shiftToYear(quarterHours(2024), 2023);
    expect(from2024.weeks).toBe(-52);
    expect(from2024.values).toHaveLength(8760 * 4);
    const t0 = Date.parse(from2024.start);
    const srcT0 = yearStart_ms(2024);
    for (let k = 0; k < from2024.values.length; k += 1013) {
      const a = local(t0 + k * 15 * 60_000);
      const b = local(srcT0 + from2024.values[k] * 15 * 60_000);
      expect(b.getUTCDay()).toBe(a.getUTCDay());
    }
  });

  it('gives one coverage problem per series, naming it and both years', () => {
    const s = quarterHours(2023);
    const doc = { site: { year: 2025 }, timeSeries: { Waermelastgang_2023: { seriesId: s.id } } };
    expect(coverageProblems(doc, [s])).toEqual([
      {
        key: 'Waermelastgang_2023',
        seriesId: s.id,
        name: 'Wärmelastgang 2023',
        seriesYear: 2023,
        projectYear: 2025,
        missingHours: 8760,
      },
    ]);
    expect(coverageProblems({ ...doc, site: { year: 2023 } }, [s])).toEqual([]);
  });
});

describe('one message per problem', () => {
  it('a series outside the project year replaces the messages about its values', () => {
    const s = quarterHours(2023);
    const cov = coverageProblems({ site: { year: 2025 }, timeSeries: { heat: { seriesId: s.id } } }, [s]);
    const problems = [
      { pointer: '/timeSeries/heat/values/0', text: '8.760 Stunden ohne Wert' },
      { pointer: '/timeSeries/heat-2/values/0', text: 'other series' },
      { pointer: '/demands/electricity', text: 'kein Strombedarf' },
    ];
    const out = withCoverage(problems, cov, (c) => ({
      pointer: `/timeSeries/${c.key}`,
      text: `${c.name}: ${c.seriesYear} ≠ ${c.projectYear}`,
    }));
    expect(out.map((p) => p.text)).toEqual([
      'Wärmelastgang 2023: 2023 ≠ 2025',
      'other series',
      'kein Strombedarf',
    ]);
  });
});
