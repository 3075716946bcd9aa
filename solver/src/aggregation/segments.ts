/**
 * Time segmentation of typical days (Pineda & Morales 2018; Hoffmann, Kotzur et al., "The Pareto-
 * optimal temporal aggregation of energy system models", Applied Energy 315, 2022): adjacent hours of
 * a day whose profiles are alike merge into one segment of variable length, so a day is modelled in
 * fewer steps while its peaks and ramps keep their own segments.
 *
 * Greedy agglomerative clustering with the adjacency constraint: start from single hours and merge
 * the adjacent pair whose merge adds the least to the within-segment sum of squares (Ward's
 * criterion, n_a·n_b / (n_a + n_b) · ‖mean_a − mean_b‖²) until `count` segments remain. Ties go to
 * the earlier pair, so the result is deterministic.
 */

import { scaledToUnit } from './typicalDays';

/** Segment lengths in hours, in order; they sum to the day's hours. */
export type SegmentLengths = number[];

/**
 * Segments of one day. `profiles[f][h]` is feature f at hour h of the day (features scaled alike by
 * the caller); `count` is clamped to 1 … hours.
 */
export function segmentDay(profiles: readonly ArrayLike<number>[], count: number): SegmentLengths {
  const hours = profiles[0]?.length ?? 0;
  const target = Math.max(1, Math.min(hours, Math.floor(count)));
  // Each segment: its length and the sum of every feature over its hours.
  const segs = Array.from({ length: hours }, (_, h) => ({ n: 1, sums: profiles.map((p) => p[h]) }));
  const cost = (a: (typeof segs)[number], b: (typeof segs)[number]) => {
    let d2 = 0;
    for (let f = 0; f < a.sums.length; f++) {
      const diff = a.sums[f] / a.n - b.sums[f] / b.n;
      d2 += diff * diff;
    }
    return ((a.n * b.n) / (a.n + b.n)) * d2;
  };
  while (segs.length > target) {
    let best = 0;
    let bestCost = Infinity;
    for (let i = 0; i + 1 < segs.length; i++) {
      const c = cost(segs[i], segs[i + 1]);
      if (c < bestCost) {
        bestCost = c;
        best = i;
      }
    }
    const a = segs[best];
    const b = segs[best + 1];
    segs.splice(best, 2, { n: a.n + b.n, sums: a.sums.map((s, f) => s + b.sums[f]) });
  }
  return segs.map((s) => s.n);
}

/**
 * Segments of each typical day: `features` are full-year hourly series, `days` the days of the year
 * the typical periods stand for (medoids), `hoursPerDay` their length. Each feature is scaled to
 * [0, 1] over the year, as the day clustering does, so no unit dominates.
 */
export function segmentDays(
  features: readonly Float64Array[],
  days: ArrayLike<number>,
  count: number,
  hoursPerDay = 24,
): SegmentLengths[] {
  const scaled = features.map(scaledToUnit);
  return Array.from(days, (d) =>
    segmentDay(
      scaled.map((f) => f.subarray(d * hoursPerDay, (d + 1) * hoursPerDay)),
      count,
    ),
  );
}
