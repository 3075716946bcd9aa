import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { useApp } from '../../store/app';
import type { RunningState } from '../../project/runs';
import { useProject } from '../../project/store';
import type { StoredProject } from '../../project/document';
import { RunProgress } from './RunProgress';

afterEach(cleanup);

const running = (over: Partial<RunningState>): RunningState => ({
  kind: 'run',
  projectId: 'p',
  scenarioId: 'base',
  phase: 'fullYearCheck',
  started: Date.now(),
  queue: [],
  ...over,
});

const show = (r: RunningState) =>
  render(<RunProgress running={r} cancelled={false} points={5} nameOf={() => 'Basis'} />);

describe('RunProgress', () => {
  it("counts a path's checked periods, in German and English", async () => {
    for (const [lng, text] of [
      ['de', 'Ganzjahresprüfung (2 von 5 Perioden fertig)'],
      ['en', 'full-year check (2 of 5 periods done)'],
    ] as const) {
      await initI18n(lng);
      useApp.setState({ language: lng });
      show(running({ checks: { done: 2, of: 5 } }));
      expect(screen.getByTestId('run-status').textContent).toContain(text);
      cleanup();
    }
  });

  it('shows the typical-day sizing as a preview while the check runs, in German and English', async () => {
    const preview = {
      capacities: { gb: { power_kW: 6000 }, tes: { energy_kWh: 27581.4, power_kW: 5000 } },
      totalAnnualCost_EUR: 2314064.68,
    };
    for (const [lng, text] of [
      [
        'de',
        'Vorschau aus den Typtagen, die Ganzjahresprüfung läuft noch: gb 6.000 kW, tes 27.581 kWh / 5.000 kW – Jahreskosten etwa 2.314.065 EUR/a',
      ],
      [
        'en',
        'Preview from the typical days, the full-year check is still running: gb 6,000 kW, tes 27,581 kWh / 5,000 kW – annual cost about 2,314,065 EUR/a',
      ],
    ] as const) {
      await initI18n(lng);
      useApp.setState({ language: lng });
      show(running({ preview }));
      expect(screen.getByTestId('run-preview').textContent).toBe(text);
      cleanup();
    }
    show(running({}));
    expect(screen.queryByTestId('run-preview')).toBeNull();
  });

  it("names the plants as the project does, each power in its plant's unit", async () => {
    await initI18n('de');
    useApp.setState({ language: 'de' });
    useProject.setState({
      doc: {
        technologies: [
          { id: 'pv', name: 'Photovoltaik', type: 'pv' },
          { id: 'chp', name: 'BHKW', type: 'chp' },
        ],
      } as unknown as StoredProject,
    });
    show(
      running({
        preview: {
          capacities: { pv: { power_kW: 10 }, chp: { power_kW: 1581.4 } },
          totalAnnualCost_EUR: 3258,
        },
      }),
    );
    expect(screen.getByTestId('run-preview').textContent).toContain('Photovoltaik 10 kWp, BHKW 1.581 kW el');
    useProject.setState({ doc: null });
  });

  it('names the phase alone for a single year', async () => {
    await initI18n('de');
    useApp.setState({ language: 'de' });
    show(running({}));
    const status = screen.getByTestId('run-status').textContent;
    expect(status).toContain('Ganzjahresprüfung');
    expect(status).not.toContain('Perioden');
  });
});
