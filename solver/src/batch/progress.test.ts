import { describe, expect, it } from 'vitest';
import { clock, jobLine, progressBar } from './progress';

describe('batch progress', () => {
  it('writes times as m:ss or h:mm:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(61.4)).toBe('1:01');
    expect(clock(3 * 3600 + 5 * 60 + 9)).toBe('3:05:09');
  });

  it('draws the bar with the time left from the mean job so far', () => {
    // 10 of 40 in 60 s: 6 s a job, 30 left → 180 s
    expect(progressBar({ total: 40, done: 10, failed: 1, running: 2, elapsed_s: 60 }, 8)).toBe(
      '[██░░░░░░] 10/40 · 2 running · 1 failed · 1:00, about 3:00 left',
    );
    expect(progressBar({ total: 2, done: 2, failed: 0, running: 0, elapsed_s: 5 }, 4)).toBe(
      '[████] 2/2 · 0:05',
    );
    expect(progressBar({ total: 0, done: 0, failed: 0, running: 0, elapsed_s: 0 }, 2)).toBe(
      '[██] 0/0 · 0:00',
    );
  });

  it('writes a finished job as one line, with the reason when it has no solution', () => {
    expect(
      jobLine(
        {
          id: 'sweep-0003',
          status: 'optimal',
          seconds: 1.24,
          reasons: [],
          totalAnnualCost_EUR: 1234.4,
          emissions_tCO2: 12.34,
        },
        12,
        40,
      ),
    ).toBe('[12/40] sweep-0003 optimal: 1234 EUR/a, 12.3 t CO2/a (1.2 s)');
    expect(
      jobLine({ id: 'scenario-x', status: 'infeasible', seconds: 0.5, reasons: ['heat not met'] }, 1, 2),
    ).toBe('[1/2] scenario-x infeasible (0.5 s) – heat not met');
  });
});
