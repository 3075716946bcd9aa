/** Erasure of a project, a user's data and a whole tenant: rows and blobs gone, audit entries remain. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit, verifyChain, type AuditEntry } from './audit';
import { envelope, startTestServer, TENANT_A, TENANT_B, type TestServer } from './testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

/** Rows of `tenant` in every content table that mention `needle` (project id, user id or blob bytes). */
async function traces(tenant: string, needle: string): Promise<Record<string, number>> {
  return s.db.tenant(tenant, async (sql) => {
    const q = async (text: string) => (await sql.query(text, [needle])).length;
    return {
      projects: await q(`SELECT 1 FROM projects WHERE id = $1 OR author_id = $1`),
      versions: await q(
        `SELECT 1 FROM project_versions WHERE project_id = $1 OR author_id = $1 OR position(convert_to($1, 'UTF8') in envelope) > 0`,
      ),
      members: await q(`SELECT 1 FROM project_members WHERE project_id = $1 OR user_id = $1`),
      keys: await q(
        `SELECT 1 FROM wrapped_keys WHERE owner_id = $1 OR position(convert_to($1, 'UTF8') in envelope) > 0`,
      ),
      directory: await q(`SELECT 1 FROM user_directory WHERE user_id = $1 OR username = $1`),
    };
  });
}
const none = { projects: 0, versions: 0, members: 0, keys: 0, directory: 0 };

async function create(token: string, id: string, e = envelope()) {
  const res = await s.call('PUT', `/v1/projects/${id}`, {
    token,
    body: { envelope: e },
    headers: { 'if-none-match': '*' },
  });
  expect(res.status).toBe(201);
  return e;
}

describe('erasure', () => {
  it('deletes a project with every version and membership; the audit keeps only ids and counts', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const e = await create(alice, 'p-del');
    await s.call('PUT', '/v1/projects/p-del', {
      token: alice,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect((await traces(TENANT_A, 'p-del')).versions).toBe(2);
    expect((await s.call('DELETE', '/v1/projects/p-del', { token: alice })).status).toBe(204);
    expect(await traces(TENANT_A, 'p-del')).toEqual(none);
    expect(await traces(TENANT_A, e.ciphertext_b64.slice(0, 40))).toEqual(none);
    expect((await s.call('GET', '/v1/projects/p-del', { token: alice })).status).toBe(404);
    expect((await s.call('GET', '/v1/projects/p-del/versions/1', { token: alice })).status).toBe(404);
    const audit = await s.db.tenant(TENANT_A, (sql) => readAudit(sql, TENANT_A));
    const del = audit.find((x) => x.action === 'project.delete' && x.target === 'p-del');
    expect(JSON.parse(del!.details)).toEqual({ projects: 1, versions: 2 });
    expect(JSON.stringify(audit)).not.toContain(e.ciphertext_b64.slice(0, 40));
  });

  it("erases a user's data: keys, memberships, projects they own alone; their author id elsewhere", async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const bob = await s.token(TENANT_A, 'bob');
    const admin = await s.token(TENANT_A, 'admin');
    const aliceId = s.entra.oidOf(TENANT_A, 'alice');
    const bobId = s.entra.oidOf(TENANT_A, 'bob');
    await create(alice, 'p-alice-only');
    await create(bob, 'p-team');
    await s.call('PUT', `/v1/projects/p-team/members/${aliceId}`, { token: bob, body: { access: 'editor' } });
    const w = await s.call('PUT', '/v1/projects/p-team', {
      token: alice,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(w.status).toBe(200);
    await s.call('PUT', '/v1/keys/team-key-1', { token: alice, body: { envelope: envelope(32) } });
    expect((await traces(TENANT_A, aliceId)).keys).toBe(1);
    // Signing in put her into the tenant's user directory.
    expect((await traces(TENANT_A, aliceId)).directory).toBe(1);

    const res = await s.call('DELETE', `/v1/admin/users/${aliceId}`, { token: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ projects: 1, keys: 1, memberships: 1, directory: 1 });
    expect(await traces(TENANT_A, aliceId)).toEqual(none);
    expect(await traces(TENANT_A, 'p-alice-only')).toEqual(none);
    const team = await s.call('GET', '/v1/projects/p-team/versions', { token: bob });
    const versions = ((await team.json()) as { versions: { authorId: string }[] }).versions;
    expect(versions.map((v) => v.authorId)).toEqual([bobId, 'erased']);
    // Bob is still in the directory; a search no longer finds Alice.
    expect((await traces(TENANT_A, bobId)).directory).toBe(1);
    const found = await s.call('GET', `/v1/users?query=${aliceId}`, { token: bob });
    expect(await found.json()).toEqual({ users: [] });
  });

  it('erases a whole tenant, only with confirmation; other tenants and the audit chain remain', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const admin = await s.token(TENANT_A, 'admin');
    const bAlice = await s.token(TENANT_B, 'alice');
    await create(alice, 'p-t1');
    await create(alice, 'p-t2');
    await create(bAlice, 'p-t1');
    await s.call('PUT', '/v1/keys/k1', { token: alice, body: { envelope: envelope(32) } });
    expect((await s.call('DELETE', '/v1/admin/tenant', { token: admin })).status).toBe(400);
    expect(
      (
        await s.call('DELETE', '/v1/admin/tenant', {
          token: admin,
          headers: { 'x-confirm-tenant': TENANT_B },
        })
      ).status,
    ).toBe(400);
    const inDirectory = (await s.db.tenant(TENANT_A, (sql) => sql.query(`SELECT 1 FROM user_directory`)))
      .length;
    expect(inDirectory).toBeGreaterThan(0);
    const res = await s.call('DELETE', '/v1/admin/tenant', {
      token: admin,
      headers: { 'x-confirm-tenant': TENANT_A },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ tenantId: TENANT_A, directory: inDirectory });
    const counts = await s.db.tenant(TENANT_A, async (sql) =>
      Promise.all(
        ['projects', 'project_versions', 'project_members', 'wrapped_keys', 'user_directory'].map(
          async (t) => (await sql.query(`SELECT 1 FROM ${t}`)).length,
        ),
      ),
    );
    expect(counts).toEqual([0, 0, 0, 0, 0]);
    // The other tenant's directory stays.
    const directoryB = await s.db.tenant(TENANT_B, (sql) => sql.query(`SELECT 1 FROM user_directory`));
    expect(directoryB.length).toBe(1);
    expect((await s.call('GET', '/v1/projects/p-t1', { token: bAlice })).status).toBe(200);

    const exp = await s.call('GET', '/v1/admin/audit/export', { token: admin });
    expect(exp.status).toBe(200);
    expect(exp.headers.get('x-audit-chain')).toBe('verified');
    const lines = (await exp.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(verifyChain(lines)).toEqual({ ok: true });
    expect(lines.some((l) => l.action === 'admin.tenant-erase')).toBe(true);
    expect(lines.some((l) => l.action === 'admin.user-erase')).toBe(true);
  });
});
