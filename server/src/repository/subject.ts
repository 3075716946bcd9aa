/** Everything the server holds about one person (GDPR Art. 15 access export). */
import type { SubjectExport } from '../../../contracts';
import { readAudit } from '../audit';
import type { Sql } from '../db';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export async function subjectData(sql: Sql, tenantId: string, userId: string): Promise<SubjectExport> {
  const directory = await sql.query<{
    username: string | null;
    display_name: string | null;
    first_seen_at: unknown;
    last_seen_at: unknown;
  }>(
    `SELECT username, display_name, first_seen_at, last_seen_at FROM user_directory
      WHERE tenant_id = $1 AND user_id = $2`,
    [tenantId, userId],
  );
  const memberships = await sql.query<{ project_id: string; access: string }>(
    `SELECT project_id, access FROM project_members WHERE tenant_id = $1 AND user_id = $2 ORDER BY project_id`,
    [tenantId, userId],
  );
  const versions = await sql.query<{
    project_id: string;
    version: number;
    size_bytes: number;
    created_at: unknown;
  }>(
    `SELECT project_id, version, size_bytes, created_at FROM project_versions
      WHERE tenant_id = $1 AND author_id = $2 ORDER BY project_id, version`,
    [tenantId, userId],
  );
  const keys = await sql.query<{
    key_id: string;
    size_bytes: number;
    created_at: unknown;
    updated_at: unknown;
  }>(
    `SELECT key_id, size_bytes, created_at, updated_at FROM wrapped_keys
      WHERE tenant_id = $1 AND owner_id = $2 ORDER BY key_id`,
    [tenantId, userId],
  );
  const audit = [];
  for (let after = 0; ;) {
    const page = await readAudit(sql, tenantId, after, 1000);
    if (page.length === 0) break;
    audit.push(...page.filter((e) => e.actorId === userId || e.target === userId));
    after = page[page.length - 1].n;
  }
  const d = directory[0];
  return {
    tenantId,
    userId,
    generatedAt: new Date().toISOString(),
    directory: d
      ? {
          username: d.username,
          displayName: d.display_name,
          firstSeenAt: iso(d.first_seen_at),
          lastSeenAt: iso(d.last_seen_at),
        }
      : null,
    memberships: memberships.map((m) => ({ projectId: m.project_id, access: m.access })),
    versionsAuthored: versions.map((v) => ({
      projectId: v.project_id,
      version: Number(v.version),
      size_bytes: Number(v.size_bytes),
      createdAt: iso(v.created_at),
    })),
    wrappedKeys: keys.map((k) => ({
      keyId: k.key_id,
      size_bytes: Number(k.size_bytes),
      createdAt: iso(k.created_at),
      updatedAt: iso(k.updated_at),
    })),
    auditEntries: audit.map((e) => ({
      n: e.n,
      at: e.at,
      actorId: e.actorId,
      action: e.action,
      target: e.target,
      outcome: e.outcome,
      details: e.details,
    })),
    notHeld:
      'Project contents are end-to-end encrypted; the server holds ciphertext only and cannot export them. ' +
      'The desktop app exports projects as files.',
  };
}
