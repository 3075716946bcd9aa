import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WerkplanDb } from '../db/schema';
import { setScenarioMode, setSizingResolution } from './runOptions';

let n = 0;
const opened: WerkplanDb[] = [];
async function withProject(runOptions?: { mode: 'aggregated' | 'full' }) {
  const db = openDb(`run-options-test-${++n}`);
  opened.push(db);
  await db.projects.add({ id: 'p', name: 'P', createdAt: 0, updatedAt: 0, document: null, runOptions });
  return { db, now: async () => (await db.projects.get('p'))?.runOptions };
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('stored run options', () => {
  it("a scenario's mode and the sizing's resolution keep each other", async () => {
    const { db, now } = await withProject();
    await setSizingResolution(db, 'p', { typicalDays: 12 });
    await setScenarioMode(db, 'p', 'v', 'full');
    await setSizingResolution(db, 'p', { segments: 24 });
    expect(await now()).toEqual({ mode: 'aggregated', modes: { v: 'full' }, typicalDays: 12, segments: 24 });
  });

  it('stores a default as absent and keeps the project mode', async () => {
    const { db, now } = await withProject({ mode: 'full' });
    await setSizingResolution(db, 'p', { typicalDays: 36, segments: 4 });
    await setSizingResolution(db, 'p', { typicalDays: 24 });
    expect(await now()).toEqual({ mode: 'full', segments: 4 });
    await setSizingResolution(db, 'p', { segments: 8 });
    expect(await now()).toEqual({ mode: 'full' });
  });

  it('two changes started together both land', async () => {
    const { db, now } = await withProject();
    await Promise.all([
      setSizingResolution(db, 'p', { typicalDays: 48 }),
      setScenarioMode(db, 'p', 'base', 'full'),
      setSizingResolution(db, 'p', { segments: 12 }),
    ]);
    expect(await now()).toEqual({
      mode: 'aggregated',
      modes: { base: 'full' },
      typicalDays: 48,
      segments: 12,
    });
  });
});
