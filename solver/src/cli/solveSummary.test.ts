import { describe, expect, it } from 'vitest';
import type { Results } from '../results/results';
import { boundsLine } from './solve';

const solve = (extra: Partial<Results['solve']>): Results =>
  ({
    solve: { solver: 'highs', mode: 'full', seconds: 1, gap: null, columns: 1, rows: 1, ...extra },
  }) as Results;

describe('werkplan solve summary: the proven bounds', () => {
  it('prints the decomposition bound and gap', () => {
    const r = solve({
      gap: 7.5e-7,
      method: 'decomposition',
      bounds_EUR: { lower: 2305263.148, upper: 2305264.879, iterations: 40 },
    });
    expect(boundsLine(r)).toBe(
      '  proven lower bound 2305263.15 EUR/a (gap 7.5e-5 %, 40 iterations, decomposition)\n',
    );
  });

  it('prints the rolling MILP dispatch with hours below minimum load', () => {
    const r = solve({
      mode: 'aggregated',
      dispatchMilp: {
        status: 'optimal',
        windows: 183,
        window_h: 48,
        overlap_h: 24,
        gap: 0.012,
        lowerBound_EUR: 2313072,
        upperBound_EUR: 2341093,
        windowGaps_EUR: 10,
        seconds: 154,
        checkHoursBelowMinLoad: 1559,
        hoursBelowMinLoad: 0,
      },
    });
    expect(boundsLine(r)).toBe(
      '  full-year MILP dispatch: 183 windows of 48 h (+24 h look-ahead), at most 1.20 % above the LP bound 2313072.00 EUR/a; hours below minimum load: 1559 in the LP check, 0 in the plan\n',
    );
  });

  it('prints the full-year refinement of an aggregated run, proven or with its gap', () => {
    const check = { objective_EUR: 2312503.9, seconds: 8, status: 'optimal' as const };
    const refined = (refinement: NonNullable<Results['solve']['refinement']>) =>
      solve({ mode: 'aggregated', fullYearCheck: check, refinement });
    const proven = refined({
      steps: 2,
      proven: true,
      objective_EUR: 2305264.19,
      lowerBound_EUR: 2305264.19,
      gap: 0,
      seconds: 36,
    });
    expect(boundsLine(proven)).toBe(
      "  full-year refinement: 2 steps from the check's 2312503.90 to 2305264.19 EUR/a, the proven full-year optimum\n",
    );
    const open = refined({
      steps: 1,
      proven: false,
      objective_EUR: 2306448.75,
      lowerBound_EUR: 2300000,
      gap: 0.0028,
      seconds: 14,
    });
    expect(boundsLine(open)).toBe(
      "  full-year refinement: 1 step from the check's 2312503.90 to 2306448.75 EUR/a, at most 0.28 % above the proven bound 2300000.00 EUR/a\n",
    );
    expect(boundsLine(refined({ ...open.solve.refinement!, gap: 0.42 }))).toMatch(
      /2306448\.75 EUR\/a, at most 42\.00 %/,
    );
    expect(boundsLine(refined({ ...open.solve.refinement!, gap: 17 }))).toMatch(/no useful bound yet\n$/);
  });

  it('prints nothing for a run without bounds', () => {
    expect(boundsLine(solve({ mode: 'aggregated' }))).toBe('');
  });
});
