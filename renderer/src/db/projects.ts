import type { ProjectRecord, WerkplanDb } from './schema';

export const PROJECT_NAME_MAX = 200;

export type ProjectNameError = 'empty' | 'tooLong';

/** A validation error with a code the UI translates and shows next to the field. */
export class ValidationError extends Error {
  constructor(
    readonly code: ProjectNameError | 'notFound',
    message: string,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** Trims and checks a project name; returns the name to store. */
export function validateProjectName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw new ValidationError('empty', 'Project name is empty');
  if (name.length > PROJECT_NAME_MAX)
    throw new ValidationError(
      'tooLong',
      `Project name is ${name.length} characters long; at most ${PROJECT_NAME_MAX} allowed`,
    );
  return name;
}

export async function listProjects(db: WerkplanDb): Promise<ProjectRecord[]> {
  return db.projects.orderBy('updatedAt').reverse().toArray();
}

export async function createProject(
  db: WerkplanDb,
  rawName: string,
  now = Date.now(),
): Promise<ProjectRecord> {
  const name = validateProjectName(rawName);
  const project: ProjectRecord = {
    id: crypto.randomUUID(),
    name,
    createdAt: now,
    updatedAt: now,
    document: null,
  };
  await db.projects.add(project);
  return project;
}

export async function renameProject(
  db: WerkplanDb,
  id: string,
  rawName: string,
  now = Date.now(),
): Promise<void> {
  const name = validateProjectName(rawName);
  await db.transaction('rw', db.projects, async () => {
    const changed = await db.projects.update(id, { name, updatedAt: now });
    if (changed === 0) throw new ValidationError('notFound', `Project ${id} does not exist`);
  });
}

/** Deletes a project with its scenarios, time series and results, all or nothing. */
export async function deleteProject(db: WerkplanDb, id: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.projects, db.scenarios, db.timeSeries, db.results, db.settings, db.weatherFiles],
    async () => {
      await db.scenarios.where('projectId').equals(id).delete();
      await db.timeSeries.where('projectId').equals(id).delete();
      await db.results.where('projectId').equals(id).delete();
      // The last sensitivity sweep (renderer/src/project/sweeps.ts keeps it under this key).
      await db.settings.delete(`sweep:${id}`);
      await db.weatherFiles.delete(id);
      await db.projects.delete(id);
    },
  );
}
