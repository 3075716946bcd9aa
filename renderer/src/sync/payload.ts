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

/**
 * A decrypted payload that does not belong to the project it was fetched as (or is no Werkplan
 * project at all): refused before anything local is written (docs/security/encryption.md).
 */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

const PAYLOAD_KEYS = ['formatVersion', 'project', 'scenarios', 'timeSeries'];
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks that `p` is a payload of project `projectId` and of nothing else: the project id, every
 * scenario's and time series' project id, ids that are strings and unique, and no other top-level
 * field (results, other projects) that a crafted version could carry.
 */
export function validatePayload(p: unknown, projectId: string): asserts p is ProjectPayload {
  const fail = (why: string): never => {
    throw new PayloadError(`synced project ${projectId}: ${why}`);
  };
  if (!isObject(p) || p.formatVersion !== 1) fail('payload is not a Werkplan project (format 1)');
  const o = p as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !PAYLOAD_KEYS.includes(k));
  if (extra.length) fail(`unexpected field(s) ${extra.join(', ')}`);
  if (!isObject(o.project) || o.project.id !== projectId) fail('payload is another project');
  if (!Array.isArray(o.scenarios) || !Array.isArray(o.timeSeries)) fail('payload has no record lists');
  const ids = new Set<string>([projectId]);
  for (const [what, list] of [
    ['scenario', o.scenarios],
    ['time series', o.timeSeries],
  ] as const) {
    for (const r of list as unknown[]) {
      if (!isObject(r) || typeof r.id !== 'string' || !r.id) fail(`a ${what} has no id`);
      const rec = r as { id: string; projectId?: unknown };
      if (rec.projectId !== projectId) fail(`${what} ${rec.id} belongs to another project`);
      if (ids.has(rec.id)) fail(`id ${rec.id} occurs twice`);
      ids.add(rec.id);
    }
  }
}

export function decodePayload(bytes: Uint8Array, projectId: string): ProjectPayload {
  let p: unknown;
  try {
    p = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new PayloadError(`synced project ${projectId}: payload is not JSON`);
  }
  validatePayload(p, projectId);
  return p;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Refuses (PayloadError) a payload whose scenario or time series ids belong to another local project. */
export async function assertIdsFree(db: WerkplanDb, p: ProjectPayload): Promise<void> {
  const id = p.project.id;
  for (const [table, list] of [
    [db.scenarios, p.scenarios],
    [db.timeSeries, p.timeSeries],
  ] as const) {
    const existing = await table.bulkGet(list.map((r) => r.id));
    const taken = existing.find((r) => r && r.projectId !== id);
    if (taken) throw new PayloadError(`synced project ${id}: id ${taken.id} belongs to another project`);
  }
}

/**
 * Replaces the local project (with its scenarios and time series) by `p`, all or nothing. A
 * scenario or time series whose id is already taken here by another project is refused
 * (PayloadError) and nothing is written: a payload can never move records out of another project.
 */
export async function writePayload(db: WerkplanDb, p: ProjectPayload): Promise<void> {
  validatePayload(p, p.project.id);
  const id = p.project.id;
  await db.transaction('rw', [db.projects, db.scenarios, db.timeSeries], async () => {
    await assertIdsFree(db, p);
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
