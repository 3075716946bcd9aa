import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TimeSeriesRecord, type WerkplanDb } from '../db/schema';
import { createBlankProject } from './files';
import { useProject } from './store';
import { yearStart_ms, type StoredProject } from './document';
import {
  attachSeries,
  changeProjectYear,
  deleteSeries,
  followProjectYear,
  renameSeries,
  seriesKey,
  seriesOptions,
  seriesUses,
  shiftSeriesToProjectYear,
} from './seriesActions';
import { coverageProblems } from './seriesYear';

let n = 0;
let db: WerkplanDb;
beforeEach(() => {
  db = openDb(`series-actions-${++n}`);
});
afterEach(async () => {
  await useProject.getState().load(db, null);
  await db.delete();
});

function hourly(
  projectId: string,
  id: string,
  year: number,
  extra: Partial<TimeSeriesRecord> = {},
): TimeSeriesRecord {
  const hours = year % 4 === 0 ? 8784 : 8760;
  return {
    id,
    projectId,
    name: id,
    unit: 'kW',
    kind: 'demand',
    resolution_min: 60,
    start: new Date(yearStart_ms(year)).toISOString(),
    values: new Float64Array(hours).fill(10),
    ...extra,
  };
}

async function project(year: number) {
  const p = await createBlankProject(db, 'Wohnanlage Lindenstraße');
  await useProject.getState().load(db, p.id);
  await useProject.getState().edit((d) => {
    d.site.year = year;
  });
  return p.id;
}

describe('series keys and names', () => {
  it('keeps the name as typed and makes a readable key of it', () => {
    expect(seriesKey('Wärmelastgang 2023', [])).toBe('Waermelastgang_2023');
    expect(seriesKey('Wärmelastgang 2023.csv', ['Waermelastgang_2023'])).toBe('Waermelastgang_2023-2');
    expect(seriesKey('2023 Straße', [])).toBe('Strasse');
    expect(seriesKey('???', [])).toBe('Reihe');
  });

  it('renames a series to exactly the words the user typed', async () => {
    const id = await project(2023);
    await db.timeSeries.add(hourly(id, 's1', 2023, { name: 'lastgang.csv' }));
    await renameSeries(db, 's1', '  Wärmelastgang 2023 ');
    expect((await db.timeSeries.get('s1'))?.name).toBe('Wärmelastgang 2023');
  });
});

describe('selectors filter by kind', () => {
  it('a heat demand sees load series, a PV yield only yield series, a temperature only °C', () => {
    const doc = {
      timeSeries: {
        heat: { unit: 'kW', seriesId: 'a' },
        ambient: { unit: '°C', seriesId: 'b' },
        pv_yield: { unit: 'kWh/kWp', seriesId: 'c' },
        solar_yield: { unit: 'kWh/m2', seriesId: 'd' },
        price: { unit: 'EUR/MWh', seriesId: 'e' },
      },
    };
    const recs = [
      { id: 'a', name: 'Wärmelastgang 2023', kind: 'demand' as const, unit: 'kW' },
      { id: 'b', name: 'Außentemperatur', kind: 'weather' as const, unit: '°C' },
      { id: 'c', name: 'PV Süd', kind: 'yield' as const, unit: 'kWh/kWp' },
      { id: 'd', name: 'Solarthermie', kind: 'yield' as const, unit: 'kWh/m2' },
      { id: 'e', name: 'Day-Ahead', kind: 'price' as const, unit: 'EUR/MWh' },
    ];
    expect(seriesOptions(doc, recs, 'load')).toEqual([{ value: 'heat', label: 'Wärmelastgang 2023 [kW]' }]);
    expect(seriesOptions(doc, recs, 'temperature').map((o) => o.value)).toEqual(['ambient']);
    expect(seriesOptions(doc, recs, 'yield', 'kWh/kWp').map((o) => o.value)).toEqual(['pv_yield']);
    expect(seriesOptions(doc, recs, 'yield', 'kWh/m²').map((o) => o.value)).toEqual(['solar_yield']);
    expect(seriesOptions(doc, recs, 'price').map((o) => o.value)).toEqual(['price']);
  });
});

describe('project year and series', () => {
  it('changing the year regenerates synthetic series in place, as one undo step', async () => {
    const id = await project(2025);
    const { electricityProfile } = await import('./generate');
    const values = await electricityProfile('G25', 100_000, 2025);
    await db.timeSeries.add({
      ...hourly(id, 'gen', 2025),
      values,
      // a series generated before the `generated` field: recognised by its source note
      source: 'BDEW standard load profile G25 (2025), 100000 kWh/a (Werkplan)',
    });
    await db.timeSeries.add(hourly(id, 'imported', 2023, { name: 'Wärmelastgang 2023' }));
    await useProject.getState().edit((d) => {
      d.timeSeries.electricity_G25 = { unit: 'kW', seriesId: 'gen' };
      d.demands.electricity = 'electricity_G25';
    });
    const steps = useProject.getState().past.length;
    await changeProjectYear(2023);
    expect(useProject.getState().doc!.site.year).toBe(2023);
    expect(useProject.getState().past.length).toBe(steps + 1);
    const all = await db.timeSeries.where('projectId').equals(id).toArray();
    expect(all.map((r) => r.id).sort()).toEqual(['gen', 'imported']); // no "-2" copies
    const gen = all.find((r) => r.id === 'gen')!;
    expect(gen.start).toBe(new Date(yearStart_ms(2023)).toISOString());
    expect(gen.generated).toEqual({ kind: 'electricity', profile: 'G25', annual_kWh: 100_000 });
    expect(gen.values.reduce((a, v) => a + v, 0)).toBeCloseTo(100_000, 3);
    const doc = useProject.getState().doc!;
    expect(coverageProblems(doc, all)).toEqual([]);

    // undo takes the year back; the synthetic series follow it
    await useProject.getState().undo();
    expect(await followProjectYear()).toBe(1);
    expect((await db.timeSeries.get('gen'))!.start).toBe(new Date(yearStart_ms(2025)).toISOString());
  });

  it('shifts a 2023 profile onto 2025 by whole weeks and says so in its source note', async () => {
    const id = await project(2025);
    await db.timeSeries.add(hourly(id, 'p', 2023, { name: 'Wärmelastgang 2023', source: 'lastgang.csv' }));
    await useProject.getState().edit((d) => {
      d.demands.heat = attachSeries(d, {
        id: 'p',
        name: 'Wärmelastgang 2023',
        unit: 'kW',
        source: 'lastgang.csv',
      });
    });
    expect(coverageProblems(useProject.getState().doc!, await db.timeSeries.toArray())).toHaveLength(1);
    const r = await shiftSeriesToProjectYear('p', (s) => `aus ${s.fromYear} verschoben (${s.weeks} Wochen)`);
    expect(r?.weeks).toBe(104);
    const rec = (await db.timeSeries.get('p'))!;
    expect(rec.source).toBe('lastgang.csv – aus 2023 verschoben (104 Wochen)');
    expect(rec.name).toBe('Wärmelastgang 2023');
    const doc = useProject.getState().doc!;
    expect(doc.timeSeries.Waermelastgang_2023.source).toBe(rec.source);
    expect(coverageProblems(doc, [rec])).toEqual([]);
  });

  it('refuses to delete a series in use and names where; deletes an unused one with its key', async () => {
    const id = await project(2025);
    await db.timeSeries.add(hourly(id, 'used', 2025));
    await db.timeSeries.add(hourly(id, 'old', 2025));
    await useProject.getState().edit((d) => {
      d.timeSeries.heat = { unit: 'kW', seriesId: 'used' };
      d.timeSeries['heat-2'] = { unit: 'kW', seriesId: 'old' };
      d.demands.heat = 'heat';
    });
    expect(seriesUses(useProject.getState().doc as StoredProject, 'used')).toEqual([{ what: 'heatDemand' }]);
    expect(await deleteSeries(db, 'used')).toEqual([{ what: 'heatDemand' }]);
    expect(await db.timeSeries.get('used')).toBeDefined();
    expect(await deleteSeries(db, 'old')).toEqual([]);
    expect(await db.timeSeries.get('old')).toBeUndefined();
    expect(Object.keys(useProject.getState().doc!.timeSeries)).toEqual(['heat']);
    expect(Object.keys(((await db.projects.get(id))!.document as StoredProject).timeSeries)).toEqual([
      'heat',
    ]);
  });
});
