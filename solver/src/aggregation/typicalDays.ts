/**
 * Typical days by k-medoids. Each day of the year is a vector of its hourly profiles (each feature
 * scaled to [0, 1] over the year); medoids are real days, so the aggregated model sees real weather
 * and prices. The days with the highest value of each `extreme` feature (e.g. peak heat demand) are
 * kept as periods of their own, so capacities cover the real peaks.
 */
export interface TypicalDays {
  /** Day of the year represented by each typical period. */
  medoidDays: Int32Array;
  /** Number of days each period stands for. */
  counts: Int32Array;
  /** Typical period of every day of the year. */
  sequence: Int32Array;
}

/** A series scaled to [0, 1] over its own range (a constant series becomes 0), so no unit dominates. */
export function scaledToUnit(f: Float64Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of f) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const span = hi - lo || 1;
  return f.map((v) => (v - lo) / span);
}

/** The last selections with their inputs (copies), newest first. */
const recent: {
  features: Float64Array[];
  extremes: Float64Array[];
  k: number;
  hoursPerDay: number;
  days: TypicalDays;
}[] = [];
const RECENT = 4;

const sameSeries = (a: Float64Array[], b: Float64Array[]) =>
  a.length === b.length &&
  a.every((x, i) => x.length === b[i].length && x.every((v, h) => Object.is(v, b[i][h])));

const copyDays = (d: TypicalDays): TypicalDays => ({
  medoidDays: d.medoidDays.slice(),
  counts: d.counts.slice(),
  sequence: d.sequence.slice(),
});

/**
 * The typical days of a year's features (k-medoids, below). The selection depends on nothing but
 * its inputs, so the last few are kept and an equal input (value by value) gets a copy of the same
 * answer: the points of a sweep share their series, and selecting costs ~30 ms on a year.
 */
export function clusterDays(
  features: Float64Array[],
  k: number,
  extremes: Float64Array[] = [],
  hoursPerDay = 24,
): TypicalDays {
  const hit = recent.find(
    (r) =>
      r.k === k &&
      r.hoursPerDay === hoursPerDay &&
      sameSeries(r.features, features) &&
      sameSeries(r.extremes, extremes),
  );
  if (hit) return copyDays(hit.days);
  const days = selectDays(features, k, extremes, hoursPerDay);
  const copy = (a: Float64Array[]) => a.map((x) => x.slice());
  recent.unshift({
    features: copy(features),
    extremes: copy(extremes),
    k,
    hoursPerDay,
    days: copyDays(days),
  });
  recent.length = Math.min(recent.length, RECENT);
  return days;
}

function selectDays(
  features: Float64Array[],
  k: number,
  extremes: Float64Array[],
  hoursPerDay: number,
): TypicalDays {
  const hours = features[0].length;
  const D = Math.floor(hours / hoursPerDay);
  if (k < 1) throw new Error('at least one typical day is needed');
  const scaled = features.map(scaledToUnit);
  const dist = (a: number, b: number) => {
    let s = 0;
    for (const f of scaled)
      for (let h = 0; h < hoursPerDay; h++) {
        const d = f[a * hoursPerDay + h] - f[b * hoursPerDay + h];
        s += d * d;
      }
    return s;
  };
  // Extreme days first (unique).
  const extremeDays: number[] = [];
  for (const e of extremes) {
    let best = 0;
    for (let h = 1; h < e.length; h++) if (e[h] > e[best]) best = h;
    const day = Math.min(D - 1, Math.floor(best / hoursPerDay));
    if (!extremeDays.includes(day)) extremeDays.push(day);
  }
  const kNormal = Math.max(1, Math.min(k, D) - extremeDays.length);
  const normalDays = Array.from({ length: D }, (_, d) => d).filter((d) => !extremeDays.includes(d));
  const n = normalDays.length;
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) M[i * n + j] = M[j * n + i] = dist(normalDays[i], normalDays[j]);
  // Deterministic start: the most central day, then farthest-first.
  const medoids: number[] = [];
  let central = 0;
  let bestSum = Infinity;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += M[i * n + j];
    if (sum < bestSum) {
      bestSum = sum;
      central = i;
    }
  }
  medoids.push(central);
  const nearest = new Float64Array(n).fill(Infinity);
  while (medoids.length < kNormal) {
    const last = medoids[medoids.length - 1];
    let far = -1;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], M[i * n + last]);
      if (!medoids.includes(i) && (far < 0 || nearest[i] > nearest[far])) far = i;
    }
    medoids.push(far);
  }
  const assign = new Int32Array(n);
  for (let iter = 0; iter < 100; iter++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < medoids.length; c++) if (M[i * n + medoids[c]] < M[i * n + medoids[best]]) best = c;
      assign[i] = best;
    }
    let changed = false;
    for (let c = 0; c < medoids.length; c++) {
      let bestMember = medoids[c];
      let bestCost = Infinity;
      for (let i = 0; i < n; i++) {
        if (assign[i] !== c) continue;
        let cost = 0;
        for (let j = 0; j < n; j++) if (assign[j] === c) cost += M[i * n + j];
        if (cost < bestCost) {
          bestCost = cost;
          bestMember = i;
        }
      }
      if (bestMember !== medoids[c]) {
        medoids[c] = bestMember;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const K = medoids.length + extremeDays.length;
  const medoidDays = new Int32Array(K);
  const counts = new Int32Array(K);
  const sequence = new Int32Array(D);
  medoids.forEach((m, c) => (medoidDays[c] = normalDays[m]));
  extremeDays.forEach((d, e) => (medoidDays[medoids.length + e] = d));
  for (let i = 0; i < n; i++) sequence[normalDays[i]] = assign[i];
  extremeDays.forEach((d, e) => (sequence[d] = medoids.length + e));
  for (let d = 0; d < D; d++) counts[sequence[d]]++;
  return { medoidDays, counts, sequence };
}
