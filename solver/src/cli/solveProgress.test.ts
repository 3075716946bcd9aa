import { describe, expect, it } from 'vitest';
import { solveStatus, solveStatusLine } from './solveProgress';
import type { PathPreview } from '../lp/backend';

describe("werkplan solve's status line", () => {
  it('names the phase, the checked periods, the MIP gap and the time', () => {
    expect(solveStatusLine({ phase: 'sizing', elapsed_s: 3.4 })).toBe('sizing on typical days · 0:03');
    expect(solveStatusLine({ phase: 'fullYearCheck', elapsed_s: 75, checks: { done: 2, of: 5 } })).toBe(
      'full-year check (2 of 5 periods done) · 1:15',
    );
    // The checks under way: the period, its worker (none: this thread) and how long it has run.
    const running = [
      { year: 2030, worker: 1, since_s: 60 },
      { year: 2040, worker: 2, since_s: 72.2 },
    ];
    expect(
      solveStatusLine({ phase: 'fullYearCheck', elapsed_s: 75, checks: { done: 2, of: 5, running } }),
    ).toBe(
      'full-year check (2 of 5 periods done; 2030 on worker 1 for 0:15, 2040 on worker 2 for 0:03) · 1:15',
    );
    expect(
      solveStatusLine({
        phase: 'fullYearCheck',
        elapsed_s: 75,
        checks: { done: 0, of: 2, running: [{ year: 2030, since_s: 74 }] },
      }),
    ).toBe('full-year check (0 of 2 periods done; 2030 for 0:01) · 1:15');
    expect(solveStatusLine({ phase: 'branchAndBound', elapsed_s: 9.6, mipGap: 0.01234 })).toBe(
      'branch and bound, gap 1.23 % · 0:10',
    );
    expect(solveStatusLine({ phase: 'branchAndBound', elapsed_s: 0, mipGap: Infinity })).toBe(
      'branch and bound · 0:00',
    );
    expect(solveStatusLine({ phase: 'refining', elapsed_s: 6, mipGap: 1486.3 })).toBe(
      'refining the capacities over the full year · 0:06',
    );
  });

  it('draws on a terminal only, and clears its line at the end', () => {
    const written: string[] = [];
    const off = solveStatus((t) => written.push(t), false);
    expect(off.onProgress).toBeUndefined();
    off.end();
    expect(written).toEqual([]);
    const on = solveStatus((t) => written.push(t), true);
    on.onProgress!({ phase: 'fullYearCheck', elapsed_s: 0, checks: { done: 0, of: 5 } });
    on.end();
    expect(written).toEqual(['\r\x1b[2Kfull-year check (0 of 5 periods done) · 0:00', '\r\x1b[2K']);
    // A check's time is counted from its start on the run's clock (10 s into the run: 2 s), while the
    // line's clock is the command's own.
    written.length = 0;
    const again = solveStatus((t) => written.push(t), true);
    again.onProgress!({
      phase: 'fullYearCheck',
      elapsed_s: 10,
      checks: { done: 0, of: 2, running: [{ year: 2030, worker: 1, since_s: 8 }] },
    });
    again.end();
    expect(written[0]).toBe(
      '\r\x1b[2Kfull-year check (0 of 2 periods done; 2030 on worker 1 for 0:02) · 0:00',
    );
  });

  it('prints the typical-day preview once, above the status line', () => {
    const written: string[] = [];
    const on = solveStatus(
      (t) => written.push(t),
      true,
      (id) => (id === 'pv' ? 'kWp' : 'kW'),
    );
    const preview = {
      capacities: {
        gb: { power_kW: 6000 },
        pv: { power_kW: 3000 },
        tes: { energy_kWh: 27581.44, power_kW: 5000 },
      },
      totalAnnualCost_EUR: 2314064.684,
    };
    on.onProgress!({ phase: 'fullYearCheck', elapsed_s: 0.3, preview });
    on.end();
    expect(written).toEqual([
      '\r\x1b[2Kpreview on typical days: 2314064.68 EUR/a; gb 6000.0 kW, pv 3000.0 kWp, tes 27581.4 kWh / 5000.0 kW\n',
      '\r\x1b[2Kfull-year check · 0:00',
      '\r\x1b[2K',
    ]);
  });

  it("prints a path's preview once: net present cost, then the plants in service per period", () => {
    const written: string[] = [];
    const on = solveStatus(
      (t) => written.push(t),
      true,
      (id) => (id === 'chp' ? 'kW el' : 'kW'),
    );
    const pathPreview: PathPreview = {
      netPresentCost_EUR: 37_447_143.9,
      periods: [
        { year: 2025, capacities: { chp: { power_kW: 1083.2 }, gb: { power_kW: 6000 } } },
        {
          year: 2045,
          capacities: { hp: { power_kW: 2280.4 }, tes: { energy_kWh: 34151.2, power_kW: 3000 } },
        },
      ],
    };
    on.onProgress!({ phase: 'fullYearCheck', elapsed_s: 7, checks: { done: 0, of: 2 }, pathPreview });
    on.end();
    expect(written).toEqual([
      '\r\x1b[2Kpreview on typical days: net present cost 37447144 EUR\n' +
        '  2025: chp 1083 kW el, gb 6000 kW\n' +
        '  2045: hp 2280 kW, tes 34151 kWh / 3000 kW\n',
      '\r\x1b[2Kfull-year check (0 of 2 periods done) · 0:00',
      '\r\x1b[2K',
    ]);
  });
});
