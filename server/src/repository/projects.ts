/** Projects and their versions (blobs): the SQL of the project routes. */
import type { BlobMeta, EncryptedEnvelope, ListedProject } from '../../../contracts';
import type { Sql } from '../db';

/** A member's access to a project. */
export type Access = 'owner' | 'editor' | 'viewer';

interface ProjectRow {
  id: string;
  tenant_id: string;
  version: number;
  size_bytes: number;
  author_id: string;
  created_at: Date | string;
  updated_at: Date | string;
}

interface VersionRow {
  version: number;
  size_bytes: number;
  author_id: string;
  created_at: Date | string;
}

export const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

function toMeta(r: ProjectRow): BlobMeta {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    version: Number(r.version),
    size_bytes: Number(r.size_bytes),
    authorId: r.author_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The project's metadata with one stored version's number, size, author and time. */
function asVersion(meta: BlobMeta, r: VersionRow): BlobMeta {
  return {
    ...meta,
    version: Number(r.version),
    size_bytes: Number(r.size_bytes),
    authorId: r.author_id,
    updatedAt: iso(r.created_at),
  };
}

/** A stored envelope (JSON bytes) as the client sent it. */
export const parseEnvelope = (bytes: Uint8Array) =>
  JSON.parse(Buffer.from(bytes).toString('utf8')) as EncryptedEnvelope;

/** The user's own access to the project, or null when not a member. */
export async function accessOf(
  sql: Sql,
  tenantId: string,
  id: string,
  userId: string,
): Promise<Access | null> {
  const rows = await sql.query<{ access: Access }>(
    `SELECT access FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3`,
    [tenantId, id, userId],
  );
  return rows[0]?.access ?? null;
}

/** The project's current metadata, or null when there is no such project in the tenant. */
export async function currentMeta(sql: Sql, tenantId: string, id: string): Promise<BlobMeta | null> {
  const rows = await sql.query<ProjectRow>(`SELECT * FROM projects WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    id,
  ]);
  return rows[0] ? toMeta(rows[0]) : null;
}

/**
 * Each project with the user's own access (null: listed tenant-wide, not a member); only the
 * user's projects unless `tenantWide`.
 */
export async function listProjects(
  sql: Sql,
  tenantId: string,
  userId: string,
  tenantWide: boolean,
): Promise<ListedProject[]> {
  const rows = await sql.query<ProjectRow & { access: Access | null }>(
    `SELECT pr.*, m.access FROM projects pr LEFT JOIN project_members m
       ON m.tenant_id = pr.tenant_id AND m.project_id = pr.id AND m.user_id = $2
     WHERE pr.tenant_id = $1 ${tenantWide ? '' : 'AND m.user_id IS NOT NULL'} ORDER BY pr.id`,
    [tenantId, userId],
  );
  return rows.map((r) => ({ ...toMeta(r), access: r.access ?? null }));
}

/**
 * One stored version with its envelope, or null; `current` is the project's metadata and
 * `version` null means the current version (whose metadata is then `current` itself).
 */
export async function readVersion(
  sql: Sql,
  current: BlobMeta,
  version: number | null,
): Promise<{ meta: BlobMeta; envelope: EncryptedEnvelope } | null> {
  const rows = await sql.query<VersionRow & { envelope: Uint8Array }>(
    `SELECT envelope, version, size_bytes, author_id, created_at FROM project_versions
     WHERE tenant_id = $1 AND project_id = $2 AND version = $3`,
    [current.tenantId, current.id, version ?? current.version],
  );
  if (!rows[0]) return null;
  return {
    meta: version === null ? current : asVersion(current, rows[0]),
    envelope: parseEnvelope(rows[0].envelope),
  };
}

/** The metadata of every stored version, oldest first. */
export async function listVersions(sql: Sql, current: BlobMeta): Promise<BlobMeta[]> {
  const rows = await sql.query<VersionRow>(
    `SELECT version, size_bytes, author_id, created_at FROM project_versions
     WHERE tenant_id = $1 AND project_id = $2 ORDER BY version`,
    [current.tenantId, current.id],
  );
  return rows.map((r) => asVersion(current, r));
}

/** Creates the project at version 1 with the author as owner; null when the id exists already. */
export async function createProject(
  sql: Sql,
  tenantId: string,
  id: string,
  authorId: string,
  blob: Buffer,
): Promise<BlobMeta | null> {
  const rows = await sql.query<ProjectRow>(
    `INSERT INTO projects (tenant_id, id, version, size_bytes, author_id) VALUES ($1, $2, 1, $3, $4)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING *`,
    [tenantId, id, blob.length, authorId],
  );
  if (!rows[0]) return null;
  await sql.query(
    `INSERT INTO project_members (tenant_id, project_id, user_id, access) VALUES ($1, $2, $3, 'owner')`,
    [tenantId, id, authorId],
  );
  await sql.query(
    `INSERT INTO project_versions (tenant_id, project_id, version, size_bytes, author_id, created_at, envelope)
     VALUES ($1, $2, 1, $3, $4, $5, $6)`,
    [tenantId, id, blob.length, authorId, rows[0].created_at, blob],
  );
  return toMeta(rows[0]);
}

/** Stores the next version if the current one is `expected`; null when it is not (a conflict). */
export async function updateProject(
  sql: Sql,
  tenantId: string,
  id: string,
  expected: number,
  authorId: string,
  blob: Buffer,
): Promise<BlobMeta | null> {
  const rows = await sql.query<ProjectRow>(
    `UPDATE projects SET version = version + 1, size_bytes = $4, author_id = $5, updated_at = now()
     WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING *`,
    [tenantId, id, expected, blob.length, authorId],
  );
  if (!rows[0]) return null;
  const meta = toMeta(rows[0]);
  await sql.query(
    `INSERT INTO project_versions (tenant_id, project_id, version, size_bytes, author_id, created_at, envelope)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [tenantId, id, meta.version, blob.length, authorId, rows[0].updated_at, blob],
  );
  return meta;
}

/**
 * Bytes the tenant stores (every kept version) and the share of them `userId` wrote: what the
 * storage quotas count.
 */
export async function storedBytes(
  sql: Sql,
  tenantId: string,
  userId: string,
): Promise<{ tenant_bytes: number; user_bytes: number }> {
  const rows = await sql.query<{ tenant_bytes: string | number | null; user_bytes: string | number | null }>(
    `SELECT COALESCE(SUM(size_bytes), 0) AS tenant_bytes,
            COALESCE(SUM(size_bytes) FILTER (WHERE author_id = $2), 0) AS user_bytes
       FROM project_versions WHERE tenant_id = $1`,
    [tenantId, userId],
  );
  return { tenant_bytes: Number(rows[0]?.tenant_bytes ?? 0), user_bytes: Number(rows[0]?.user_bytes ?? 0) };
}
