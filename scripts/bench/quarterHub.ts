/**
 * A quarter-hourly variant of the reference hub for the time-step benchmark (quarterHour.bench.ts,
 * issue 18: a 35,040-step year). Pure: returns a new project and leaves the hub alone. The hub's heat
 * and electricity demands are hourly; the variant spreads each hour over its four quarter hours along
 * the straight line through the neighbouring hours' means, scaled so that every hour keeps its mean
 * (its energy). That intra-hour shape is a Werkplan assumption (Annahme) for benchmarking, not a
 * measured load profile; weather, yields and prices stay hourly and hold over their hour's quarters.
 */
import type { Project } from '../../solver/src/project/types';

/** Four quarter-hour values per hour, each hour's mean kept (cyclic at the ends of the year). */
export function quarterHourly(hourly: readonly number[]): number[] {
  const n = hourly.length;
  const out = new Array<number>(4 * n);
  for (let h = 0; h < n; h++) {
    const m = hourly[h];
    const prev = hourly[(h - 1 + n) % n];
    const next = hourly[(h + 1) % n];
    // The line through the hour midpoints, read at the quarter-hour midpoints (−3/8, −1/8, 1/8, 3/8 h).
    const line = [
      m + 0.375 * (prev - m),
      m + 0.125 * (prev - m),
      m + 0.125 * (next - m),
      m + 0.375 * (next - m),
    ];
    const mean = (line[0] + line[1] + line[2] + line[3]) / 4;
    for (let q = 0; q < 4; q++) out[4 * h + q] = mean > 0 ? (m * line[q]) / mean : m;
  }
  return out;
}

/** The hub on a 15-minute time step with quarter-hourly heat and electricity demands. */
export function quarterHub(hub: Project): Project {
  const p = structuredClone(hub);
  p.name = `${hub.name} (15 min)`;
  p.site.timeStep_min = 15;
  for (const id of [p.demands.heat, p.demands.electricity]) {
    const s = p.timeSeries[id];
    if (!s || !('values' in s)) throw new Error(`demand series '${id}' must be inline`);
    p.timeSeries[id] = {
      ...s,
      values: quarterHourly(s.values),
      source:
        `${s.source ?? ''} Viertelstunden linear zwischen den Stundenmitteln, Stundenmittel erhalten (Annahme)`.trim(),
    };
  }
  return p;
}
