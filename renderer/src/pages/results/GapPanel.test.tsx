import { beforeAll, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { useApp } from '../../store/app';
import type { Results } from '../../../../solver/src';
import { GapPanel } from './GapPanel';

beforeAll(async () => {
  await initI18n('de');
  useApp.setState({ language: 'de' });
});

const solve: Results['solve'] = {
  solver: 'highs',
  mode: 'aggregated',
  seconds: 60,
  gap: 0.01,
  columns: 1,
  rows: 1,
  sizing: { typicalPeriods: 12, objective_EUR: 1_000_000, seconds: 10, gap: 0.01 },
  fullYearCheck: { objective_EUR: 1_020_000, seconds: 5, status: 'optimal' },
  aggregationGap: 0.0291,
};
const results = (s: Results['solve']) => ({ solve: s }) as Results;

describe('GapPanel', () => {
  it('shows the sizing, the check and their gap without minimum part loads', () => {
    render(<GapPanel r={results(solve)} />);
    expect(screen.getByText('Ganzjahresprüfung (optimal)')).toBeTruthy();
    expect(screen.getByTestId('aggregation-gap').textContent).toBe('2,91 %');
    expect(screen.queryByTestId('milp-gap')).toBeNull();
    expect(screen.getByText('Auslegung auf 12 Typtagen')).toBeTruthy();
  });

  it('says when the year was computed in quarter hours, also in full mode', () => {
    const { unmount } = render(<GapPanel r={results({ ...solve, timeStep_min: 15 })} />);
    expect(screen.getByTestId('quarter-hours').textContent).toBe(
      'Zeitschritt 15 Minuten: Kosten, Energien und Spitzenbezug aus allen Viertelstunden des Jahres; der Fahrplan zeigt Stundenmittel.',
    );
    unmount();
    render(<GapPanel r={results({ ...solve, mode: 'full', sizing: undefined, timeStep_min: 15 })} />);
    expect(screen.getByTestId('quarter-hours')).toBeTruthy();
    expect(screen.getByText('Ganzjahresrechnung: keine Typtag-Abweichung.')).toBeTruthy();
  });

  it('names the time segments the sizing used', () => {
    render(<GapPanel r={results({ ...solve, sizing: { ...solve.sizing!, segmentsPerPeriod: 8 } })} />);
    expect(screen.getByText('Auslegung auf 12 Typtagen zu je 8 Zeitsegmenten')).toBeTruthy();
  });

  it('shows the MILP plan and its gap to the check, which is the lower bound', () => {
    const dispatchMilp = {
      status: 'optimal' as const,
      windows: 53,
      window_h: 168,
      overlap_h: 24,
      gap: 0.0123,
      lowerBound_EUR: 1_020_000,
      upperBound_EUR: 1_032_700,
      windowGaps_EUR: 100,
      seconds: 40,
      checkHoursBelowMinLoad: 2602,
      hoursBelowMinLoad: 0,
    };
    render(<GapPanel r={results({ ...solve, dispatchMilp })} />);
    expect(screen.getByText(/^Ganzjahresprüfung als LP, untere Schranke/)).toBeTruthy();
    const plan = screen.getByText(/^Ganzjahres-Fahrplan mit Mindestteillast/);
    expect(plan.textContent).toBe(
      'Ganzjahres-Fahrplan mit Mindestteillast (53 Fenster zu 168 h + 24 h Vorschau)',
    );
    expect(plan.nextElementSibling!.textContent).toBe('1.032.700 €/a');
    expect(screen.getByTestId('milp-gap').textContent).toBe('1,23 %');
  });

  it('shows the full-year refinement: the refined plan, proven or with its gap', () => {
    const refinement = {
      steps: 2,
      proven: true,
      objective_EUR: 1_005_000,
      lowerBound_EUR: 1_005_000,
      gap: 0,
      seconds: 30,
    };
    const { unmount } = render(<GapPanel r={results({ ...solve, refinement })} />);
    const row = screen.getByText('Ganzjahres-Verfeinerung der Leistungen (Schritte: 2)');
    expect(row.nextElementSibling!.textContent).toBe('1.005.000 €/a');
    expect(screen.getByTestId('refinement-gap').textContent).toBe('bewiesenes Optimum');
    unmount();
    render(
      <GapPanel
        r={results({
          ...solve,
          refinement: { ...refinement, proven: false, lowerBound_EUR: 1_000_000, gap: 0.00498 },
        })}
      />,
    );
    expect(screen.getByTestId('refinement-gap').textContent).toBe(
      'höchstens 0,5 % über der Schranke 1.000.000 €/a',
    );
  });

  it('says the same in English', async () => {
    await act(async () => {
      await initI18n('en');
      useApp.setState({ language: 'en' });
    });
    const refinement = {
      steps: 5,
      proven: true,
      objective_EUR: 3278.03,
      lowerBound_EUR: 3278.03,
      gap: 0,
      seconds: 31,
    };
    render(<GapPanel r={results({ ...solve, refinement })} />);
    expect(screen.getByText('Full-year refinement of the capacities (steps: 5)')).toBeTruthy();
    expect(screen.getByTestId('refinement-gap').textContent).toBe('proven optimum');
    await act(async () => {
      await initI18n('de');
      useApp.setState({ language: 'de' });
    });
  });
});
