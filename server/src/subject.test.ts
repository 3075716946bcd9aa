import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectExport } from '../../contracts';
import { envelope, startTestServer, TENANT_A, type TestServer } from './testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('data-subject access export (GDPR Art. 15)', () => {
  it('gives the caller everything the server holds about them, and nothing of others', async () => {
    const alice = await s.token(TENANT_A, 'alice');
    const bob = await s.token(TENANT_A, 'bob');
    const created = await s.call('PUT', '/v1/projects/p-subject', {
      token: alice,
      body: { envelope: envelope(300) },
      headers: { 'if-none-match': '*' },
    });
    expect(created.status).toBe(201);
    const res = await s.call('GET', '/v1/me/export', { token: alice });
    expect(res.status).toBe(200);
    const data = (await res.json()) as SubjectExport;
    const aliceId = s.entra.oidOf(TENANT_A, 'alice');
    expect(data).toMatchObject({ tenantId: TENANT_A, userId: aliceId });
    expect(data.directory).toMatchObject({
      displayName: 'Alice Schmidt',
      username: 'alice.schmidt@stadtwerke.example',
    });
    expect(data.memberships).toContainEqual({ projectId: 'p-subject', access: 'owner' });
    expect(data.versionsAuthored).toContainEqual(
      expect.objectContaining({ projectId: 'p-subject', version: 1 }) as unknown,
    );
    expect(data.auditEntries.some((e) => e.action === 'project.create' && e.actorId === aliceId)).toBe(true);
    expect(data.auditEntries.every((e) => e.actorId === aliceId || e.target === aliceId)).toBe(true);
    // The export itself is audited.
    const again = (await (await s.call('GET', '/v1/me/export', { token: alice })).json()) as SubjectExport;
    expect(again.auditEntries.some((e) => e.action === 'subject.export')).toBe(true);
    // Contents are ciphertext the server cannot read: not in the export.
    expect(JSON.stringify(data)).not.toContain('ciphertext_b64');
    expect(JSON.stringify(data)).not.toContain('wrappedKey_b64');

    const bobs = (await (await s.call('GET', '/v1/me/export', { token: bob })).json()) as SubjectExport;
    expect(bobs.memberships.some((m) => m.projectId === 'p-subject')).toBe(false);
    expect(JSON.stringify(bobs)).not.toContain('Alice Schmidt');
  });

  it("lets an Administrator with MFA export a user's data; without MFA or the role it is refused", async () => {
    const aliceId = s.entra.oidOf(TENANT_A, 'alice');
    const url = `/v1/admin/users/${aliceId}/export`;
    const admin = await s.token(TENANT_A, 'admin');
    const res = await s.call('GET', url, { token: admin });
    expect(res.status).toBe(200);
    expect(((await res.json()) as SubjectExport).userId).toBe(aliceId);
    expect((await s.call('GET', url, { token: await s.token(TENANT_A, 'adminNoMfa') })).status).toBe(403);
    expect((await s.call('GET', url, { token: await s.token(TENANT_A, 'bob') })).status).toBe(403);
    expect((await s.call('GET', url, { token: await s.token(TENANT_A, 'reader') })).status).toBe(403);
  });
});
