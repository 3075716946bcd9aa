import type { Project } from '../../../solver/src';
import type { ProjectRecord, TimeSeriesRecord, WerkplanDb } from '../db/schema';
import { inputsHash } from './inputsHash';
import { DEFAULT_RUN_OPTIONS, joinSeries, type RunOptions, type StoredProject } from './document';

/**
 * The run options of one scenario, as they go into its inputs hash: the scenario's own run mode
 * (`runOptions.modes`), else the project's. Changing one scenario's mode leaves the others' hashes,
 * and so their results, as they were. The sizing's typical days and time segments count only for
 * aggregated runs: changing them leaves full-mode results current.
 */
export function runOptionsOf(record: Pick<ProjectRecord, 'runOptions'>, scenarioId = 'base'): RunOptions {
  const o = record.runOptions;
  const mode = o?.modes?.[scenarioId] ?? o?.mode ?? DEFAULT_RUN_OPTIONS.mode;
  // A project file may carry any figure here: what the solver would refuse counts as not set.
  const typicalDays = wholeIn(o?.typicalDays, 1, 366);
  const segments = wholeIn(o?.segments, 1, 24);
  return {
    ...DEFAULT_RUN_OPTIONS,
    mode,
    ...(mode === 'aggregated' && typicalDays ? { typicalDays } : {}),
    ...(mode === 'aggregated' && segments ? { segments } : {}),
  };
}

const wholeIn = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;

/**
 * The full project format v2 document of a stored project: every time series inline (hourly over
 * the site year) and the scenarios; ready for validateProject, solveProject and export. Null when
 * the project does not exist or has no document yet.
 */
export async function assembleProject(db: WerkplanDb, projectId: string): Promise<Project | null> {
  return db.transaction('r', [db.projects, db.timeSeries], async () => {
    const record = await db.projects.get(projectId);
    if (!record?.document) return null;
    const doc = record.document as StoredProject;
    const ids = Object.values(doc.timeSeries).map((r) => r.seriesId);
    const recs = (await db.timeSeries.bulkGet(ids)).filter((r): r is TimeSeriesRecord => !!r);
    return joinSeries(doc, new Map(recs.map((r) => [r.id, r])));
  });
}

/** What a run of one scenario depends on: the document with only that scenario, and the run options. */
export function hashInputs(project: Project, scenarioId: string, options: RunOptions): Promise<string> {
  const scenarios = (project.scenarios ?? []).filter((s) => s.id === scenarioId);
  return inputsHash({ ...project, scenarios }, scenarioId, options);
}

/**
 * The inputs hash a run of this scenario would have now (the same the planner's Run stores with a
 * result): a stored result with another hash is stale. Null when the project has no document.
 */
export async function currentInputsHash(
  db: WerkplanDb,
  projectId: string,
  scenarioId: string,
): Promise<string | null> {
  const project = await assembleProject(db, projectId);
  const record = await db.projects.get(projectId);
  if (!project || !record) return null;
  return hashInputs(project, scenarioId, runOptionsOf(record, scenarioId));
}
