import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { db, type TimeSeriesRecord } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { yearStart_ms } from '../../project/document';
import { SavedSeries, seriesSummary } from './SavedSeries';
import { useSeriesRecords } from './useSeries';

let projectId = '';

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  useApp.setState({ language: 'de' });
  const p = await createBlankProject(db(), 'Wohnanlage Lindenstraße');
  projectId = p.id;
  await useProject.getState().load(db(), p.id);
  await useProject.getState().edit((d) => {
    d.site.year = 2025;
  });
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
  await db().timeSeries.clear();
  await db().projects.clear();
});

function series(id: string, year: number, extra: Partial<TimeSeriesRecord> = {}): TimeSeriesRecord {
  return {
    id,
    projectId,
    name: id,
    unit: 'kW',
    kind: 'demand',
    resolution_min: 60,
    start: new Date(yearStart_ms(year)).toISOString(),
    values: Float64Array.from({ length: 8760 }, (_, h) => 10 + (h % 2)),
    ...extra,
  };
}

function Page() {
  return <SavedSeries records={useSeriesRecords()} />;
}

describe('saved series on the Profiles page', () => {
  it('sums energy only for loads: temperatures get mean/min/max °C, prices their mean', () => {
    const t = (k: string, o?: Record<string, unknown>) => `${k} ${JSON.stringify(o)}`;
    const temp = seriesSummary(series('t', 2025, { unit: '°C', kind: 'weather' }), 'de', t);
    expect(temp).toBe('profiles.list.temperature {"mean":"10,5","min":"10","max":"11"}');
    const price = seriesSummary(series('p', 2025, { unit: 'EUR/MWh', kind: 'price' }), 'de', t);
    expect(price).toBe('profiles.list.price {"mean":"10,5","unit":"EUR/MWh"}');
    const load = seriesSummary(series('l', 2025), 'de', t);
    expect(load).toBe('profiles.list.energy {"energy":"91.980"}');
    const short = seriesSummary(
      { ...series('s', 2025), values: new Float64Array([9, 0.2]), resolution_min: 15 },
      'de',
      t,
    );
    expect(short).toBe('profiles.list.energy {"energy":"2,3"}');
    expect(seriesSummary(series('n', 2025, { values: new Float64Array([NaN]) }), 'de', t)).toBe('—');
  });

  it('renames with umlauts and spaces kept, and offers both ways out of a year mismatch', async () => {
    await db().timeSeries.add(series('s1', 2023, { name: 'lastgang.csv' }));
    render(<Page />);
    await screen.findByText('lastgang.csv');
    expect(
      screen.getByText(/„lastgang.csv“ ist ein Profil des Jahres 2023; das Projekt rechnet mit 2025/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Projektjahr auf 2023 setzen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Umbenennen' }));
    fireEvent.change(screen.getByLabelText('Neuer Name für „lastgang.csv“'), {
      target: { value: 'Wärmelastgang 2023' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Namen speichern' }));
    await screen.findByText('Wärmelastgang 2023');
    expect((await db().timeSeries.get('s1'))?.name).toBe('Wärmelastgang 2023');

    // shift onto 2025: the mismatch is gone and the note says what was done
    fireEvent.click(screen.getByRole('button', { name: 'Profil auf 2025 verschieben (wochentagsgleich)' }));
    await waitFor(async () =>
      expect((await db().timeSeries.get('s1'))?.source).toMatch(/aus 2023 verschoben/),
    );
    expect((await db().timeSeries.get('s1'))?.source).toBe(
      'aus 2023 verschoben, wochentagsgleich (+104 Wochen; 72 h am Jahresrand aus der Nachbarwoche wiederholt; Feiertage nicht angeglichen)',
    );
    await waitFor(() => expect(screen.queryByText(/ist ein Profil des Jahres/)).toBeNull());
  });

  it('refuses to delete a series in use, naming where; deletes it after confirmation otherwise', async () => {
    await db().timeSeries.add(series('used', 2025, { name: 'Wärmelastgang 2025' }));
    await db().timeSeries.add(series('free', 2025, { name: 'Alt' }));
    await act(() =>
      useProject.getState().edit((d) => {
        d.timeSeries.heat = { unit: 'kW', seriesId: 'used' };
        d.demands.heat = 'heat';
      }),
    );
    const confirm = vi.fn(() => true);
    window.confirm = confirm;
    render(<Page />);
    await screen.findByText('Wärmelastgang 2025');
    const del = (id: string) =>
      within(screen.getByTestId(`series-${id}`)).getByRole('button', { name: 'Löschen' });
    fireEvent.click(del('used'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '„Wärmelastgang 2025“ wird noch verwendet (Wärmebedarf) und kann nicht gelöscht werden. Ordnen Sie dort zuerst eine andere Zeitreihe zu.',
    );
    fireEvent.click(del('free'));
    await waitFor(() => expect(screen.queryByText('Alt')).toBeNull());
    expect(await db().timeSeries.get('free')).toBeUndefined();
    expect(await db().timeSeries.get('used')).toBeDefined();
    expect(confirm).toHaveBeenCalledWith('Die Zeitreihe „Alt“ wirklich löschen?');
  });
});
