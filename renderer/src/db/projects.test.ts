import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WerkplanDb } from './schema';
import {
  createProject,
  deleteProject,
  listProjects,
  renameProject,
  validateProjectName,
  ValidationError,
  PROJECT_NAME_MAX,
} from './projects';

let n = 0;
const opened: WerkplanDb[] = [];
function freshDb(): WerkplanDb {
  const db = openDb(`projects-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('project names', () => {
  it('trims and collapses whitespace', () => {
    expect(validateProjectName('  Quartier   Nord ')).toBe('Quartier Nord');
  });
  it('rejects empty and over-long names with a code', () => {
    expect(() => validateProjectName('   ')).toThrow(ValidationError);
    try {
      validateProjectName('x'.repeat(PROJECT_NAME_MAX + 1));
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).code).toBe('tooLong');
    }
    expect(validateProjectName('x'.repeat(PROJECT_NAME_MAX))).toHaveLength(PROJECT_NAME_MAX);
  });
});

describe('project repository', () => {
  it('creates, lists newest first, renames', async () => {
    const db = freshDb();
    const a = await createProject(db, 'Alpha', 1000);
    const b = await createProject(db, 'Beta', 2000);
    expect((await listProjects(db)).map((p) => p.name)).toEqual(['Beta', 'Alpha']);
    await renameProject(db, a.id, ' Alpha 2 ', 3000);
    const list = await listProjects(db);
    expect(list.map((p) => p.name)).toEqual(['Alpha 2', 'Beta']);
    expect(list[0].createdAt).toBe(1000);
    expect(list[0].updatedAt).toBe(3000);
    expect(b.document).toBeNull();
  });

  it('refuses to rename a missing project and leaves data untouched on a bad name', async () => {
    const db = freshDb();
    const a = await createProject(db, 'Alpha');
    await expect(renameProject(db, 'nope', 'X')).rejects.toMatchObject({ code: 'notFound' });
    await expect(renameProject(db, a.id, '')).rejects.toMatchObject({ code: 'empty' });
    expect((await db.projects.get(a.id))?.name).toBe('Alpha');
  });

  it('deletes a project with its scenarios, time series and results, and nothing else', async () => {
    const db = freshDb();
    const keep = await createProject(db, 'Keep');
    const gone = await createProject(db, 'Gone');
    for (const p of [keep, gone]) {
      await db.scenarios.add({
        id: `s-${p.id}`,
        projectId: p.id,
        name: 'Basis',
        overrides: {},
        createdAt: 0,
        updatedAt: 0,
      });
      await db.timeSeries.add({
        id: `t-${p.id}`,
        projectId: p.id,
        name: 'Wärme',
        unit: 'kW',
        resolution_min: 60,
        start: '2023-01-01T00:00:00+01:00',
        values: new Float64Array([1, 2, 3]),
        kind: 'demand',
      });
      await db.results.add({
        id: `r-${p.id}`,
        projectId: p.id,
        scenarioId: `s-${p.id}`,
        inputsHash: 'h',
        createdAt: 0,
        payload: {},
      });
      await db.settings.put({ key: `sweep:${p.id}`, value: { points: [] } });
    }
    await deleteProject(db, gone.id);
    expect(await db.settings.get(`sweep:${gone.id}`)).toBeUndefined();
    expect(await db.settings.get(`sweep:${keep.id}`)).toBeDefined();
    expect(await db.projects.count()).toBe(1);
    expect(await db.scenarios.where('projectId').equals(gone.id).count()).toBe(0);
    expect(await db.timeSeries.where('projectId').equals(gone.id).count()).toBe(0);
    expect(await db.results.where('projectId').equals(gone.id).count()).toBe(0);
    const kept = await db.timeSeries.get(`t-${keep.id}`);
    expect(kept?.values).toBeInstanceOf(Float64Array);
    expect(Array.from(kept!.values)).toEqual([1, 2, 3]);
  });
});
