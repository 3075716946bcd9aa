/**
 * Tenant isolation in the database itself: row-level security, FORCEd, evaluated for the app role
 * that every request runs as. These tests talk SQL directly, as a buggy handler would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, readAudit, verifyChain } from './audit';
import type { Db } from './db';
import { freshDatabase } from './testing/harness';

let db: Db;
let drop: () => Promise<void>;
const A = 'tenant-a';
const B = 'tenant-b';

beforeAll(async () => {
  const fresh = await freshDatabase();
  db = fresh.db;
  drop = async () => {
    await db.close();
    await fresh.drop();
  };
  for (const t of [A, B])
    await db.tenant(t, async (sql) => {
      await sql.query(
        `INSERT INTO projects (tenant_id, id, version, size_bytes, author_id) VALUES ($1, 'p1', 1, 3, 'u1')`,
        [t],
      );
      await sql.query(
        `INSERT INTO project_versions (tenant_id, project_id, version, size_bytes, author_id, envelope) VALUES ($1, 'p1', 1, 3, 'u1', $2)`,
        [t, Buffer.from(t)],
      );
      await sql.query(
        `INSERT INTO project_members (tenant_id, project_id, user_id, access) VALUES ($1, 'p1', 'u1', 'owner')`,
        [t],
      );
      await sql.query(
        `INSERT INTO wrapped_keys (tenant_id, key_id, owner_id, size_bytes, envelope) VALUES ($1, 'k', 'u1', 1, $2)`,
        [t, Buffer.from('k')],
      );
      await sql.query(
        `INSERT INTO user_directory (tenant_id, user_id, username, display_name) VALUES ($1, 'u1', $2, 'U One')`,
        [t, `u1@${t}.example`],
      );
      await appendAudit(sql, t, { actorId: 'u1', action: 'project.create', target: 'p1', outcome: 'ok' });
      await sql.query(`INSERT INTO audit_checkpoints (tenant_id, n, hash, at) VALUES ($1, 0, $2, $3)`, [
        t,
        '0'.repeat(64),
        new Date().toISOString(),
      ]);
    });
});
afterAll(async () => {
  await drop?.();
});

const tables = [
  'projects',
  'project_versions',
  'project_members',
  'wrapped_keys',
  'audit_log',
  'audit_heads',
  'user_directory',
  'audit_checkpoints',
];

describe('row-level security', () => {
  it('runs requests as a role that is neither superuser nor exempt from row-level security', async () => {
    const [role] = await db.tenant(A, (sql) =>
      sql.query<{ rolsuper: boolean; rolbypassrls: boolean; name: string }>(
        `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
      ),
    );
    expect(role).toEqual({ name: 'werkplan_app', rolsuper: false, rolbypassrls: false });
    const forced = await db.owner((sql) =>
      sql.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
        `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
        [tables],
      ),
    );
    expect(forced).toHaveLength(tables.length);
    for (const t of forced)
      expect(t, t.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('a query without a tenant filter (a handler bug) sees only its own tenant', async () => {
    for (const table of tables) {
      const rows = await db.tenant(A, (sql) =>
        sql.query<{ tenant_id: string }>(`SELECT tenant_id FROM ${table}`),
      );
      expect(rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.tenant_id)), table).toEqual(new Set([A]));
    }
    const blobs = await db.tenant(B, (sql) =>
      sql.query<{ envelope: Uint8Array }>(`SELECT envelope FROM project_versions`),
    );
    expect(blobs.map((b) => Buffer.from(b.envelope).toString())).toEqual([B]);
  });

  it('a transaction without the tenant setting sees nothing at all', async () => {
    for (const table of tables) {
      const rows = await db.unscoped((sql) => sql.query(`SELECT * FROM ${table}`));
      expect(rows, table).toEqual([]);
    }
  });

  it("cannot write, update or delete another tenant's rows", async () => {
    await expect(
      db.tenant(B, (sql) =>
        sql.query(
          `INSERT INTO projects (tenant_id, id, version, size_bytes, author_id) VALUES ($1, 'evil', 1, 1, 'x')`,
          [A],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await db.tenant(B, (sql) =>
      sql.query(`UPDATE projects SET version = 99 WHERE tenant_id = $1 RETURNING id`, [A]),
    );
    expect(updated).toEqual([]);
    const deleted = await db.tenant(B, (sql) =>
      sql.query(`DELETE FROM project_versions WHERE tenant_id = $1 RETURNING 1`, [A]),
    );
    expect(deleted).toEqual([]);
    // Moving one's own row into another tenant is refused too.
    await expect(db.tenant(B, (sql) => sql.query(`UPDATE projects SET tenant_id = $1`, [A]))).rejects.toThrow(
      /row-level security/,
    );
    const a = await db.tenant(A, (sql) => sql.query<{ version: number }>(`SELECT version FROM projects`));
    expect(a.map((r) => Number(r.version))).toEqual([1]);
    // The user directory likewise: no planting a colleague into another tenant, no renaming theirs.
    await expect(
      db.tenant(B, (sql) =>
        sql.query(`INSERT INTO user_directory (tenant_id, user_id, display_name) VALUES ($1, 'spy', 'Spy')`, [
          A,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const renamed = await db.tenant(B, (sql) =>
      sql.query(`UPDATE user_directory SET display_name = 'x' WHERE tenant_id = $1 RETURNING 1`, [A]),
    );
    expect(renamed).toEqual([]);
    const names = await db.tenant(A, (sql) =>
      sql.query<{ username: string }>(`SELECT username FROM user_directory`),
    );
    expect(names).toEqual([{ username: `u1@${A}.example` }]);
  });
});

describe('audit log', () => {
  it('is append-only for everyone, the table owner included', async () => {
    await expect(db.tenant(A, (sql) => sql.query(`UPDATE audit_log SET action = 'x'`))).rejects.toThrow();
    await expect(db.tenant(A, (sql) => sql.query(`DELETE FROM audit_log`))).rejects.toThrow();
    await expect(db.owner((sql) => sql.query(`UPDATE audit_log SET action = 'x'`))).rejects.toThrow(
      /append-only/,
    );
    await expect(db.owner((sql) => sql.query(`DELETE FROM audit_log`))).rejects.toThrow(/append-only/);
    await expect(db.owner((sql) => sql.query(`TRUNCATE audit_log`))).rejects.toThrow(/append-only/);
  });

  it('is a hash chain: tampering by someone who bypasses the triggers is detected', async () => {
    for (let i = 0; i < 3; i++)
      await db.tenant(A, (sql) =>
        appendAudit(sql, A, { actorId: 'u1', action: 'project.update', target: 'p1', outcome: 'ok' }),
      );
    const entries = await db.tenant(A, (sql) => readAudit(sql, A));
    expect(entries.map((e) => e.n)).toEqual([1, 2, 3, 4]);
    expect(verifyChain(entries)).toEqual({ ok: true });
    expect(verifyChain(entries.filter((e) => e.n !== 2))).toEqual({ ok: false, brokenAt: 3 });
    // A database administrator rewrites history with the triggers off.
    await db.owner(async (sql) => {
      await sql.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
      await sql.query(`UPDATE audit_log SET actor_id = 'someone-else' WHERE tenant_id = $1 AND n = 3`, [A]);
      await sql.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    });
    const tampered = await db.tenant(A, (sql) => readAudit(sql, A));
    expect(verifyChain(tampered)).toEqual({ ok: false, brokenAt: 3 });
  });
});

describe('migrations', () => {
  it('are recorded and applied once', async () => {
    expect(await db.migrate()).toBe(0);
    const rows = await db.owner((sql) =>
      sql.query<{ version: number }>(`SELECT version FROM schema_migrations ORDER BY version`),
    );
    expect(rows.map((r) => Number(r.version))).toEqual([1, 2, 3]);
  });
});
