import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, BlobMeta } from '../../contracts';
import { appendAudit, readAudit, verifyChain } from './audit';
import { readCheckpoint, runRetention, type RetentionPolicy } from './retention';
import { envelope, startTestServer, TENANT_A, TENANT_B, type TestServer } from './testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const DAY = 24 * 3600 * 1000;
const policy: RetentionPolicy = { versionsKeep: 2, versionDays: 1, auditDays: 365, directoryDays: 30 };

describe('retention enforced by the server', () => {
  it('removes old project versions beyond the newest ones kept; the current one always stays', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    let version = 0;
    for (let i = 0; i < 6; i++) {
      const res = await s.call('PUT', '/v1/projects/p-retention', {
        token: alice,
        body: { envelope: envelope(100 + i) },
        headers: version ? { 'if-match': `"${version}"` } : { 'if-none-match': '*' },
      });
      version = ((await res.json()) as { meta: BlobMeta }).meta.version;
    }
    const later = new Date(Date.now() + 2 * DAY);
    const result = await runRetention(s.db, TENANT_A, policy, later);
    expect(result.versions).toBe(4);
    const list = (await (
      await s.call('GET', '/v1/projects/p-retention/versions', { token: alice })
    ).json()) as {
      versions: BlobMeta[];
    };
    expect(list.versions.map((v) => v.version).sort()).toEqual([5, 6]);
    const audit = await s.db.tenant(TENANT_A, (sql) => readAudit(sql, TENANT_A, 0, 10_000));
    expect(audit.at(-1)).toMatchObject({ action: 'retention.run', outcome: 'ok' });
    // Young versions stay: a run "now" removes nothing more.
    expect((await runRetention(s.db, TENANT_A, policy)).versions).toBe(0);
  });

  it('prunes old audit entries and keeps the chain verifiable from the checkpoint; tampering still shows', async () => {
    const old = new Date(Date.now() - 400 * DAY);
    await s.db.tenant(TENANT_B, async (sql) => {
      for (let i = 0; i < 5; i++)
        await appendAudit(
          sql,
          TENANT_B,
          { actorId: 'o1', action: 'project.read', target: `p${i}`, outcome: 'ok' },
          old,
        );
      for (let i = 0; i < 2; i++)
        await appendAudit(sql, TENANT_B, {
          actorId: 'o1',
          action: 'project.read',
          target: `q${i}`,
          outcome: 'ok',
        });
    });
    const before = await s.db.tenant(TENANT_B, (sql) => readAudit(sql, TENANT_B, 0, 10_000));
    const result = await runRetention(s.db, TENANT_B, policy);
    expect(result.auditEntries).toBe(5);
    const checkpoint = await s.db.tenant(TENANT_B, (sql) => readCheckpoint(sql, TENANT_B));
    const fifth = before.find((e) => e.n === 5)!;
    expect(checkpoint).toEqual({ n: 5, hash: fifth.hash });
    const after = await s.db.tenant(TENANT_B, (sql) => readAudit(sql, TENANT_B, 0, 10_000));
    expect(after[0].n).toBe(6);
    expect(verifyChain(after, checkpoint)).toEqual({ ok: true });
    // Without the checkpoint the shortened chain does not verify from the genesis.
    expect(verifyChain(after).ok).toBe(false);
    // A changed entry after pruning, or a forged checkpoint, is still found.
    const tampered: AuditEntry[] = after.map((e) => (e.n === 7 ? { ...e, target: 'other' } : e));
    expect(verifyChain(tampered, checkpoint)).toEqual({ ok: false, brokenAt: 7 });
    expect(verifyChain(after, { n: 5, hash: '0'.repeat(64) })).toEqual({ ok: false, brokenAt: 6 });
  });

  it('refuses to delete audit entries beyond the checkpoint or younger than 30 days', async () => {
    await expect(
      s.db.tenant(TENANT_B, (sql) => sql.query(`DELETE FROM audit_log WHERE tenant_id = $1`, [TENANT_B])),
    ).rejects.toThrow(/append-only/);
  });

  it('removes directory entries of people long gone who hold nothing; members stay', async () => {
    await s.db.tenant(TENANT_A, (sql) =>
      sql.query(
        `INSERT INTO user_directory (tenant_id, user_id, username, display_name, first_seen_at, last_seen_at)
         VALUES ($1, 'gone-1', 'gone@x', 'Gone', $2, $2), ($1, $3, 'alice@x', 'Alice', $2, $2)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
        [TENANT_A, new Date(Date.now() - 100 * DAY), s.entra.oidOf(TENANT_A, 'alice')],
      ),
    );
    const result = await runRetention(s.db, TENANT_A, policy);
    expect(result.directoryEntries).toBe(1);
    const left = await s.db.tenant(TENANT_A, (sql) =>
      sql.query<{ user_id: string }>(`SELECT user_id FROM user_directory WHERE tenant_id = $1`, [TENANT_A]),
    );
    expect(left.map((r) => r.user_id)).toContain(s.entra.oidOf(TENANT_A, 'alice'));
    expect(left.map((r) => r.user_id)).not.toContain('gone-1');
  });
});
