import type { ProjectRecord, ScenarioRecord, TimeSeriesRecord, WerkplanDb } from '../db/schema';

/**
 * What is encrypted and synced for one project: the project record with its scenarios and time
 * series (results are derived and recomputed). Serialized deterministically, so that its SHA-256
 * tells whether the local copy changed since the last sync.
 */
export interface ProjectPayload {
  formatVersion: 1;
  project: ProjectRecord;
  scenarios: ScenarioRecord[];
  timeSeries: (Omit<TimeSeriesRecord, 'values'> & { values: number[] })[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function readPayload(db: WerkplanDb, projectId: string): Promise<ProjectPayload | null> {
  return db.transaction('r', [db.projects, db.scenarios, db.timeSeries], async () => {
    const project = await db.projects.get(projectId);
    if (!project) return null;
    const scenarios = (await db.scenarios.where('projectId').equals(projectId).toArray()).sort(byId);
    const series = (await db.timeSeries.where('projectId').equals(projectId).toArray()).sort(byId);
    return {
      formatVersion: 1 as const,
      project: {
        id: project.id,
        name: project.name,
        createdAt: project.createdAt,
        updatedAt: project.updatedAt,
        document: project.document,
      },
      scenarios: scenarios.map((s) => ({
        id: s.id,
        projectId: s.projectId,
        name: s.name,
        overrides: s.overrides,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
      })),
      timeSeries: series.map((t) => ({
        id: t.id,
        projectId: t.projectId,
        name: t.name,
        unit: t.unit,
        resolution_min: t.resolution_min,
        start: t.start,
        kind: t.kind,
        source: t.source,
        fillRule: t.fillRule,
        filledIntervals: t.filledIntervals,
        values: Array.from(t.values),
      })),
    };
  });
}

export function encodePayload(p: ProjectPayload): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(p));
}

export function decodePayload(bytes: Uint8Array, projectId: string): ProjectPayload {
  const p = JSON.parse(new TextDecoder().decode(bytes)) as ProjectPayload;
  if (
    p?.formatVersion !== 1 ||
    p.project?.id !== projectId ||
    !Array.isArray(p.scenarios) ||
    !Array.isArray(p.timeSeries)
  )
    throw new Error(`synced project ${projectId}: payload is not a Werkplan project (format 1)`);
  return p;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Replaces the local project (with its scenarios and time series) by `p`, all or nothing. */
export async function writePayload(db: WerkplanDb, p: ProjectPayload): Promise<void> {
  const id = p.project.id;
  await db.transaction('rw', [db.projects, db.scenarios, db.timeSeries], async () => {
    await db.scenarios.where('projectId').equals(id).delete();
    await db.timeSeries.where('projectId').equals(id).delete();
    await db.projects.put({ ...p.project });
    await db.scenarios.bulkPut(p.scenarios.map((s) => ({ ...s })));
    await db.timeSeries.bulkPut(
      p.timeSeries.map((t) => {
        const rec: TimeSeriesRecord = { ...t, values: Float64Array.from(t.values) };
        for (const k of ['source', 'fillRule', 'filledIntervals'] as const)
          if (rec[k] === undefined) delete rec[k];
        return rec;
      }),
    );
  });
}

/**
 * A copy of `p` under fresh ids (project, scenarios, time series; references inside the document
 * follow, since ids are UUIDs and are replaced wherever they occur) and a new name.
 */
export function copyPayload(
  p: ProjectPayload,
  newName: string,
  newId = () => crypto.randomUUID(),
): ProjectPayload {
  const ids = new Map<string, string>([[p.project.id, newId()]]);
  for (const s of p.scenarios) ids.set(s.id, newId());
  for (const t of p.timeSeries) ids.set(t.id, newId());
  let json = JSON.stringify(p);
  for (const [from, to] of ids) json = json.split(JSON.stringify(from).slice(1, -1)).join(to);
  const copy = JSON.parse(json) as ProjectPayload;
  copy.project.name = newName;
  return copy;
}
