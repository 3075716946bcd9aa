import { describe, expect, it } from 'vitest';
import { clusterDays } from './typicalDays';

/** Hourly series of days whose every hour has the day's value. */
const flatDays = (values: number[]) =>
  Float64Array.from(values.flatMap((v) => new Array<number>(24).fill(v)));
/** A day at `high` in the first (morning) or second (evening) half, 0 otherwise. */
const halfDay = (half: 'am' | 'pm', high: number) =>
  Array.from({ length: 24 }, (_, h) => (h < 12 === (half === 'am') ? high : 0));

const plain = (r: ReturnType<typeof clusterDays>) => ({
  medoidDays: Array.from(r.medoidDays),
  counts: Array.from(r.counts),
  sequence: Array.from(r.sequence),
});

describe('clusterDays', () => {
  // Four flat days at 0, 1, 8, 10, scaled to 0, 0.1, 0.8, 1. Squared distances over 24 h (÷24):
  // 0–1 0.01, 0–2 0.64, 0–3 1, 1–2 0.49, 1–3 0.81, 2–3 0.04.
  const days = flatDays([0, 1, 8, 10]);

  it('starts from the most central day, adds the farthest, and assigns each day to its nearest', () => {
    // Distance sums: day 0 1.65, day 1 1.31, day 2 1.17, day 3 1.85 → day 2 first; the day farthest
    // from it is day 0. Days 0 and 1 go to day 0, days 2 and 3 to day 2; no medoid moves.
    expect(plain(clusterDays([days], 2))).toEqual({
      medoidDays: [2, 0],
      counts: [2, 2],
      sequence: [1, 1, 0, 0],
    });
  });

  it('keeps the peak day of an extreme feature as a period of its own, after the typical days', () => {
    // Day 3 holds the peak; one typical day is left for days 0–2, the most central of them (day 1).
    expect(plain(clusterDays([days], 2, [days]))).toEqual({
      medoidDays: [1, 3],
      counts: [3, 1],
      sequence: [0, 0, 0, 1],
    });
  });

  it('keeps a day that is the peak of two extreme features once', () => {
    // Both peak on day 3, which becomes one extreme period; two typical days are left for days 0–2:
    // day 1 (most central) and day 2 (farthest from it). Day 0 joins day 1; days 0 and 1 are equally
    // central in that pair, and the first of equals (day 0) becomes its representative.
    const r = clusterDays([days], 3, [days, flatDays([0, 0, 0, 5])]);
    expect(plain(r)).toEqual({ medoidDays: [0, 2, 3], counts: [2, 1, 1], sequence: [0, 0, 1, 2] });
  });

  it('weights sum to the number of days and the sequence maps each day to a period representing it', () => {
    const five = flatDays([3, 7, 1, 9, 4]);
    for (const k of [1, 2, 3, 5]) {
      const r = clusterDays([five], k);
      expect(r.medoidDays).toHaveLength(k);
      expect(r.counts.reduce((a, b) => a + b, 0)).toBe(5);
      expect(r.sequence).toHaveLength(5);
      r.medoidDays.forEach((d, c) => expect(r.sequence[d]).toBe(c)); // a representative is in its own period
      r.counts.forEach((n, c) => expect(r.sequence.filter((s) => s === c).length).toBe(n));
    }
  });

  it('gives every day its own period when k is at least the number of days', () => {
    const r = clusterDays([days], 10);
    expect(r.medoidDays).toHaveLength(4);
    expect(Array.from(r.counts)).toEqual([1, 1, 1, 1]);
    expect(Array.from(r.medoidDays).sort()).toEqual([0, 1, 2, 3]);
  });

  it('groups days by the shape of their profile, not only their level', () => {
    // Mornings high on days 0 and 2, evenings on days 1 and 3: same daily mean, two shapes.
    const series = Float64Array.from([
      ...halfDay('am', 1),
      ...halfDay('pm', 1),
      ...halfDay('am', 0.9),
      ...halfDay('pm', 0.9),
    ]);
    const r = clusterDays([series], 2);
    const s = Array.from(r.sequence);
    expect(s[0]).toBe(s[2]);
    expect(s[1]).toBe(s[3]);
    expect(s[0]).not.toBe(s[1]);
    expect(Array.from(r.counts)).toEqual([2, 2]);
  });

  it('scales every feature to [0, 1], so units do not weigh a feature more', () => {
    const other = flatDays([5, 5, 0, 5]);
    const a = clusterDays([days, other], 2);
    const b = clusterDays([days.map((v) => v * 1000), other.map((v) => v / 1000 + 7)], 2);
    expect(plain(b)).toEqual(plain(a));
  });

  it('is deterministic and ignores hours after the last whole day', () => {
    const withTail = Float64Array.from([...days, 99, 99, 99]);
    expect(plain(clusterDays([withTail], 2))).toEqual(plain(clusterDays([days], 2)));
    expect(plain(clusterDays([days], 2))).toEqual(plain(clusterDays([days], 2)));
  });

  it('answers an equal input from its last selections, as a copy, and a changed one anew', () => {
    const first = clusterDays([Float64Array.from(days)], 2);
    // Equal values in other arrays (a sweep point's series): the same days; changing the answer
    // handed out changes nothing kept.
    first.medoidDays[0] = 99;
    const again = clusterDays([Float64Array.from(days)], 2);
    expect(plain(again)).toEqual({ medoidDays: [2, 0], counts: [2, 2], sequence: [1, 1, 0, 0] });
    // A changed input, a changed k, another extreme: selected anew.
    const moved = flatDays([0, 9, 8, 10]);
    expect(plain(clusterDays([moved], 2)).sequence).toEqual([1, 0, 0, 0]);
    expect(plain(clusterDays([days], 4)).counts).toEqual([1, 1, 1, 1]);
    expect(plain(clusterDays([days], 2, [days])).medoidDays).toEqual([1, 3]);
    // An input changed after the call does not change what is kept.
    const mutable = Float64Array.from(days);
    clusterDays([mutable], 2);
    mutable.set(moved);
    expect(plain(clusterDays([mutable], 2)).sequence).toEqual([1, 0, 0, 0]);
  });

  it('needs at least one typical day', () => {
    expect(() => clusterDays([days], 0)).toThrow(/at least one typical day/);
  });
});
