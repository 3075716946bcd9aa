/**
 * The model's time steps. Full mode: every hour of the year, weight 1, one cyclic period.
 * Aggregated mode: typical days (each step is an hour of a typical day, weighted by the number of
 * days it represents), with `sequence` mapping every day of the year to its typical day so that
 * storage can be linked across the whole year (docs/model.md).
 */
export interface TimeGrid {
  mode: 'full' | 'aggregated';
  /**
   * Hour of the year each step starts in (the first, for a segment of several hours; for a quarter
   * hour, the hour it belongs to).
   */
  hours: Int32Array;
  /**
   * Aggregated mode with time segments: the hours each step lasts (a segment covers the hours
   * hours[s] … hours[s] + duration_h[s] − 1 and takes their mean). Absent: every step lasts
   * 1 / stepsPerHour h.
   */
  duration_h?: Float64Array;
  /**
   * Full mode: steps per hour, 4 for a quarter-hourly year (site.timeStep_min = 15): step s is the
   * quarter hour s of the year and lasts 0.25 h. Absent: 1.
   */
  stepsPerHour?: number;
  /** Hours of the year each step stands for (days represented × the step's duration). */
  weight: Float64Array;
  /** Steps per period: the whole year in full mode, 24 in aggregated mode. */
  periodLength: number;
  numPeriods: number;
  /** Aggregated mode: typical period of each day of the year. */
  sequence?: Int32Array;
  /** Hours in the modelled year (8760/8784). */
  yearHours: number;
}

/**
 * Every hour of the year, or only the first `horizon` hours (tests and benchmarks), cyclic; with
 * `stepsPerHour` = 4 every quarter hour of them (weight 0.25 h each).
 */
export function fullGrid(yearHours: number, horizon = yearHours, stepsPerHour = 1): TimeGrid {
  const T = horizon * stepsPerHour;
  const hours = new Int32Array(T);
  for (let t = 0; t < T; t++) hours[t] = Math.floor(t / stepsPerHour);
  return {
    mode: 'full',
    hours,
    weight: new Float64Array(T).fill(1 / stepsPerHour),
    periodLength: T,
    numPeriods: 1,
    yearHours,
    ...(stepsPerHour !== 1 ? { stepsPerHour } : {}),
  };
}

export const numSteps = (g: TimeGrid): number => g.hours.length;

/** Hours a step lasts: 1, a segment's length, or 0.25 on a quarter-hourly grid. */
export const stepHours = (g: TimeGrid, step: number): number =>
  g.duration_h?.[step] ?? 1 / (g.stepsPerHour ?? 1);

/** Where a step starts, in hours from the start of the year (a quarter hour starts at h + q/4). */
export function stepStart_h(g: TimeGrid, step: number): number {
  const n = g.stepsPerHour ?? 1;
  return n === 1 ? g.hours[step] : step / n;
}

/**
 * Aggregated mode: the typical period of a step and the hour of the day it starts at (with time
 * segments the step's index within its period is not an hour).
 */
export function periodAndHour(g: TimeGrid, step: number): { period: number; periodHour: number } {
  return { period: Math.floor(step / g.periodLength), periodHour: g.hours[step] % 24 };
}

/** How an aggregated grid represents the year, as results.solve.sizing reports it. */
export function aggregationOf(g: TimeGrid): { typicalPeriods: number; segmentsPerPeriod?: number } {
  return { typicalPeriods: g.numPeriods, ...(g.duration_h ? { segmentsPerPeriod: g.periodLength } : {}) };
}

/** Readable index for row and column names. */
export function stepLabel(g: TimeGrid, step: number): string {
  // The step's index in the year: the hour, or on a quarter-hourly grid the quarter hour (run/blocks.ts
  // and run/window.ts read a row's step from it).
  if (g.mode === 'full') return `t=${g.stepsPerHour ? step : g.hours[step]}`;
  // With time segments the index within the period is a segment (s=…), not an hour (h=…).
  return `p=${Math.floor(step / g.periodLength)},${g.duration_h ? 's' : 'h'}=${step % g.periodLength}`;
}

/** The step a full-mode name's label gives (`x[t=N]`, {@link stepLabel}), −1 without one (capacities, annual rows). */
export function stepOfName(name: string): number {
  const m = /\[t=(\d+)\]$/.exec(name);
  return m ? Number(m[1]) : -1;
}

/** The typical period a name's label gives (`x[p=K,h=H]` or `x[p=K,s=S]`, {@link stepLabel}), −1 without one. */
export function periodOfName(name: string): number {
  const m = /\[p=(\d+),/.exec(name);
  return m ? Number(m[1]) : -1;
}
