import { describe, expect, it } from 'vitest';
import {
  aggregationOf,
  fullGrid,
  numSteps,
  periodAndHour,
  periodOfName,
  stepHours,
  stepLabel,
  stepOfName,
  stepStart_h,
} from './timegrid';
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

  it('reads the step or typical period back from a name its label ends, −1 without one', () => {
    const full = fullGrid(8760, 24);
    expect(stepOfName(`heat_balance[${stepLabel(full, 17)}]`)).toBe(17);
    expect(stepOfName('on_chp[t=0]')).toBe(0);
    for (const name of ['cap_chp', 'soc_inter_tes[d=3]', 'co2_cap', 'heat_gb[p=1,h=1]'])
      expect(stepOfName(name)).toBe(-1);
    const seg = { ...tinyAggregatedGrid(), duration_h: Float64Array.from([3, 21, 12, 12]) };
    expect(periodOfName(`heat_gb[${stepLabel(seg, 3)}]`)).toBe(1);
    expect(periodOfName(`heat_gb[${stepLabel(tinyAggregatedGrid(), 1)}]`)).toBe(0);
    for (const name of ['cap_chp', 'heat_gb[t=5]', 'soc_inter_tes[d=3]']) expect(periodOfName(name)).toBe(-1);
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

describe('quarter-hourly full grid (site.timeStep_min = 15)', () => {
  it('has four steps per hour, each 0.25 h long and weighted 0.25 h, named by its quarter hour', () => {
    const g = fullGrid(8760, 2, 4);
    expect(numSteps(g)).toBe(8);
    expect(Array.from(g.hours)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(Array.from(g.weight)).toEqual(new Array(8).fill(0.25));
    expect([g.periodLength, g.numPeriods, g.stepsPerHour]).toEqual([8, 1, 4]);
    expect([0, 3, 5].map((s) => stepHours(g, s))).toEqual([0.25, 0.25, 0.25]);
    expect([0, 3, 5].map((s) => stepStart_h(g, s))).toEqual([0, 0.75, 1.25]);
    // Rows carry the step's index in the year, as run/blocks.ts and run/window.ts read it.
    expect(stepLabel(g, 5)).toBe('t=5');
    expect(numSteps(fullGrid(8784, 8784, 4))).toBe(35136);
  });

  it('an hourly grid keeps 1 h steps that start on the hour', () => {
    const g = fullGrid(8760, 3);
    expect(g.stepsPerHour).toBeUndefined();
    expect([stepHours(g, 2), stepStart_h(g, 2)]).toEqual([1, 2]);
  });
});
