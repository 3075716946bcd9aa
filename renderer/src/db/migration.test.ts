import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CURRENT_VERSION, openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './schema';

describe('database migrations', () => {
  it('upgrades a version-1 database to the current schema without losing data', async () => {
    const name = 'migration-test-v1';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1
      .table('projects')
      .add({ id: 'p1', name: 'Altbestand', createdAt: 1, updatedAt: 2, document: null });
    await v1.table('timeSeries').add({
      id: 't1',
      projectId: 'p1',
      name: 'Strom',
      unit: 'kW',
      resolution_min: 15,
      start: '2023-01-01T00:00:00+01:00',
      values: new Float64Array([0.5, 1.5]),
    });
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await db.projects.get('p1'))?.name).toBe('Altbestand');
    const ts = await db.timeSeries.get('t1');
    expect(ts?.kind).toBe('other'); // set by the version-2 upgrade
    expect(Array.from(ts!.values)).toEqual([0.5, 1.5]);
    expect(await db.timeSeries.where('[projectId+kind]').equals(['p1', 'other']).count()).toBe(1);
    await db.delete();
  });
});

describe('database version 3 (imported weather files)', () => {
  it('opens a version-2 database unchanged and adds the weatherFiles store', async () => {
    const name = 'migration-test-v2';
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    await v2.table('projects').add({ id: 'p2', name: 'Bestand', createdAt: 1, updatedAt: 2, document: null });
    await v2.table('timeSeries').add({
      id: 't2',
      projectId: 'p2',
      name: 'Wärme',
      unit: 'kW',
      kind: 'demand',
      resolution_min: 60,
      start: '2023-01-01T00:00:00+01:00',
      values: new Float64Array([1, 2, 3]),
    });
    await v2.table('settings').put({ key: 'language', value: 'de' });
    v2.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.projects.get('p2')).toEqual({
      id: 'p2',
      name: 'Bestand',
      createdAt: 1,
      updatedAt: 2,
      document: null,
    });
    const ts = await db.timeSeries.get('t2');
    expect(ts?.kind).toBe('demand');
    expect(Array.from(ts!.values)).toEqual([1, 2, 3]);
    expect((await db.settings.get('language'))?.value).toBe('de');
    expect(await db.weatherFiles.count()).toBe(0);
    await db.delete();
  });
});

describe('database version 4 (no index on project names)', () => {
  it('opens a version-3 database unchanged and drops the projects.name index', async () => {
    const name = 'migration-test-v3';
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.table('projects').add({ id: 'p3', name: 'Kunde', createdAt: 1, updatedAt: 2, document: null });
    v3.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.projects.get('p3')).toMatchObject({ name: 'Kunde' });
    expect(db.projects.schema.indexes.map((i) => i.name)).toEqual(['updatedAt']);
    await db.delete();
  });
});
