import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { db, type TimeSeriesRecord } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { yearStart_ms } from '../../project/document';
import { SavedSeries } from './SavedSeries';
import { useSeriesRecords } from './useSeries';
import { energyAndPeak } from './standIn';

let projectId = '';

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  useApp.setState({ language: 'de' });
  const p = await createBlankProject(db(), 'Bäckerei Sonnenschein');
  projectId = p.id;
  await useProject.getState().load(db(), p.id);
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
  await db().timeSeries.clear();
  await db().projects.clear();
});

// a bakery-like meter series of 2025 in quarter hours, with its own pattern
const meter = (): TimeSeriesRecord => ({
  id: 'meter',
  projectId,
  name: 'Lastgang Bäckerei',
  unit: 'kW',
  kind: 'demand',
  resolution_min: 15,
  start: new Date(yearStart_ms(2025)).toISOString(),
  values: Float64Array.from(
    { length: 8760 * 4 },
    (_, q) => 20 + (q % 96 < 24 ? 60 : 5) + 10 * Math.sin(q) ** 2,
  ),
});

function Page() {
  return <SavedSeries records={useSeriesRecords()} />;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('stand-in profile on the Profiles page', () => {
  it('saves a new series with the same energy and peak and leaves the original unchanged', async () => {
    const original = meter();
    const before = Float64Array.from(original.values);
    await db().timeSeries.add(original);
    render(<Page />);
    await screen.findByText('Lastgang Bäckerei');
    fireEvent.click(
      within(screen.getByTestId('series-meter')).getByRole('button', { name: 'Ersatzprofil erzeugen' }),
    );
    const result = await screen.findByTestId('standin-result', {}, { timeout: 5000 });
    expect(result.textContent).toMatch(
      /„Lastgang Bäckerei \(Ersatzprofil\)“ wurde als neue Zeitreihe gespeichert/,
    );
    expect(screen.getByText(/statt der Zählerdaten weitergegeben/)).toBeTruthy();

    const all = await db().timeSeries.where('projectId').equals(projectId).toArray();
    expect(all).toHaveLength(2);
    const standIn = all.find((r) => r.id !== 'meter')!;
    expect(standIn.name).toBe('Lastgang Bäckerei (Ersatzprofil)');
    expect(standIn.source).toMatch(/Ersatzprofil aus „Lastgang Bäckerei“/);
    expect(standIn.values).toHaveLength(before.length);
    expect(standIn.resolution_min).toBe(15);
    expect(standIn.start).toBe(original.start);

    const o = energyAndPeak(before, 15);
    const s = energyAndPeak(standIn.values, 15);
    expect(rel(s.energy_MWh, o.energy_MWh)).toBeLessThan(1e-6);
    expect(rel(s.peak_kW, o.peak_kW)).toBeLessThan(1e-6);
    expect(standIn.values.some((v, i) => v !== before[i])).toBe(true);

    const stored = await db().timeSeries.get('meter');
    expect(stored?.name).toBe('Lastgang Bäckerei');
    expect(Array.from(stored!.values)).toEqual(Array.from(before));

    // both figures shown side by side, equal at the shown precision
    const cells = (id: string) =>
      Array.from(screen.getByTestId(id).querySelectorAll('td')).map((c) => c.textContent);
    expect(cells('standin-standin')).toEqual(cells('standin-original'));
    expect(cells('standin-original')).toEqual(['383,249', '90']);
  });

  it('refuses a series with gaps, in words', async () => {
    const withGap = meter();
    withGap.values[5] = NaN;
    await db().timeSeries.add(withGap);
    render(<Page />);
    await screen.findByText('Lastgang Bäckerei');
    fireEvent.click(screen.getByRole('button', { name: 'Ersatzprofil erzeugen' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/hat Lücken/);
    expect(await db().timeSeries.count()).toBe(1);
  });

  it('is offered for loads only', async () => {
    await db().timeSeries.add({ ...meter(), id: 't', name: 'Außentemperatur', unit: '°C', kind: 'weather' });
    render(<Page />);
    await screen.findByText('Außentemperatur');
    expect(screen.queryByRole('button', { name: 'Ersatzprofil erzeugen' })).toBeNull();
  });
});
