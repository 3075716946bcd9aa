import { afterEach, describe, expect, it } from 'vitest';
import singleText from '../../../assets/examples/single-building.json?raw';
import { openDb, type WerkplanDb } from '../db/schema';
import { saveResult } from '../db/results';
import { assembleProject, currentInputsHash, hashInputs, runOptionsOf } from './assemble';
import {
  duplicateProject,
  exportProjectText,
  importProject,
  parseProjectFile,
  ProjectFileError,
  createBlankProject,
} from './files';
import { hourlyValues, modelValues, yearStart_ms, type StoredProject } from './document';
import type { Project } from '../../../solver/src/project/types';

/** The example as the planner reads it (a v1 file migrates to v2 on reading). */
const single = (): Project => parseProjectFile(singleText);

let n = 0;
const opened: WerkplanDb[] = [];
function freshDb(): WerkplanDb {
  const db = openDb(`assemble-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('project files', () => {
  it('import then export gives the same document, series kept binary in the store', async () => {
    const db = freshDb();
    const p = single();
    const rec = await importProject(db, p);
    const stored = rec.document as StoredProject;
    expect(stored.timeSeries.heat.seriesId).toMatch(/-/);
    const heat = await db.timeSeries.get(stored.timeSeries.heat.seriesId);
    expect(heat?.values).toBeInstanceOf(Float64Array);
    expect(heat?.kind).toBe('demand');
    expect(await assembleProject(db, rec.id)).toEqual(p);
    const text = await exportProjectText(db, rec.id);
    const again = await importProject(db, parseProjectFile(text));
    expect(await exportProjectText(db, again.id)).toBe(text);
  });

  it('reports located errors of a bad file', () => {
    const p = single() as unknown as Record<string, unknown>;
    (p.economics as Record<string, unknown>).interestRate = 'five';
    const text = JSON.stringify(p, null, 2);
    try {
      parseProjectFile(text, 'bad.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProjectFileError);
      const err = (e as ProjectFileError).errors[0];
      expect(err.pointer).toBe('/economics/interestRate');
      expect(err.line).toBeGreaterThan(1);
    }
  });

  it('duplicates a project with its series', async () => {
    const db = freshDb();
    const rec = await importProject(db, single());
    const copy = await duplicateProject(db, rec.id, 'Kopie');
    const a = await assembleProject(db, rec.id);
    const b = await assembleProject(db, copy.id);
    expect(b).toEqual({ ...a, name: 'Kopie' });
    expect((copy.document as StoredProject).timeSeries.heat.seriesId).not.toBe(
      (rec.document as StoredProject).timeSeries.heat.seriesId,
    );
  });

  it('a blank project assembles to a skeleton without series', async () => {
    const db = freshDb();
    const rec = await createBlankProject(db, 'Leer');
    const p = await assembleProject(db, rec.id);
    expect(p?.technologies).toEqual([]);
    expect(await assembleProject(db, 'nope')).toBeNull();
  });
});

describe('a project with a transformation path', () => {
  /** Every part of `periods` and a commissioning year, on the single-building example (v1 → v2). */
  const withPath = (): Project => {
    const p = parseProjectFile(singleText);
    p.constraints = { co2Cap_t: 12 };
    p.fuels.wood = { price_EUR_kWh: 0.06, co2_kg_kWh: 0.02, renewable: true };
    p.periods = {
      years: [2025, 2030, 2035, 2040, 2045],
      lastPeriodYears: 5,
      baseYear: 2025,
      demand: { heat: { factor: { '2025': 1, '2045': 0.8 }, renovationRate_per_a: 0.01 } },
      prices: {
        fuelPrice_factor: { wood: { '2025': 1, '2040': 1.4 } },
        gridImportPrice_factor: { '2030': 1.1 },
        gridExportPrice_factor: { '2030': 0.9 },
        co2Price_EUR_t: { '2025': 55, '2030': 120 },
        gridCo2_kg_kWh: { '2025': 0.38, '2045': 0.05 },
        gridRenewableShare: { '2025': 0.55, '2045': 1 },
      },
      targets: {
        minRenewableHeatShare: { '2030': 0.3, '2040': 0.8, '2045': 1 },
        co2Cap_t: { '2045': 0 },
        maxNewCapacity: { hp: { '2030': 20 } },
      },
      subsidies: { investment_share: { hp: { '2025': 0.4 } } },
      bew: {
        heatPump_EUR_kWh: { '2025': 0.092 },
        solarThermal_EUR_kWh: { '2025': 0.01 },
        operatingAidYears: 10,
      },
    };
    const tech = p.technologies[0];
    tech.existing = 2;
    tech.commissioned_year = 2010;
    return p;
  };

  it('keeps periods and the commissioning year through store, assemble, file export and import', async () => {
    const db = freshDb();
    const p = withPath();
    const rec = await importProject(db, p);
    expect((rec.document as StoredProject).periods).toEqual(p.periods);
    // what IndexedDB holds (structured clone), not the object handed in
    const stored = (await db.projects.get(rec.id))!.document as StoredProject;
    expect(stored.periods).toEqual(p.periods);
    expect(stored.constraints).toEqual({ co2Cap_t: 12 });
    const assembled = await assembleProject(db, rec.id);
    expect(assembled).toEqual(p);
    const text = await exportProjectText(db, rec.id);
    const back = parseProjectFile(text);
    expect(back.periods).toEqual(p.periods);
    expect(back.technologies[0].commissioned_year).toBe(2010);
    const again = await importProject(db, back);
    expect(await exportProjectText(db, again.id)).toBe(text);
  });

  it('an edit of the path in the stored document is what assembles', async () => {
    const db = freshDb();
    const rec = await importProject(db, withPath());
    const doc = rec.document as StoredProject;
    await db.projects.update(rec.id, { document: { ...doc, periods: { years: [2025, 2045] } } });
    expect((await assembleProject(db, rec.id))?.periods).toEqual({ years: [2025, 2045] });
    const { periods: _, ...rest } = doc;
    await db.projects.update(rec.id, { document: rest });
    expect((await assembleProject(db, rec.id))?.periods).toBeUndefined();
  });

  it('files the demand series of later periods as demand', async () => {
    const db = freshDb();
    const p = withPath();
    p.timeSeries.heat2040 = { ...p.timeSeries.heat };
    p.periods!.demand!.heat!.series = { '2040': 'heat2040' };
    const rec = await importProject(db, p);
    const ref = (rec.document as StoredProject).timeSeries.heat2040;
    expect((await db.timeSeries.get(ref.seriesId))?.kind).toBe('demand');
  });
});

describe('hourly values', () => {
  it('averages quarter hours into hours from hour 0 of the site year', () => {
    const values = new Float64Array(8760 * 4).map((_, i) => (i % 4) + 1); // 1,2,3,4 → 2.5
    const h = hourlyValues(
      { values, start: new Date(yearStart_ms(2023)).toISOString(), resolution_min: 15 },
      2023,
    );
    expect(h).toHaveLength(8760);
    expect(h[0]).toBe(2.5);
    expect(h[8759]).toBe(2.5);
  });
  it('marks hours the series does not cover as NaN', () => {
    const values = new Float64Array(10).fill(1);
    const h = hourlyValues(
      { values, start: new Date(yearStart_ms(2023) + 3_600_000).toISOString(), resolution_min: 60 },
      2023,
    );
    expect(Number.isNaN(h[0])).toBe(true);
    expect(h[1]).toBe(1);
    expect(Number.isNaN(h[11])).toBe(true);
  });
  it('keeps the energy of a quarter-hour series that starts mid-hour, and repeats a coarser one', () => {
    // 00:30 start: the first hour is half covered (NaN), hour 1 gets 4 quarter hours of 2 kW
    const q = new Float64Array(8).fill(2);
    const h = hourlyValues(
      { values: q, start: new Date(yearStart_ms(2023) + 30 * 60_000).toISOString(), resolution_min: 15 },
      2023,
    );
    expect(Number.isNaN(h[0])).toBe(true);
    expect(h[1]).toBe(2);
    expect(Number.isNaN(h[2])).toBe(true); // only 2 of its 4 quarter hours exist
    // a daily mean of 24 kW is 24 kW in each of its hours (before: only its first hour had a value)
    const d = hourlyValues(
      {
        values: new Float64Array(365).fill(24),
        start: new Date(yearStart_ms(2023)).toISOString(),
        resolution_min: 1440,
      },
      2023,
    );
    expect(d[0]).toBe(24);
    expect(d[23]).toBe(24);
    expect(d[8759]).toBe(24);
  });
  it('leaves an hour with a gap in it as a gap, not the mean of the rest', () => {
    const values = new Float64Array(8760 * 4).fill(1);
    values[5] = NaN; // a quarter hour of hour 1 is missing
    const h = hourlyValues(
      { values, start: new Date(yearStart_ms(2023)).toISOString(), resolution_min: 15 },
      2023,
    );
    expect(h[0]).toBe(1);
    expect(Number.isNaN(h[1])).toBe(true);
  });
});

describe("values on the model's time step (site.timeStep_min)", () => {
  const start = new Date(yearStart_ms(2023)).toISOString();
  const quarters = new Float64Array(8760 * 4).map((_, i) => (i % 4) + 1); // 1,2,3,4 in every hour

  it('a quarter-hourly site keeps a 15-minute series quarter-hourly and averages a 5-minute one into quarters', () => {
    const site = { year: 2023, timeStep_min: 15 };
    const q = modelValues({ values: quarters, start, resolution_min: 15 }, site);
    expect(q).toHaveLength(35040);
    expect(q.slice(0, 5)).toEqual([1, 2, 3, 4, 1]);
    const fine = new Float64Array(8760 * 12).map((_, i) => (i % 3) * 3); // 0,3,6 → 3 per quarter hour
    expect(modelValues({ values: fine, start, resolution_min: 5 }, site).slice(0, 2)).toEqual([3, 3]);
  });

  it('an hourly series stays hourly on a quarter-hourly site, and an hourly site averages quarter hours', () => {
    const hourly = new Float64Array(8760).fill(7);
    expect(
      modelValues({ values: hourly, start, resolution_min: 60 }, { year: 2023, timeStep_min: 15 }),
    ).toHaveLength(8760);
    const h = modelValues({ values: quarters, start, resolution_min: 15 }, { year: 2023 });
    expect([h.length, h[0]]).toEqual([8760, 2.5]);
  });

  it('a quarter-hourly project file keeps its 35,040 values through import and export', async () => {
    const db = freshDb();
    const p = single();
    p.site.timeStep_min = 15;
    p.timeSeries.heat = {
      ...p.timeSeries.heat,
      values: Array.from(quarters),
    };
    const rec = await importProject(db, p);
    const stored = rec.document as StoredProject;
    expect((await db.timeSeries.get(stored.timeSeries.heat.seriesId))?.resolution_min).toBe(15);
    const back = await assembleProject(db, rec.id);
    expect(back).toEqual(p);
  });
});

describe('inputs hash', () => {
  it('changes with the scenario override and the run mode, not with other scenarios', async () => {
    const db = freshDb();
    const p = single();
    p.scenarios = [{ id: 'v', name: 'V', overrides: { '/grid/import/price_EUR_kWh': 0.4 } }];
    const rec = await importProject(db, p);
    const base = await currentInputsHash(db, rec.id, 'base');
    const v = await currentInputsHash(db, rec.id, 'v');
    expect(base).not.toBe(v);
    expect(base).toBe(await hashInputs((await assembleProject(db, rec.id))!, 'base', { mode: 'aggregated' }));
    const doc = rec.document as StoredProject;
    await db.projects.update(rec.id, {
      document: { ...doc, scenarios: [...(doc.scenarios ?? []), { id: 'w', name: 'W', overrides: {} }] },
    });
    expect(await currentInputsHash(db, rec.id, 'base')).toBe(base);
    await db.projects.update(rec.id, { runOptions: { mode: 'full' } });
    expect(await currentInputsHash(db, rec.id, 'base')).not.toBe(base);
    await saveResult(db, rec.id, 'base', base!, {
      results: {} as never,
      dispatch: null,
      scenarioName: 'Basis',
      mode: 'aggregated',
    });
    expect(await db.results.count()).toBe(1);
  });

  it('changes only for the scenario whose own run mode changed', async () => {
    const db = freshDb();
    const p = single();
    p.scenarios = [{ id: 'v', name: 'V', overrides: { '/grid/import/price_EUR_kWh': 0.4 } }];
    const rec = await importProject(db, p);
    const base = await currentInputsHash(db, rec.id, 'base');
    const v = await currentInputsHash(db, rec.id, 'v');
    await db.projects.update(rec.id, { runOptions: { mode: 'aggregated', modes: { base: 'full' } } });
    expect(await currentInputsHash(db, rec.id, 'base')).not.toBe(base);
    expect(await currentInputsHash(db, rec.id, 'v')).toBe(v);
    const full = await hashInputs((await assembleProject(db, rec.id))!, 'base', { mode: 'full' });
    expect(await currentInputsHash(db, rec.id, 'base')).toBe(full); // only `mode` goes into the hash
    expect(runOptionsOf({ runOptions: { mode: 'full', modes: { v: 'aggregated' } } }, 'v')).toEqual({
      mode: 'aggregated',
    });
    expect(runOptionsOf({ runOptions: { mode: 'full', modes: { v: 'aggregated' } } }, 'w')).toEqual({
      mode: 'full',
    });
    expect(runOptionsOf({})).toEqual({ mode: 'aggregated' });
  });

  it("takes the sizing's typical days and segments for aggregated runs only, and only figures the solver takes", async () => {
    const db = freshDb();
    const rec = await importProject(db, single());
    const before = await currentInputsHash(db, rec.id, 'base');
    await db.projects.update(rec.id, { runOptions: { mode: 'aggregated', typicalDays: 12, segments: 24 } });
    expect(runOptionsOf((await db.projects.get(rec.id))!)).toEqual({
      mode: 'aggregated',
      typicalDays: 12,
      segments: 24,
    });
    expect(await currentInputsHash(db, rec.id, 'base')).not.toBe(before);
    // Back to the defaults (stored as absent): the hash of before, so earlier results are current again.
    await db.projects.update(rec.id, { runOptions: { mode: 'aggregated' } });
    expect(await currentInputsHash(db, rec.id, 'base')).toBe(before);
    // A full-mode scenario does not depend on them.
    const runOptions = { mode: 'aggregated' as const, modes: { base: 'full' as const } };
    await db.projects.update(rec.id, { runOptions });
    const full = await currentInputsHash(db, rec.id, 'base');
    await db.projects.update(rec.id, { runOptions: { ...runOptions, typicalDays: 36 } });
    expect(await currentInputsHash(db, rec.id, 'base')).toBe(full);
    // What an imported file may carry but the solver would refuse counts as not set.
    for (const [typicalDays, segments] of [
      [0, 0],
      [2.5, 1.5],
      [400, 25],
      [-1, -8],
      [Number.NaN, Number.NaN],
    ])
      expect(runOptionsOf({ runOptions: { mode: 'aggregated', typicalDays, segments } })).toEqual({
        mode: 'aggregated',
      });
  });
});
