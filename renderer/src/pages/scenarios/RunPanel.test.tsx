import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../i18n';
import { db } from '../../db/schema';
import { saveResult } from '../../db/results';
import { createBlankProject } from '../../project/files';
import { assembleProject, currentInputsHash } from '../../project/assemble';
import { yearStart_ms } from '../../project/document';
import { checkRunnable, NotRunnableError } from '../../project/run';
import { attachSeries } from '../../project/seriesActions';
import { setScenarioMode } from '../../project/runOptions';
import { useProject } from '../../project/store';
import { useRuns } from '../../project/runs';
import { useApp } from '../../store/app';
import type { Results } from '../../../../solver/src/results/results';
import { RunPanel } from './RunPanel';
import { SweepPanel } from './SweepPanel';

const capex = '/technologies/gb/capex_EUR_per_unit';
const results = {
  status: 'optimal',
  objective: { totalAnnualCost_EUR: 123456 },
  emissions_tCO2: 12.5,
  capacities: { gb: { power_kW: 800 } },
  warnings: [],
} as unknown as Results;

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  useApp.setState({ language: 'de' });
  useRuns.setState({ running: null, error: null, errorKind: null, cancelled: false });
  const p = await createBlankProject(db(), 'Nahwärme');
  await useProject.getState().load(db(), p.id);
  await useProject.getState().edit((d) => {
    d.technologies.push({
      id: 'gb',
      type: 'boiler',
      name: 'Gaskessel',
      fuel: 'gas',
      efficiency: 0.95,
      capex_EUR_per_unit: 100,
      lifetime_a: 20,
      fixedOm_share: 0.02,
    });
  });
  const hash = await currentInputsHash(db(), p.id, 'base');
  await saveResult(db(), p.id, 'base', hash!, {
    results,
    dispatch: null,
    scenarioName: 'Basis',
    mode: 'aggregated',
  });
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
});

const panel = () => render(<RunPanel doc={useProject.getState().doc!} selected="base" />);
const runButton = () => screen.getByRole('button', { name: '„Basis“ rechnen' });

describe('run panel and values typed into the forms', () => {
  it('a current result is labelled current and the runs can start', async () => {
    panel();
    await waitFor(() => expect(screen.getByTestId('result-base').textContent).toContain('aktuell (optimal)'));
    expect(runButton()).toHaveProperty('disabled', false);
    expect(screen.queryByTestId('run-blocked')).toBeNull();
  });

  it("sets the typical-day sizing's resolution for aggregated runs; a default is stored as absent", async () => {
    panel();
    const id = useProject.getState().projectId!;
    const days = await screen.findByLabelText('Typtage');
    expect((days as HTMLSelectElement).value).toBe('24');
    expect(screen.getByRole('option', { name: '24 (Standard)' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '24 (stündlich)' })).toBeTruthy();
    act(() => {
      (days as HTMLSelectElement).value = '36';
      days.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(async () => expect((await db().projects.get(id))?.runOptions?.typicalDays).toBe(36));
    const segments = screen.getByLabelText('Zeitsegmente je Typtag');
    act(() => {
      (segments as HTMLSelectElement).value = '24';
      segments.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(async () => expect((await db().projects.get(id))?.runOptions?.segments).toBe(24));
    act(() => {
      (days as HTMLSelectElement).value = '24';
      days.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(async () =>
      expect((await db().projects.get(id))?.runOptions).toEqual({ mode: 'aggregated', segments: 24 }),
    );
    // The stored result was computed with the defaults: no longer current.
    await waitFor(() => expect(screen.getByTestId('result-base').textContent).not.toContain('aktuell'));
  });

  it('says what the exact mode means for a path, in German and English; not for a single year', async () => {
    const id = useProject.getState().projectId!;
    await setScenarioMode(db(), id, 'base', 'full');
    const { unmount } = panel();
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('Rechenart').value).toBe('full'));
    expect(screen.queryByTestId('run-mode-full-path')).toBeNull();
    unmount();
    await useProject.getState().edit((d) => {
      d.periods = { years: [2025, 2030, 2035, 2040, 2045] };
    });
    const de = panel();
    expect((await screen.findByTestId('run-mode-full-path')).textContent).toBe(
      'Bei einem Pfad heißt das: alle Stunden aller 5 Perioden in einem einzigen Optimierungsproblem. Das dauert ein Vielfaches – der Beispielpfad mit fünf Perioden rechnet auf einem Rechner mit 2 Kernen länger als 17 Minuten. Für die Planung genügen die Typtage: jede Periode wird danach über das ganze Jahr geprüft.',
    );
    de.unmount();
    await i18next.changeLanguage('en');
    useApp.setState({ language: 'en' });
    try {
      panel();
      expect((await screen.findByTestId('run-mode-full-path')).textContent).toBe(
        'For a path this means all hours of all 5 periods in one single optimisation problem. That takes many times longer: the example path with five periods runs for more than 17 minutes on a 2-core computer. For planning, typical days are enough: each period is then checked over the whole year.',
      );
    } finally {
      await i18next.changeLanguage('de');
    }
  });

  it('an invalid value blocks every run, says why next to the buttons, and the result is not current', async () => {
    panel();
    await waitFor(() => expect(screen.getByTestId('result-base').textContent).toContain('aktuell'));
    act(() =>
      useProject.getState().setDraft(capex, {
        text: '-500',
        label: 'Gaskessel: Investition',
        error: 'Mindestens 0.',
        pointer: capex,
      }),
    );
    const reason = screen.getByTestId('run-blocked');
    expect(reason.textContent).toBe(
      'Rechnen nicht möglich: 1 Eingabe ist ungültig (Gaskessel: Investition). Bitte zuerst korrigieren.',
    );
    for (const name of ['„Basis“ rechnen', 'Alle Szenarien rechnen', 'Front für „Basis“ berechnen']) {
      const b = screen.getByRole('button', { name });
      expect(b).toHaveProperty('disabled', true);
      expect(b.getAttribute('aria-describedby')).toBe(reason.id);
    }
    expect(screen.getByTestId('result-base').textContent).toContain('nicht aktuell – ungültige Eingabe');
    expect(screen.getByTestId('result-base').textContent).not.toContain('aktuell (optimal)');
    // corrected: runs again, result current again
    act(() => useProject.getState().setDraft(capex, null));
    expect(runButton()).toHaveProperty('disabled', false);
    expect(screen.getByTestId('result-base').textContent).toContain('aktuell (optimal)');
  });

  it('a value still being typed: the result is not called current (leaving the field applies it)', async () => {
    panel();
    await waitFor(() => expect(screen.getByTestId('result-base').textContent).toContain('aktuell'));
    act(() =>
      useProject
        .getState()
        .setDraft(capex, { text: '12', label: 'Gaskessel: Investition', error: null, pointer: capex }),
    );
    expect(screen.getByTestId('result-base').textContent).toContain(
      'nicht aktuell – Eingabe nicht übernommen',
    );
    expect(runButton()).toHaveProperty('disabled', false);
  });

  it('a project that cannot be run is explained in plain words, not JSON pointers', async () => {
    useRuns.setState({
      error: ['/technologies/0/capex_EUR_per_unit: /technologies/0/capex_EUR_per_unit: must be >= 0'],
      errorKind: 'run',
    });
    panel();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Gaskessel: Investition muss mindestens 0 EUR/kW sein.');
    expect(alert.textContent).not.toContain('/technologies');
  });
});

describe('run panel and a profile outside the project year', () => {
  it('a run blocked by a 2023 profile in a 2025 project gives the one coverage message', async () => {
    const { projectId } = useProject.getState();
    await useProject.getState().edit((d) => {
      d.site.year = 2025;
    });
    await db().timeSeries.add({
      id: 'lastgang',
      projectId: projectId!,
      name: 'Wärmelastgang 2023',
      unit: 'kW',
      kind: 'demand',
      resolution_min: 60,
      start: new Date(yearStart_ms(2023)).toISOString(),
      values: new Float64Array(8760).fill(10),
    });
    await useProject.getState().edit((d) => {
      d.demands.heat = attachSeries(d, { id: 'lastgang', name: 'Wärmelastgang 2023', unit: 'kW' });
    });
    // what the run itself reports for this project
    let problems: string[] = [];
    try {
      checkRunnable((await assembleProject(db(), projectId!))!, 'base');
    } catch (e) {
      if (!(e instanceof NotRunnableError)) throw e;
      problems = e.problems;
    }
    expect(problems.length).toBeGreaterThan(0);
    useRuns.setState({ error: problems, errorKind: 'run' });
    panel();
    const coverage =
      'Die Zeitreihe „Wärmelastgang 2023“ ist aus 2023, das Projekt rechnet mit 2025: 8.760 Stunden des ' +
      'Projektjahres fehlen. Übernehmen Sie das Jahr des Profils oder verschieben Sie das Profil (Seite ' +
      '„Profile“ oder „Bedarfe“).';
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain(coverage));
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    // one message for the series: no count of hours without a value, no pointer, no NaN
    expect(items.filter((i) => i?.includes('Wärmelastgang 2023'))).toEqual([coverage]);
    expect(alert.textContent).not.toMatch(/ohne gültigen Wert|\/timeSeries|NaN/);
  });
});

describe('sweep panel and values typed into the forms', () => {
  it('an invalid base value blocks the sweep and says why', async () => {
    render(<SweepPanel doc={useProject.getState().doc!} />);
    const start = screen.getByRole('button', { name: 'Sensitivität rechnen' });
    expect(start).toHaveProperty('disabled', false);
    act(() =>
      useProject.getState().setDraft(capex, {
        text: 'abc',
        label: 'Gaskessel: Investition',
        error: 'Bitte eine Zahl eingeben.',
        pointer: capex,
      }),
    );
    expect(start).toHaveProperty('disabled', true);
    expect(document.getElementById(start.getAttribute('aria-describedby')!)?.textContent).toContain(
      'Gaskessel: Investition',
    );
  });

  it('offers the quick screening for a base on typical days, with what it means', async () => {
    render(<SweepPanel doc={useProject.getState().doc!} />);
    const box = await screen.findByRole('checkbox', {
      name: 'Schnellauswertung: nur Auslegung auf Typtagen, ohne Ganzjahresprüfung',
    });
    await waitFor(() => expect(box).toHaveProperty('disabled', false));
    expect(box).toHaveProperty('checked', false);
    expect(document.getElementById('sweep-screening-hint')?.textContent).toMatch(
      /^Für viele Punkte: jeder Punkt ist die Auslegung auf Typtagen/,
    );
    cleanup();
    await initI18n('en');
    useApp.setState({ language: 'en' });
    render(<SweepPanel doc={useProject.getState().doc!} />);
    expect(
      await screen.findByRole('checkbox', {
        name: 'Quick screening: sizing on typical days only, without the full-year check',
      }),
    ).toBeDefined();
    await waitFor(() =>
      expect(document.getElementById('sweep-screening-hint')?.textContent).toMatch(/^For many points: /),
    );
    await initI18n('de');
  });
});
