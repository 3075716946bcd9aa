import { checkProject, type ProjectError, type Project } from '../../../solver/src';
import type { ProjectRecord, WerkplanDb } from '../db/schema';
import { validateProjectName } from '../db/projects';
import { assembleProject } from './assemble';
import { blankDocument, splitSeries, type StoredProject } from './document';

/** A project file that failed validation: every error located (JSON pointer, line, column). */
export class ProjectFileError extends Error {
  constructor(readonly errors: ProjectError[]) {
    super(
      errors
        .map(
          (e) =>
            `${e.line !== undefined ? `line ${e.line}:${e.column ?? 0} ` : ''}${e.pointer || '/'}: ${e.message}`,
        )
        .join('\n'),
    );
    this.name = 'ProjectFileError';
  }
}

/** Parses and validates a project file's text (format v2); throws ProjectFileError with located errors. */
export function parseProjectFile(text: string, fileName?: string): Project {
  const v = checkProject(text, { fileName, text });
  if (!v.ok) throw new ProjectFileError(v.errors);
  return v.project;
}

/** Stores a full v1 document as a new project (document + binary series), all or nothing. */
export async function importProject(
  db: WerkplanDb,
  project: Project,
  opts: { name?: string; now?: number } = {},
): Promise<ProjectRecord> {
  const now = opts.now ?? Date.now();
  const id = crypto.randomUUID();
  const name = validateProjectName(opts.name ?? project.name);
  const { doc, records } = splitSeries({ ...project, name }, id);
  const record: ProjectRecord = { id, name, createdAt: now, updatedAt: now, document: doc };
  await db.transaction('rw', [db.projects, db.timeSeries], async () => {
    await db.timeSeries.bulkAdd(records);
    await db.projects.add(record);
  });
  return record;
}

/** Creates a blank project with a valid skeleton document. */
export async function createBlankProject(
  db: WerkplanDb,
  rawName: string,
  now = Date.now(),
): Promise<ProjectRecord> {
  const name = validateProjectName(rawName);
  const record: ProjectRecord = {
    id: crypto.randomUUID(),
    name,
    createdAt: now,
    updatedAt: now,
    document: blankDocument(name),
  };
  await db.projects.add(record);
  return record;
}

/** The project file text (format v2, series inline, two-space indent). */
export async function exportProjectText(db: WerkplanDb, projectId: string): Promise<string> {
  const project = await assembleProject(db, projectId);
  if (!project) throw new Error(`Project ${projectId} has no inputs to export`);
  return JSON.stringify(project, null, 2) + '\n';
}

/** A copy of a project with its series (results are not copied: they belong to the original). */
export async function duplicateProject(
  db: WerkplanDb,
  projectId: string,
  copyName: string,
  now = Date.now(),
): Promise<ProjectRecord> {
  const src = await db.projects.get(projectId);
  if (!src) throw new Error(`Project ${projectId} does not exist`);
  const name = validateProjectName(copyName);
  const project = await assembleProject(db, projectId);
  if (!project) {
    const record: ProjectRecord = { ...src, id: crypto.randomUUID(), name, createdAt: now, updatedAt: now };
    await db.projects.add(record);
    return record;
  }
  const rec = await importProject(db, { ...project, name }, { name, now });
  if (src.runOptions) await db.projects.update(rec.id, { runOptions: src.runOptions });
  // Profiles imported but not (yet) used in the document are copied too.
  const used = new Set(Object.values((src.document as StoredProject).timeSeries).map((r) => r.seriesId));
  const unused = (await db.timeSeries.where('projectId').equals(projectId).toArray()).filter(
    (r) => !used.has(r.id),
  );
  await db.timeSeries.bulkAdd(unused.map((r) => ({ ...r, id: crypto.randomUUID(), projectId: rec.id })));
  return rec;
}
