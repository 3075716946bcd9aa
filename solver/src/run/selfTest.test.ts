import { describe, expect, it } from 'vitest';
import { solveProject } from './solve';
import { selfTestExpected, selfTestPassed, selfTestProject } from './selfTest';
import { validateProject } from '../project/validate';

describe('solver self test', () => {
  it('is a valid project whose solution matches the closed form in both modes', async () => {
    expect(validateProject(selfTestProject()).ok).toBe(true);
    for (const mode of ['aggregated', 'full'] as const) {
      const out = await solveProject(selfTestProject(), { mode });
      expect(out.results.capacities.gb.power_kW).toBeCloseTo(selfTestExpected().capacity_kW, 6);
      expect(selfTestPassed(out.results)).toBe(true);
    }
  });

  it('notices a wrong result', async () => {
    const out = await solveProject(selfTestProject(), { mode: 'aggregated' });
    out.results.objective.totalAnnualCost_EUR *= 1.00001;
    expect(selfTestPassed(out.results)).toBe(false);
  });
});
