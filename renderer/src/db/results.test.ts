import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Results } from '../../../solver/src/results/results';
import { openDb, type WerkplanDb } from './schema';
import { getResult, isStale, listResults, saveResult } from './results';

let db: WerkplanDb;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

const results = (cost: number) => ({ objective: { totalAnnualCost_EUR: cost } }) as unknown as Results;

describe('stored results', () => {
  it('keeps one result per scenario, the dispatch binary, and lists base first', async () => {
    db = openDb(`results-${crypto.randomUUID()}`);
    const dispatch = {
      hours: Int32Array.from([0, 1]),
      weight: Float64Array.from([1, 1]),
      year: 2025,
      series: { 'grid.import_kW': Float64Array.from([1.5, 2.5]) },
    };
    await saveResult(db, 'p', 'zz', 'h1', {
      results: results(1),
      dispatch: null,
      scenarioName: 'Z',
      mode: 'aggregated',
    });
    await saveResult(db, 'p', 'base', 'h1', {
      results: results(2),
      dispatch,
      scenarioName: 'Basis',
      mode: 'full',
    });
    await saveResult(db, 'p', 'base', 'h2', {
      results: results(3),
      dispatch,
      scenarioName: 'Basis',
      mode: 'full',
    });
    await saveResult(db, 'q', 'base', 'h1', {
      results: results(4),
      dispatch: null,
      scenarioName: 'Basis',
      mode: 'full',
    });
    const list = await listResults(db, 'p');
    expect(list.map((r) => r.scenarioId)).toEqual(['base', 'zz']);
    expect(list[0].payload.results.objective.totalAnnualCost_EUR).toBe(3);
    const base = await getResult(db, 'p', 'base');
    expect(base?.payload.dispatch?.series['grid.import_kW']).toBeInstanceOf(Float64Array);
    expect(Array.from(base?.payload.dispatch?.series['grid.import_kW'] ?? [])).toEqual([1.5, 2.5]);
    expect(isStale(base!, 'h2')).toBe(false);
    expect(isStale(base!, 'h1')).toBe(true);
  });
});
