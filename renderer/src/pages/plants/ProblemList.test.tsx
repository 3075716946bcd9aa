import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { db } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { yearStart_ms } from '../../project/document';
import { attachSeries } from '../../project/seriesActions';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { ProblemList } from './PlantsPage';

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  useApp.setState({ language: 'de' });
  const p = await createBlankProject(db(), 'Neu');
  await useProject.getState().load(db(), p.id);
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
});

describe('the input check on the plants page', () => {
  it('a new blank project opens without a red box: what is missing is listed as still to do', async () => {
    render(<ProblemList />);
    const panel = await screen.findByTestId('problems');
    await waitFor(() => expect(panel.textContent).toContain('Noch zu tun'));
    expect(panel.className).toContain('todo');
    expect(panel.querySelector('ul.errors')).toBeNull();
    expect(panel.textContent).toContain('Wärmebedarf: noch kein Profil zugeordnet');
    expect(panel.textContent).not.toMatch(/\/demands|pattern|must/);
  });

  it('an invalid value typed into a form is listed: the inputs are not called complete', async () => {
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
    render(<ProblemList />);
    const panel = await screen.findByTestId('problems');
    act(() =>
      useProject.getState().setDraft('/technologies/gb/capex_EUR_per_unit', {
        text: '-500',
        label: 'Gaskessel: Investition',
        error: 'Mindestens 0.',
        pointer: '/technologies/gb/capex_EUR_per_unit',
      }),
    );
    const first = panel.querySelector('ul.errors li');
    expect(first?.textContent).toBe(
      'Gaskessel: Investition: „-500“ wurde nicht übernommen – Mindestens 0. Es gilt weiter der gespeicherte Wert.',
    );
    expect(first?.getAttribute('title')).toBe('/technologies/gb/capex_EUR_per_unit');
    expect(panel.className).not.toContain('todo');
    expect(panel.textContent).not.toContain('vollständig');
  });

  it('names a series as the user named it, not by its document key', async () => {
    const { projectId, doc } = useProject.getState();
    const year = doc!.site.year;
    const values = new Float64Array(year % 4 === 0 ? 8784 : 8760).fill(10);
    values[10] = NaN;
    await db().timeSeries.add({
      id: 'lastgang',
      projectId: projectId!,
      name: 'Wärmelastgang 2023',
      unit: 'kW',
      kind: 'demand',
      resolution_min: 60,
      start: new Date(yearStart_ms(year)).toISOString(),
      values,
    });
    await useProject.getState().edit((d) => {
      d.demands.heat = attachSeries(d, { id: 'lastgang', name: 'Wärmelastgang 2023', unit: 'kW' });
    });
    expect(useProject.getState().doc!.demands.heat).toBe('Waermelastgang_2023');
    render(<ProblemList />);
    const panel = await screen.findByTestId('problems');
    await waitFor(() =>
      expect(panel.textContent).toContain('Zeitreihe „Wärmelastgang 2023“: 1 Stunde ohne gültigen Wert'),
    );
    expect(panel.textContent).not.toContain('Waermelastgang_2023');
  });
  it('period years that do not increase are listed at the period, never as a JSON pointer', async () => {
    await useProject.getState().edit((d) => {
      d.periods = { years: [2025, 2035, 2030] };
    });
    render(<ProblemList />);
    const panel = await screen.findByTestId('problems');
    await waitFor(() =>
      expect(panel.querySelector('ul.errors')?.textContent).toContain(
        'Transformationspfad: Jahr der 3. Periode: 2030 muss nach 2035 kommen (die Periodenjahre müssen aufsteigen).',
      ),
    );
    expect(panel.querySelector('ul.errors')?.textContent).not.toContain('/periods');
    expect(panel.querySelector('ul.errors li')?.getAttribute('title')).toBe('/periods/years/2');
  });
});
