/** Erasure (GDPR art. 17): of a project, of a user's data, of a whole tenant. The audit chain remains. */
import type { Sql } from '../db';

async function count(sql: Sql, text: string, params: unknown[]): Promise<number> {
  return (await sql.query(text, params)).length;
}

/** Deletes the project with all versions (blobs) and memberships. */
export async function eraseProject(sql: Sql, tenantId: string, id: string) {
  const versions = await count(
    sql,
    `DELETE FROM project_versions WHERE tenant_id = $1 AND project_id = $2 RETURNING 1`,
    [tenantId, id],
  );
  await sql.query(`DELETE FROM project_members WHERE tenant_id = $1 AND project_id = $2`, [tenantId, id]);
  const projects = await count(sql, `DELETE FROM projects WHERE tenant_id = $1 AND id = $2 RETURNING 1`, [
    tenantId,
    id,
  ]);
  return { projects, versions };
}

/**
 * A user's data: their wrapped keys (crypto-shredding of their access), their memberships, their
 * entry in the user directory, and every project they own alone, with all versions. Versions they wrote in projects that others
 * still own stay (team content) but lose the author id.
 */
export async function eraseUser(sql: Sql, tenantId: string, userId: string) {
  const soleOwned = await sql.query<{ project_id: string }>(
    `SELECT m.project_id FROM project_members m WHERE m.tenant_id = $1 AND m.user_id = $2 AND m.access = 'owner'
       AND NOT EXISTS (SELECT 1 FROM project_members o WHERE o.tenant_id = m.tenant_id AND o.project_id = m.project_id
                       AND o.access = 'owner' AND o.user_id <> $2)`,
    [tenantId, userId],
  );
  let projects = 0;
  let versions = 0;
  for (const { project_id } of soleOwned) {
    const c = await eraseProject(sql, tenantId, project_id);
    projects += c.projects;
    versions += c.versions;
  }
  const keys = await count(
    sql,
    `DELETE FROM wrapped_keys WHERE tenant_id = $1 AND owner_id = $2 RETURNING 1`,
    [tenantId, userId],
  );
  const memberships = await count(
    sql,
    `DELETE FROM project_members WHERE tenant_id = $1 AND user_id = $2 RETURNING 1`,
    [tenantId, userId],
  );
  await sql.query(
    `UPDATE project_versions SET author_id = 'erased' WHERE tenant_id = $1 AND author_id = $2`,
    [tenantId, userId],
  );
  await sql.query(`UPDATE projects SET author_id = 'erased' WHERE tenant_id = $1 AND author_id = $2`, [
    tenantId,
    userId,
  ]);
  const directory = await count(
    sql,
    `DELETE FROM user_directory WHERE tenant_id = $1 AND user_id = $2 RETURNING 1`,
    [tenantId, userId],
  );
  return { projects, versions, keys, memberships, directory };
}

/** Every project, version, membership, wrapped key and directory entry of the tenant. The audit chain remains. */
export async function eraseTenant(sql: Sql, tenantId: string) {
  const versions = await count(sql, `DELETE FROM project_versions WHERE tenant_id = $1 RETURNING 1`, [
    tenantId,
  ]);
  await sql.query(`DELETE FROM project_members WHERE tenant_id = $1`, [tenantId]);
  const projects = await count(sql, `DELETE FROM projects WHERE tenant_id = $1 RETURNING 1`, [tenantId]);
  const keys = await count(sql, `DELETE FROM wrapped_keys WHERE tenant_id = $1 RETURNING 1`, [tenantId]);
  const directory = await count(sql, `DELETE FROM user_directory WHERE tenant_id = $1 RETURNING 1`, [
    tenantId,
  ]);
  return { projects, versions, keys, directory };
}
