/** The tenant's user directory (oid, username, display name from verified tokens). */
import { DIRECTORY_RESULTS_MAX, type DirectoryUser } from '../../../contracts';
import type { Sql } from '../db';
import { cleanProfileText } from '../text';

/** The names of a directory row as served: cleaned again, so rows from before cleaning are safe too. */
export function directoryNames(row: { username: string | null; display_name: string | null }): {
  displayName?: string;
  username?: string;
} {
  const displayName = cleanProfileText(row.display_name);
  const username = cleanProfileText(row.username);
  return { ...(displayName ? { displayName } : {}), ...(username ? { username } : {}) };
}

/** Records (or refreshes) the user's directory entry, with names cleaned (../text.ts). */
export async function rememberUser(
  sql: Sql,
  tenantId: string,
  user: { userId: string; username?: string; displayName?: string },
) {
  await sql.query(
    `INSERT INTO user_directory (tenant_id, user_id, username, display_name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, user_id) DO UPDATE SET username = EXCLUDED.username,
       display_name = EXCLUDED.display_name, last_seen_at = now()`,
    [
      tenantId,
      user.userId,
      cleanProfileText(user.username) ?? null,
      cleanProfileText(user.displayName) ?? null,
    ],
  );
}

/**
 * Users whose username or display name (or one of its words) starts with `query`, or whose id is
 * `query`; `query` is trimmed and lower case.
 */
export async function searchUsers(sql: Sql, tenantId: string, query: string): Promise<DirectoryUser[]> {
  const like = query.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  const rows = await sql.query<{ user_id: string; username: string | null; display_name: string | null }>(
    `SELECT user_id, username, display_name FROM user_directory
     WHERE tenant_id = $1 AND (lower(username) LIKE $2::text ESCAPE '\\'
       OR lower(display_name) LIKE $2::text ESCAPE '\\'
       OR lower(display_name) LIKE ('% ' || $2::text) ESCAPE '\\' OR lower(user_id) = $3::text)
     ORDER BY lower(coalesce(display_name, username, user_id)), user_id LIMIT ${DIRECTORY_RESULTS_MAX}`,
    [tenantId, like, query],
  );
  return rows.map((r) => ({ userId: r.user_id, ...directoryNames(r) }));
}
