import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb, type TimeSeriesRecord, type WerkplanDb } from '../schema';
import { createProject, renameProject } from '../projects';
import { saveResult, getResult } from '../results';
import { AtRestError, SEALED, type AtRestState } from './middleware';
import { encryptPlaintextRows, MIGRATED_KEY } from './migrate';

const newKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

let counter = 0;
const dbName = () => `at-rest-test-${++counter}`;

/** The rows as IndexedDB holds them: a second connection without the middleware. */
async function rawRows(name: string, table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return (await raw.table(table).toArray()) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

function series(projectId: string, id: string, n = 8760): TimeSeriesRecord {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = Math.sin(i / 24) * 100 + i / 1000;
  return {
    id,
    projectId,
    name: `Lastgang Kunde Müller ${id}`,
    unit: 'kW',
    resolution_min: 60,
    start: '2025-01-01T00:00:00+01:00',
    values,
    kind: 'demand',
    source: 'mueller-2024.csv',
  };
}

async function fill(db: WerkplanDb, series_ = 3): Promise<string> {
  const p = await createProject(db, 'Stadtwerke Geheim', 1);
  await db.projects.update(p.id, { document: { site: { name: 'Werk Nord', lat: 52.1 }, nested: [1, NaN] } });
  for (let i = 0; i < series_; i++) await db.timeSeries.add(series(p.id, `${p.id}-s${i}`));
  await saveResult(db, p.id, 'base', 'hash-1', {
    results: { totalAnnualCost_EUR: 12345 } as never,
    dispatch: { heat: new Float64Array([1, 2, Infinity]) } as never,
    scenarioName: 'Basis',
    mode: 'aggregated',
  });
  await db.weatherFiles.put({
    projectId: p.id,
    name: 'try-potsdam.dat',
    importedAt: 5,
    weather: { name: 'TRY Potsdam', ghi_W_m2: new Float64Array([0, 1.5, -0]) } as never,
  });
  await db.settings.put({ key: `sweep:${p.id}`, value: { points: [1, 2, 3] } });
  return p.id;
}

async function snapshot(db: WerkplanDb) {
  return {
    projects: await db.projects.toArray(),
    timeSeries: await db.timeSeries.toArray(),
    results: await db.results.toArray(),
    weatherFiles: await db.weatherFiles.toArray(),
    settings: (await db.settings.toArray()).filter((s) => s.key !== MIGRATED_KEY),
  };
}

describe('encryption at rest (desktop key)', () => {
  it('stores only indexed fields in clear; names, documents, profiles and results are sealed', async () => {
    const name = dbName();
    const db = openDb(name, { mode: 'key', key: await newKey() });
    const id = await fill(db);
    const [project] = await rawRows(name, 'projects');
    expect(Object.keys(project).sort()).toEqual([SEALED, 'id', 'updatedAt']);
    for (const ts of await rawRows(name, 'timeSeries'))
      expect(Object.keys(ts).sort()).toEqual([SEALED, 'id', 'kind', 'projectId']);
    expect(Object.keys((await rawRows(name, 'results'))[0]).sort()).toEqual([
      SEALED,
      'id',
      'projectId',
      'scenarioId',
    ]);
    expect(Object.keys((await rawRows(name, 'weatherFiles'))[0]).sort()).toEqual([SEALED, 'projectId']);
    expect(Object.keys((await rawRows(name, 'settings'))[0]).sort()).toEqual([SEALED, 'key']);
    const everything = new TextDecoder('latin1').decode(
      new Uint8Array(
        (await rawRows(name, 'projects'))
          .concat(await rawRows(name, 'timeSeries'))
          .flatMap((r) => Array.from((r[SEALED] as { ciphertext: Uint8Array }).ciphertext)),
      ),
    );
    expect(everything).not.toContain('Geheim');
    expect(everything).not.toContain('Müller');
    // The app reads everything back as it was written, typed arrays included.
    const ts = await db.timeSeries.get(`${id}-s1`);
    expect(ts).toEqual(series(id, `${id}-s1`));
    expect(ts?.values).toBeInstanceOf(Float64Array);
    const result = await getResult(db, id, 'base');
    expect(Array.from((result?.payload.dispatch as unknown as { heat: Float64Array }).heat)).toEqual([
      1,
      2,
      Infinity,
    ]);
    expect((await db.projects.get(id))?.document).toEqual({
      site: { name: 'Werk Nord', lat: 52.1 },
      nested: [1, NaN],
    });
    expect(Object.is((await db.weatherFiles.get(id))?.weather.ghi_W_m2[2], -0)).toBe(true);
    await db.delete();
  });

  it('binds each sealed row to its table and primary key: swapped contents do not decrypt', async () => {
    const name = dbName();
    const db = openDb(name, { mode: 'key', key: await newKey() });
    const id = await fill(db, 2);
    db.close();
    const raw = new Dexie(name);
    await raw.open();
    const a = (await raw.table('timeSeries').get(`${id}-s0`)) as Record<string, unknown>;
    await raw.table('timeSeries').update(`${id}-s1`, { [SEALED]: a[SEALED] });
    raw.close();
    await db.open();
    expect((await db.timeSeries.get(`${id}-s0`))?.name).toContain('s0');
    await expect(db.timeSeries.get(`${id}-s1`)).rejects.toThrow(AtRestError);
    await expect(db.timeSeries.get(`${id}-s1`)).rejects.toThrow(/cannot be decrypted/);
    await db.delete();
  });

  it('keeps transactions open across WebCrypto: updates, cursors and multi-step transactions work', async () => {
    const name = dbName();
    const db = openDb(name, { mode: 'key', key: await newKey() });
    const id = await fill(db, 3);
    await renameProject(db, id, 'Neu benannt', 7);
    expect((await db.projects.get(id))?.name).toBe('Neu benannt');
    await db.transaction('rw', db.timeSeries, db.projects, async () => {
      const ts = await db.timeSeries.get(`${id}-s0`);
      await db.timeSeries.update(`${id}-s0`, { name: `${ts!.name} (verschoben)` });
      await db.projects.update(id, { updatedAt: 9 });
      await db.timeSeries.put({ ...ts!, id: `${id}-copy` });
    });
    // A filter runs over a cursor, not getAll.
    const filtered = await db.timeSeries.filter((t) => t.name.endsWith('(verschoben)')).toArray();
    expect(filtered.map((t) => t.id)).toEqual([`${id}-s0`]);
    const seen: string[] = [];
    await db.timeSeries
      .where('projectId')
      .equals(id)
      .each((t) => void seen.push(t.name));
    expect(seen).toHaveLength(4);
    expect(await db.projects.orderBy('updatedAt').reverse().first()).toMatchObject({ name: 'Neu benannt' });
    await db.delete();
  });
});

describe('at-rest migration of an existing database', () => {
  it('encrypts every plaintext row of a current-schema database and resumes after an interruption', async () => {
    const name = dbName();
    const plain = openDb(name); // the database as the app writes it today: no key
    await fill(plain, 3);
    await fill(plain, 2);
    const before = await snapshot(plain);
    plain.close();
    expect((await rawRows(name, 'timeSeries')).some((r) => SEALED in r)).toBe(false);

    const key = await newKey();
    const first = openDb(name, { mode: 'key', key });
    let batches = 0;
    const crash = new Error('power cut');
    await expect(
      encryptPlaintextRows(first, {
        batchSize: 2,
        afterBatch: () => {
          if (++batches === 3) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    // Interrupted: some rows sealed, the rest still plaintext, and the app reads both.
    const mixed = (await rawRows(name, 'projects')).concat(await rawRows(name, 'timeSeries'));
    expect(mixed.some((r) => SEALED in r)).toBe(true);
    expect(mixed.some((r) => !(SEALED in r))).toBe(true);
    expect(await snapshot(first)).toEqual(before);
    first.close();

    const second = openDb(name, { mode: 'key', key });
    const sealed = await encryptPlaintextRows(second, { batchSize: 2 });
    expect(sealed).toBeGreaterThan(0);
    for (const table of ['projects', 'timeSeries', 'results', 'weatherFiles', 'settings'])
      for (const row of await rawRows(name, table))
        expect(SEALED in row, `${table} ${JSON.stringify(row)}`).toBe(true);
    expect(await snapshot(second)).toEqual(before);
    // Done once: the next start does not scan again.
    expect(await encryptPlaintextRows(second)).toBe(0);
    await second.delete();
  });

  it('never rewrites rows sealed under another key: a lost or changed key gives an error, data stay', async () => {
    const name = dbName();
    const db = openDb(name, { mode: 'key', key: await newKey() });
    const id = await fill(db, 2);
    db.close();
    const stored = await rawRows(name, 'timeSeries');

    const other = openDb(name, { mode: 'key', key: await newKey() });
    await other.settings.delete(MIGRATED_KEY).catch(() => undefined);
    expect(await encryptPlaintextRows(other)).toBe(0);
    await expect(other.timeSeries.get(`${id}-s0`)).rejects.toMatchObject({ code: 'undecryptable' });
    await expect(other.timeSeries.update(`${id}-s0`, { name: 'x' })).rejects.toThrow(/cannot be decrypted/);
    await expect(other.timeSeries.where('projectId').equals(id).toArray()).rejects.toThrow(AtRestError);
    other.close();
    expect(await rawRows(name, 'timeSeries')).toEqual(stored);

    const noKey = openDb(name, { mode: 'plain' });
    await expect(noKey.projects.get(id)).rejects.toMatchObject({ code: 'locked' });
    noKey.close();
    const locked = openDb(name, { mode: 'locked', reason: 'key unreadable' });
    await expect(
      locked.projects.put({ id: 'n', name: 'n', createdAt: 1, updatedAt: 1, document: null }),
    ).rejects.toMatchObject({
      code: 'readOnly',
    });
    await locked.delete();
  });
});

describe('without a key (browser build, desktop without OS protection)', () => {
  it('stores rows unencrypted, exactly as before', async () => {
    const name = dbName();
    const db = openDb(name, { mode: 'plain' });
    const id = await fill(db, 1);
    const [row] = await rawRows(name, 'projects');
    expect(row).toMatchObject({ id, name: 'Stadtwerke Geheim' });
    expect(SEALED in row).toBe(false);
    expect(await encryptPlaintextRows(db)).toBe(0);
    await db.delete();
  });
});

describe('a realistic project round-trips sealed', () => {
  it('saves and loads a project with five 8760-value series, plain and sealed', async () => {
    // Speed is measured in npm run bench, not here; this checks the sizes a planner really stores.
    const roundTrip = async (state: AtRestState | undefined) => {
      const db = openDb(dbName(), state);
      await db.open();
      const id = await fill(db, 5);
      const loaded = await db.timeSeries.where('projectId').equals(id).toArray();
      expect(await db.projects.get(id)).toBeDefined();
      expect(loaded).toHaveLength(5);
      await db.delete();
    };
    await roundTrip(undefined);
    await roundTrip({ mode: 'key', key: await newKey() });
  });
});
