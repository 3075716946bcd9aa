import { describe, expect, it } from 'vitest';
import { isSolvedPath, periodStored } from './stored';
import { pathStored } from './fixture';

describe('stored path results', () => {
  it('counts a solved path as showable without a dispatch, not a failed or single-year one', () => {
    expect(isSolvedPath(pathStored({}, false))).toBe(true);
    const failed = pathStored();
    failed.payload.results.status = 'infeasible';
    expect(isSolvedPath(failed)).toBe(false);
    const single = pathStored();
    delete single.payload.results.periods;
    expect(isSolvedPath(single)).toBe(false);
  });

  it('gives each period its own results, the dispatch only to the first', () => {
    const s = pathStored();
    const first = periodStored(s, 0);
    expect(first.payload.results).toBe(s.payload.results.periods![0].results);
    expect(first.payload.dispatch).toBe(s.payload.dispatch);
    const third = periodStored(s, 2);
    expect(third.payload.results.kpis.heatDemand_MWh).toBe(3800);
    expect(third.payload.dispatch).toBeNull();
    expect(third.scenarioId).toBe('base');
    expect(periodStored(s, 9)).toBe(s);
  });
});
