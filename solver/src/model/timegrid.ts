/**
 * The model's time steps. Full mode: every hour of the year, weight 1, one cyclic period.
 * Aggregated mode: typical days (each step is an hour of a typical day, weighted by the number of
 * days it represents), with `sequence` mapping every day of the year to its typical day so that
 * storage can be linked across the whole year (docs/model.md).
 */
export interface TimeGrid {
  mode: 'full' | 'aggregated';
  /** Original hour of the year whose data each step uses (the first, for a segment of several hours). */
  hours: Int32Array;
  /**
   * Aggregated mode with time segments: the hours each step lasts (a segment covers the hours
   * hours[s] … hours[s] + duration_h[s] − 1 and takes their mean). Absent: every step lasts 1 h.
   */
  duration_h?: Float64Array;
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

/** Every hour of the year, or only the first `horizon` hours (tests and benchmarks), cyclic. */
export function fullGrid(yearHours: number, horizon = yearHours): TimeGrid {
  const hours = new Int32Array(horizon);
  for (let t = 0; t < horizon; t++) hours[t] = t;
  return {
    mode: 'full',
    hours,
    weight: new Float64Array(horizon).fill(1),
    periodLength: horizon,
    numPeriods: 1,
    yearHours,
  };
}

export const numSteps = (g: TimeGrid): number => g.hours.length;

/** Hours a step lasts: 1, or a segment's length. */
export const stepHours = (g: TimeGrid, step: number): number => g.duration_h?.[step] ?? 1;

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
  if (g.mode === 'full') return `t=${g.hours[step]}`;
  // With time segments the index within the period is a segment (s=…), not an hour (h=…).
  return `p=${Math.floor(step / g.periodLength)},${g.duration_h ? 's' : 'h'}=${step % g.periodLength}`;
}
