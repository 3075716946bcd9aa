import { DEFAULT_SEGMENTS, DEFAULT_TYPICAL_DAYS } from '../../../solver/src';
import type { ProjectRecord, WerkplanDb } from '../db/schema';

type Stored = NonNullable<ProjectRecord['runOptions']>;

/** Reads and writes a project's run options in one transaction, keeping everything `change` leaves alone. */
async function update(db: WerkplanDb, projectId: string, change: (now: Stored) => Stored): Promise<void> {
  await db.transaction('rw', db.projects, async () => {
    const now = (await db.projects.get(projectId))?.runOptions ?? { mode: 'aggregated' };
    await db.projects.update(projectId, { runOptions: change(now) });
  });
}

/** A scenario's own run mode (the others keep theirs, and the sizing's resolution stays). */
export function setScenarioMode(
  db: WerkplanDb,
  projectId: string,
  scenarioId: string,
  mode: 'aggregated' | 'full',
): Promise<void> {
  return update(db, projectId, (now) => ({ ...now, modes: { ...now.modes, [scenarioId]: mode } }));
}

/**
 * The typical-day sizing's grid for every scenario run on typical days. A default is stored as
 * absent, so results computed with the defaults keep their inputs hash.
 */
export function setSizingResolution(
  db: WerkplanDb,
  projectId: string,
  change: { typicalDays?: number; segments?: number },
): Promise<void> {
  return update(db, projectId, (now) => {
    const next = { ...now, ...change };
    if (next.typicalDays === DEFAULT_TYPICAL_DAYS) delete next.typicalDays;
    if (next.segments === DEFAULT_SEGMENTS) delete next.segments;
    return next;
  });
}
