import { describe, expect, it } from 'vitest';
import { segmentDay, segmentDays } from './segments';

describe('time segments of a day (Ward, adjacent hours only)', () => {
  it('keeps a step change in its own place: 0,0,0,10,10,10 in two segments is 3 + 3', () => {
    expect(segmentDay([[0, 0, 0, 10, 10, 10]], 2)).toEqual([3, 3]);
  });

  it('merges the cheapest adjacent pair first: Ward cost n_a·n_b/(n_a+n_b)·Δ²', () => {
    // Pairs of 0,1,5,9,10: (0,1) costs ½·1 = 0.5, (9,10) 0.5, (1,5) 8, (5,9) 8; the earlier tie wins.
    expect(segmentDay([[0, 1, 5, 9, 10]], 4)).toEqual([2, 1, 1, 1]);
    // Then (9,10) at 0.5; then {0,1}+5: 2·1/3·(0.5−5)² = 13.5 against 5+{9,10}: 13.5: the earlier again.
    expect(segmentDay([[0, 1, 5, 9, 10]], 3)).toEqual([2, 1, 2]);
    expect(segmentDay([[0, 1, 5, 9, 10]], 2)).toEqual([3, 2]);
  });

  it('weighs every feature: a flat first feature does not hide a step in the second', () => {
    expect(
      segmentDay(
        [
          [1, 1, 1, 1],
          [0, 0, 4, 4],
        ],
        2,
      ),
    ).toEqual([2, 2]);
  });

  it('clamps the count to 1 … hours, and the lengths always cover the day', () => {
    expect(segmentDay([[3, 1, 4]], 0)).toEqual([3]);
    expect(segmentDay([[3, 1, 4]], 7)).toEqual([1, 1, 1]);
    const day = Array.from({ length: 24 }, (_, h) => Math.sin(h / 3));
    for (const n of [1, 5, 8, 12, 24]) {
      const lengths = segmentDay([day], n);
      expect(lengths).toHaveLength(n);
      expect(lengths.reduce((a, b) => a + b, 0)).toBe(24);
    }
  });

  it('segments the given days of the year with every feature scaled to [0, 1] over the year', () => {
    // Two days of 4 hours. Feature a (0–10): day 1 steps at hour 2; feature b (0–1000) peaks in the
    // last hour of day 0 and is flat on day 1. Scaled, both steps weigh alike.
    const a = Float64Array.from([0, 0, 0, 0, 0, 0, 10, 10]);
    const b = Float64Array.from([0, 0, 0, 1000, 5, 5, 5, 5]);
    expect(segmentDays([a, b], [1, 0], 2, 4)).toEqual([
      [2, 2],
      [3, 1],
    ]);
  });
});
