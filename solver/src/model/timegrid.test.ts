import { describe, expect, it } from 'vitest';
import { aggregationOf, fullGrid, numSteps, periodAndHour, stepLabel } from './timegrid';
import { tinyAggregatedGrid } from './testing';

describe('time grid', () => {
  it('full mode: every hour once, weight 1, one cyclic period of the horizon', () => {
    const g = fullGrid(8760, 4);
    expect(Array.from(g.hours)).toEqual([0, 1, 2, 3]);
    expect(Array.from(g.weight)).toEqual([1, 1, 1, 1]);
    expect([g.periodLength, g.numPeriods, g.yearHours, numSteps(g)]).toEqual([4, 1, 8760, 4]);
    expect(numSteps(fullGrid(8784))).toBe(8784);
    expect(stepLabel(g, 3)).toBe('t=3');
  });

  it('aggregated mode labels a step by typical period and hour', () => {
    const g = tinyAggregatedGrid();
    expect([0, 1, 2, 3].map((s) => stepLabel(g, s))).toEqual(['p=0,h=0', 'p=0,h=1', 'p=1,h=0', 'p=1,h=1']);
  });

  it('names a step by its typical period and the hour of the day it starts at, also for segments', () => {
    expect(periodAndHour(tinyAggregatedGrid(), 3)).toEqual({ period: 1, periodHour: 1 });
    // Segments of 3 h and 21 h on day 0, 12 h and 12 h on day 2: step 3 starts at 12:00, not at hour 1.
    const seg = { ...tinyAggregatedGrid(), hours: Int32Array.from([0, 3, 48, 60]) };
    expect(periodAndHour(seg, 1)).toEqual({ period: 0, periodHour: 3 });
    expect(periodAndHour(seg, 3)).toEqual({ period: 1, periodHour: 12 });
    // Row and column names say segment (s=…), not hour.
    expect(stepLabel({ ...seg, duration_h: Float64Array.from([3, 21, 12, 12]) }, 3)).toBe('p=1,s=1');
  });

  it('reports typical periods, and segments per period only where the grid has segments', () => {
    const g = tinyAggregatedGrid();
    expect(aggregationOf(g)).toEqual({ typicalPeriods: 2 });
    expect(aggregationOf({ ...g, duration_h: Float64Array.from([3, 21, 12, 12]) })).toEqual({
      typicalPeriods: 2,
      segmentsPerPeriod: 2,
    });
  });
});
