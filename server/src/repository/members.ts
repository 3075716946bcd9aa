/** Project memberships (sharing): the SQL of the member routes. */
import type { ProjectMember } from '../../../contracts';
import type { Sql } from '../db';
import { accessOf, type Access } from './projects';
import { directoryNames } from './users';

/** Whether `userId` is the only owner of the project (who may then be neither removed nor demoted). */
export async function isLastOwner(sql: Sql, tenantId: string, id: string, userId: string): Promise<boolean> {
  const owners = await sql.query<{ user_id: string }>(
    `SELECT user_id FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND access = 'owner'`,
    [tenantId, id],
  );
  return owners.length === 1 && owners[0].user_id === userId;
}

/** The members with their directory names: owners first, then editors, then viewers, by name. */
export async function listMembers(sql: Sql, tenantId: string, id: string): Promise<ProjectMember[]> {
  const rows = await sql.query<{
    user_id: string;
    access: Access;
    username: string | null;
    display_name: string | null;
  }>(
    `SELECT m.user_id, m.access, d.username, d.display_name FROM project_members m
       LEFT JOIN user_directory d ON d.tenant_id = m.tenant_id AND d.user_id = m.user_id
     WHERE m.tenant_id = $1 AND m.project_id = $2
     ORDER BY CASE m.access WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END,
       lower(coalesce(d.display_name, d.username, m.user_id))`,
    [tenantId, id],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    access: r.access,
    ...directoryNames(r),
  }));
}

/** Gives `userId` the access; returns the access they had before (null: newly shared). */
export async function setMember(
  sql: Sql,
  tenantId: string,
  id: string,
  userId: string,
  access: Access,
): Promise<Access | null> {
  const before = await accessOf(sql, tenantId, id, userId);
  await sql.query(
    `INSERT INTO project_members (tenant_id, project_id, user_id, access) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, project_id, user_id) DO UPDATE SET access = EXCLUDED.access`,
    [tenantId, id, userId, access],
  );
  return before;
}

/** Removes the membership; returns the access it had (null: was no member). */
export async function removeMember(
  sql: Sql,
  tenantId: string,
  id: string,
  userId: string,
): Promise<Access | null> {
  const removed = await sql.query<{ access: Access }>(
    `DELETE FROM project_members WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3 RETURNING access`,
    [tenantId, id, userId],
  );
  return removed[0]?.access ?? null;
}
