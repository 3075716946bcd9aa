import { describe, expect, it } from 'vitest';
import { fullGrid, numSteps, stepLabel } from './timegrid';
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
});
