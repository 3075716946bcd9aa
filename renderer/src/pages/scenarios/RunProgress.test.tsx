import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { useApp } from '../../store/app';
import type { RunningState } from '../../project/runs';
import { useProject } from '../../project/store';
import type { StoredProject } from '../../project/document';
import type { PathPreview } from '../../../../solver/src';
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

/** Shows `r` in each language of `cases` and checks it against that language's expectation. */
async function inLanguages<T>(
  cases: readonly (readonly ['de' | 'en', T])[],
  r: RunningState,
  check: (expected: T, lng: 'de' | 'en') => void,
) {
  for (const [lng, expected] of cases) {
    await initI18n(lng);
    useApp.setState({ language: lng });
    show(r);
    check(expected, lng);
    cleanup();
  }
}

describe('RunProgress', () => {
  it("counts a path's checked periods, in German and English", async () => {
    await inLanguages(
      [
        ['de', 'Ganzjahresprüfung (2 von 5 Perioden fertig)'],
        ['en', 'full-year check (2 of 5 periods done)'],
      ],
      running({ checks: { done: 2, of: 5 } }),
      (text) => expect(screen.getByTestId('run-status').textContent).toContain(text),
    );
  });

  it("lists a path's checks under way with their worker and time, in German and English", async () => {
    const now = Date.now();
    const checks = {
      done: 1,
      of: 5,
      running: [
        { year: 2030, worker: 1, startedAt: now - 12_400 },
        { year: 2040, worker: 2, startedAt: now - 3_000 },
      ],
    };
    await inLanguages(
      [
        [
          'de',
          [
            'Ganzjahresprüfung 2030 läuft seit 12 s (Rechenprozess 1)',
            'Ganzjahresprüfung 2040 läuft seit 3 s (Rechenprozess 2)',
          ],
        ],
        [
          'en',
          [
            'Full-year check 2030 running for 12 s (worker 1)',
            'Full-year check 2040 running for 3 s (worker 2)',
          ],
        ],
      ],
      running({ checks }),
      (lines) => {
        const items = screen.getByTestId('run-checks').querySelectorAll('li');
        expect(Array.from(items, (li) => li.textContent)).toEqual(lines);
      },
    );
    // A check in the run's own thread has no worker; without checks under way there is no list.
    await initI18n('en');
    show(running({ checks: { done: 0, of: 2, running: [{ year: 2025, startedAt: now }] } }));
    expect(screen.getByTestId('run-checks').textContent).toBe('Full-year check 2025 running for 0 s');
    cleanup();
    show(running({ checks: { done: 2, of: 5, running: [] } }));
    expect(screen.queryByTestId('run-checks')).toBeNull();
  });

  it('shows the typical-day sizing as a preview while the check runs, in German and English', async () => {
    const preview = {
      capacities: { gb: { power_kW: 6000 }, tes: { energy_kWh: 27581.4, power_kW: 5000 } },
      totalAnnualCost_EUR: 2314064.68,
    };
    await inLanguages(
      [
        [
          'de',
          'Vorschau aus den Typtagen, die Ganzjahresprüfung läuft noch: gb 6.000 kW, tes 27.581 kWh / 5.000 kW – Jahreskosten etwa 2.314.065 EUR/a',
        ],
        [
          'en',
          'Preview from the typical days, the full-year check is still running: gb 6,000 kW, tes 27,581 kWh / 5,000 kW – annual cost about 2,314,065 EUR/a',
        ],
      ],
      running({ preview }),
      (text) => expect(screen.getByTestId('run-preview').textContent).toBe(text),
    );
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

  it("shows a path's sizing per period while its full years are checked, in German and English", async () => {
    useProject.setState({
      doc: {
        technologies: [
          { id: 'chp', name: 'BHKW Erdgas', type: 'chp' },
          { id: 'hp', name: 'Wärmepumpe', type: 'heatPump' },
          { id: 'tes', name: 'Wärmespeicher', type: 'heatStorage' },
        ],
      } as unknown as StoredProject,
    });
    const pathPreview: PathPreview = {
      netPresentCost_EUR: 37_447_143.9,
      periods: [
        { year: 2025, capacities: { chp: { power_kW: 1083.2 } } },
        {
          year: 2045,
          capacities: { hp: { power_kW: 2280.4 }, tes: { energy_kWh: 34151.2, power_kW: 3000 } },
        },
      ],
    };
    await inLanguages(
      [
        [
          'de',
          [
            'Vorschau aus den Typtagen, die Ganzjahresprüfungen laufen noch – Kapitalwert etwa 37.447.144 EUR, in Betrieb:',
            '2045: Wärmepumpe 2.280 kW, Wärmespeicher 34.151 kWh / 3.000 kW',
          ],
        ],
        [
          'en',
          [
            'Preview from the typical days, the full-year checks are still running – net present cost about 37,447,144 EUR, in service:',
            '2045: Wärmepumpe 2,280 kW, Wärmespeicher 34,151 kWh / 3,000 kW',
          ],
        ],
      ],
      running({ checks: { done: 0, of: 2 }, pathPreview }),
      ([head, last], lng) => {
        const box = screen.getByTestId('run-path-preview');
        expect(box.querySelector('p')!.textContent).toBe(head);
        const items = [...box.querySelectorAll('li')].map((li) => li.textContent);
        expect(items).toEqual([`2025: BHKW Erdgas ${lng === 'de' ? '1.083' : '1,083'} kW el`, last]);
      },
    );
    show(running({}));
    expect(screen.queryByTestId('run-path-preview')).toBeNull();
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
