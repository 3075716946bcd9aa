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
  issue: JSON.stringify({
    code: 'buildingFarFromStreet',
    id: 'h7',
    severity: 'error',
    values: { distance_m: 140, max_m: 100 },
  }),
};

describe('solver findings in German and English', () => {
  it('every finding has both languages, with different text and the same figures', () => {
    for (const code of SOLVER_MESSAGE_CODES) {
      const en = formatSolverMessage(solverMessage(code, params), 'en');
      const de = formatSolverMessage(solverMessage(code, params), 'de');
      expect(en.length, code).toBeGreaterThan(3);
      expect(de, code).not.toBe(en);
      // German dates ('03.01.2025, 07:00 Uhr') as the English label ('2025-01-03 07:00'), then numbers.
      const dates = (s: string) => s.replace(/(\d{2})\.(\d{2})\.(\d{4}), (\d{2}:\d{2}) Uhr/g, '$3-$2-$1 $4');
      const figures = (s: string) =>
        (
          dates(s)
            .replace(/(\d)\.(\d{3})\b/g, '$1$2')
            .replace(/(\d),(\d)/g, '$1.$2')
            .match(/\d+(\.\d+)?/g) ?? []
        ).sort();
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

describe('German hour counts', () => {
  it('says 1 Stunde and groups thousands (4.690 Stunden)', () => {
    const one = solverMessage('heatPeakUncovered', {
      hours: 1,
      first: '2023-01-01 01:00',
      capacity_kW: 1,
      peak_kW: 2,
    });
    const many = solverMessage('heatPeakUncovered', {
      hours: 4690,
      first: '2023-01-01 01:00',
      capacity_kW: 1,
      peak_kW: 2,
    });
    expect(formatSolverMessage(one, 'de')).toContain('in 1 Stunde nicht');
    expect(formatSolverMessage(many, 'de')).toContain('in 4.690 Stunden nicht');
  });
});

describe('decomposition gap', () => {
  it('gives the proven gap and lower bound in each language format', () => {
    const m = solverMessage('decompositionGap', { gap_pct: 0.012345, lower_EUR: 2305263.15 });
    expect(formatSolverMessage(m, 'en')).toBe(
      'the full-year decomposition stopped before its bounds met: the annual cost lies at most 0.0123 % above the proven lower bound of 2305263 EUR',
    );
    expect(formatSolverMessage(m, 'de')).toBe(
      'die Ganzjahres-Zerlegung endete, bevor ihre Schranken zusammenfielen: die Jahreskosten liegen höchstens 0,0123 % über der bewiesenen Untergrenze von 2.305.263 EUR',
    );
  });
});
