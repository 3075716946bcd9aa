import { describe, expect, it } from 'vitest';
import { formatSolverMessage, SOLVER_MESSAGE_CODES, solverMessage } from './messages';

const params = {
  tech: 'tes',
  hours: 12,
  first: '2025-01-03 07:00',
  carrier: 'heat',
  periods: 12,
  raised: 'hp 1.0 → 2.0 kW',
  status: 'infeasible',
  worst_kW: 1500,
  cap_t: 100,
  min_t: 131.4,
  percent: 60,
  limit_kWh: 5000,
  capacity_kW: 3100,
  peak_kW: 4200,
  reason: 'boom',
};

describe('solver findings in German and English', () => {
  it('every finding has both languages, with different text and the same figures', () => {
    for (const code of SOLVER_MESSAGE_CODES) {
      const en = formatSolverMessage(solverMessage(code, params), 'en');
      const de = formatSolverMessage(solverMessage(code, params), 'de');
      expect(en.length, code).toBeGreaterThan(3);
      expect(de, code).not.toBe(en);
      const figures = (s: string) => (s.replace(/(\d),(\d)/g, '$1.$2').match(/\d+(\.\d+)?/g) ?? []).sort();
      expect(figures(de), code).toEqual(figures(en));
    }
  });

  it('formats megawatts in each language', () => {
    const m = solverMessage('heatPeakUncovered', {
      hours: 1,
      first: 'x',
      capacity_kW: 3100,
      peak_kW: 12345.6,
    });
    expect(formatSolverMessage(m, 'en')).toMatch(/is 3\.1 MW, the peak demand 12\.35 MW$/);
    expect(formatSolverMessage(m, 'de')).toMatch(/ist 3,1 MW, die Spitzenlast 12,35 MW$/);
  });

  it('names a typical period when there is no calendar hour', () => {
    const m = solverMessage('simultaneousStorage', {
      tech: 'bat',
      hours: 3,
      period: 4,
      periodHour: 17,
      carrier: 'electricity',
    });
    expect(formatSolverMessage(m)).toMatch(/first typical period 4, hour 17\): the electricity/);
    expect(formatSolverMessage(m, 'de')).toMatch(/erstmals Typperiode 4, Stunde 17\): der Strom kann/);
  });
});
