/**
 * Sharing: the member list, the per-tenant user directory that lets colleagues find each other,
 * leaving a project, and who may do what (ReadOnly reads the list but never shares).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListMembersResponse, ListProjectsResponse, SearchUsersResponse } from '../../contracts';
import { readAudit } from './audit';
import { API_AUDIENCE } from './testing/entra';
import { envelope, startTestServer, TENANT_A, TENANT_B, type TestServer } from './testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

/**
 * A token of a named person (Entra access tokens carry preferred_username and name), signed with
 * the identity provider's real key and verified by the server against its JWKS.
 */
async function person(
  tid: string,
  oid: string,
  username: string,
  name: string,
  roles: string[] = [],
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return s.entra.signWithProviderKey({
    iss: `${s.entra.baseUrl}/${tid}/v2.0`,
    aud: API_AUDIENCE,
    tid,
    oid,
    roles,
    amr: ['pwd'],
    preferred_username: username,
    name,
    scp: 'access_as_user',
    iat: now,
    exp: now + 600,
  });
}

async function create(token: string, id: string) {
  const res = await s.call('PUT', `/v1/projects/${id}`, {
    token,
    body: { envelope: envelope() },
    headers: { 'if-none-match': '*' },
  });
  expect(res.status).toBe(201);
}

async function search(token: string, query: string): Promise<SearchUsersResponse['users']> {
  const res = await s.call('GET', `/v1/users?query=${encodeURIComponent(query)}`, { token });
  expect(res.status, query).toBe(200);
  return ((await res.json()) as SearchUsersResponse).users;
}

async function members(token: string, id: string) {
  const res = await s.call('GET', `/v1/projects/${id}/members`, { token });
  return { status: res.status, members: res.ok ? ((await res.json()) as ListMembersResponse).members : [] };
}

describe('user directory', () => {
  it('remembers who signed in (oid, username, name) and finds them by prefix within the tenant only', async () => {
    const anna = await person(TENANT_A, 'a-anna', 'anna.schmidt@stadtwerk.example', 'Anna Schmidt');
    const jan = await person(TENANT_A, 'a-jan', 'jan.mueller@stadtwerk.example', 'Jan Müller');
    const anton = await person(TENANT_B, 'b-anton', 'anton.berg@ingbuero.example', 'Anton Berg');
    for (const t of [anna, jan, anton])
      expect((await s.call('GET', '/v1/projects', { token: t })).status).toBe(200);

    // Prefix of the username, of the first name, of the surname; case-insensitive.
    expect(await search(jan, 'anna.s')).toEqual([
      { userId: 'a-anna', username: 'anna.schmidt@stadtwerk.example', displayName: 'Anna Schmidt' },
    ]);
    expect((await search(jan, 'SCHM')).map((u) => u.userId)).toEqual(['a-anna']);
    expect((await search(anna, 'mül')).map((u) => u.userId)).toEqual(['a-jan']);
    // "an" matches Anna (tenant A) and Anton (tenant B): each tenant sees only its own.
    expect((await search(jan, 'an')).map((u) => u.userId)).toEqual(['a-anna']);
    expect((await search(anton, 'an')).map((u) => u.userId)).toEqual(['b-anton']);
    expect(await search(anton, 'anna')).toEqual([]);
    expect(await search(anton, 'a-anna')).toEqual([]);
    // An exact object id is found too (Administrators read them in the audit log).
    expect((await search(jan, 'A-ANNA')).map((u) => u.userId)).toEqual(['a-anna']);
    // LIKE wildcards are literal characters, not patterns.
    expect(await search(jan, '%%')).toEqual([]);
    expect(await search(jan, 'a_na')).toEqual([]);

    // The rows themselves are tenant-scoped by row-level security.
    const rowsB = await s.db.tenant(TENANT_B, (sql) =>
      sql.query<{ user_id: string }>(`SELECT user_id FROM user_directory`),
    );
    expect(rowsB.map((r) => r.user_id)).toEqual(['b-anton']);
  });

  it('refuses too short or too long queries and unknown parameters; returns at most 20', async () => {
    const t = await person(TENANT_A, 'a-many-0', 'zz-0@x.example', 'Zacharias Zander 0');
    expect((await s.call('GET', '/v1/users?query=z', { token: t })).status).toBe(400);
    expect((await s.call('GET', '/v1/users?query=%20z%20', { token: t })).status).toBe(400);
    expect((await s.call('GET', `/v1/users?query=${'z'.repeat(65)}`, { token: t })).status).toBe(400);
    expect((await s.call('GET', '/v1/users', { token: t })).status).toBe(400);
    expect((await s.call('GET', '/v1/users?query=zz&x=1', { token: t })).status).toBe(400);
    expect((await s.call('GET', '/v1/users?query=zz')).status).toBe(401);
    for (let i = 0; i < 25; i++) {
      const u = await person(TENANT_A, `a-many-${i}`, `zz-${i}@x.example`, `Zacharias Zander ${i}`);
      expect((await s.call('GET', '/v1/keys', { token: u })).status).toBe(200);
    }
    const found = await search(t, 'zz-');
    expect(found).toHaveLength(20);
    expect(new Set(found.map((u) => u.userId)).size).toBe(20);
  });

  it('ReadOnly and Support may not browse the directory (403, audited)', async () => {
    const reader = await s.token(TENANT_A, 'reader');
    const support = await s.token(TENANT_A, 'support');
    expect((await s.call('GET', '/v1/users?query=an', { token: reader })).status).toBe(403);
    expect((await s.call('GET', '/v1/users?query=an', { token: support })).status).toBe(403);
    const audit = await s.db.tenant(TENANT_A, (sql) => readAudit(sql, TENANT_A));
    const refusals = audit.filter((e) => e.action === 'access.denied' && e.target === 'users');
    expect(refusals.map((e) => e.actorId).sort()).toEqual(
      [s.entra.oidOf(TENANT_A, 'reader'), s.entra.oidOf(TENANT_A, 'support')].sort(),
    );
  });
});

describe('members', () => {
  it('lists members with access and names; members and ReadOnly read it, non-members do not', async () => {
    const owner = await person(TENANT_A, 'a-owner', 'olga.owner@stadtwerk.example', 'Olga Owner');
    const editor = await person(TENANT_A, 'a-editor', 'emil.editor@stadtwerk.example', 'Emil Editor');
    const reader = await s.token(TENANT_A, 'reader');
    const readerId = s.entra.oidOf(TENANT_A, 'reader');
    const outsider = await s.token(TENANT_A, 'bob');
    await s.call('GET', '/v1/projects', { token: editor }); // signs in once: now in the directory
    await create(owner, 'p-members');
    for (const [oid, access] of [
      ['a-editor', 'editor'],
      [readerId, 'viewer'],
    ] as const)
      expect(
        (await s.call('PUT', `/v1/projects/p-members/members/${oid}`, { token: owner, body: { access } }))
          .status,
      ).toBe(200);

    const list = await members(owner, 'p-members');
    expect(list.status).toBe(200);
    expect(list.members).toEqual([
      {
        userId: 'a-owner',
        access: 'owner',
        displayName: 'Olga Owner',
        username: 'olga.owner@stadtwerk.example',
      },
      {
        userId: 'a-editor',
        access: 'editor',
        displayName: 'Emil Editor',
        username: 'emil.editor@stadtwerk.example',
      },
      // The persona's token carries no name: the member is listed by object id only.
      { userId: readerId, access: 'viewer' },
    ]);
    expect((await members(editor, 'p-members')).members).toHaveLength(3);
    expect((await members(reader, 'p-members')).status).toBe(200);
    expect((await members(outsider, 'p-members')).status).toBe(403);
    expect((await members(await s.token(TENANT_A, 'support'), 'p-members')).status).toBe(200);
    expect((await members(owner, 'p-nothing-here')).status).toBe(404);
    // Another tenant's project id looks exactly like a missing one.
    expect((await members(await s.token(TENANT_B, 'alice'), 'p-members')).status).toBe(404);

    // The list of projects carries the caller's own access.
    const mine = (await (
      await s.call('GET', '/v1/projects', { token: editor })
    ).json()) as ListProjectsResponse;
    expect(mine.projects.find((p) => p.id === 'p-members')?.access).toBe('editor');
    const admin = await s.token(TENANT_A, 'admin');
    const all = (await (
      await s.call('GET', '/v1/projects', { token: admin })
    ).json()) as ListProjectsResponse;
    expect(all.projects.find((p) => p.id === 'p-members')?.access).toBeNull();

    // ReadOnly reads but never shares or unshares, not even as a member.
    expect(
      (
        await s.call('PUT', `/v1/projects/p-members/members/${s.entra.oidOf(TENANT_A, 'bob')}`, {
          token: reader,
          body: { access: 'viewer' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await s.call('DELETE', '/v1/projects/p-members/members/a-editor', { token: reader })).status,
    ).toBe(403);
    // An editor neither shares nor removes others.
    expect(
      (
        await s.call('PUT', `/v1/projects/p-members/members/${s.entra.oidOf(TENANT_A, 'bob')}`, {
          token: editor,
          body: { access: 'viewer' },
        })
      ).status,
    ).toBe(403);
    expect((await members(owner, 'p-members')).members).toHaveLength(3);
  });

  it('share, role change, unshare and leave are audited; the last owner can neither leave nor be demoted', async () => {
    const owner = await person(TENANT_A, 'a-own2', 'ole@stadtwerk.example', 'Ole Owner');
    const reader = await s.token(TENANT_A, 'reader');
    const readerId = s.entra.oidOf(TENANT_A, 'reader');
    const bobId = s.entra.oidOf(TENANT_A, 'bob');
    const bob = await s.token(TENANT_A, 'bob');
    await create(owner, 'p-audit');
    const put = (token: string, oid: string, access: string) =>
      s.call('PUT', `/v1/projects/p-audit/members/${oid}`, { token, body: { access } });
    const del = (token: string, oid: string) =>
      s.call('DELETE', `/v1/projects/p-audit/members/${oid}`, { token });

    expect((await put(owner, bobId, 'viewer')).status).toBe(200);
    expect((await put(owner, bobId, 'editor')).status).toBe(200);
    expect((await del(owner, bobId)).status).toBe(204);
    expect((await s.call('GET', '/v1/projects/p-audit', { token: bob })).status).toBe(403);
    // Leaving: a ReadOnly viewer removes their own membership (lowering one's own access).
    expect((await put(owner, readerId, 'viewer')).status).toBe(200);
    expect((await del(reader, readerId)).status).toBe(204);
    expect((await del(reader, readerId)).status).toBe(404);
    expect((await members(owner, 'p-audit')).members.map((m) => m.userId)).toEqual(['a-own2']);

    // The only owner stays: no leaving, no demotion (even by an Administrator with MFA).
    const last = await del(owner, 'a-own2');
    expect(last.status).toBe(409);
    expect(((await last.json()) as { error: string }).error).toBe('last_owner');
    const admin = await s.token(TENANT_A, 'admin');
    expect((await put(admin, 'a-own2', 'editor')).status).toBe(409);
    // With a second owner the first may leave.
    expect((await put(owner, bobId, 'owner')).status).toBe(200);
    expect((await del(owner, 'a-own2')).status).toBe(204);
    expect((await members(bob, 'p-audit')).members).toEqual([
      // Bob's token carries his names (server/src/testing/entra.ts), so the directory knows them.
      { userId: bobId, access: 'owner', displayName: 'Bob Weber', username: 'bob.weber@stadtwerke.example' },
    ]);

    const audit = await s.db.tenant(TENANT_A, (sql) => readAudit(sql, TENANT_A));
    const trail = audit
      .filter((e) => e.target?.startsWith('p-audit/'))
      .map((e) => [e.action, e.target!.slice('p-audit/'.length), JSON.parse(e.details) as object]);
    expect(trail).toEqual([
      ['project.share', bobId, { from: null, to: 'viewer' }],
      ['project.role-change', bobId, { from: 'viewer', to: 'editor' }],
      ['project.unshare', bobId, { from: 'editor', leave: false }],
      ['project.share', readerId, { from: null, to: 'viewer' }],
      ['project.unshare', readerId, { from: 'viewer', leave: true }],
      ['project.share', bobId, { from: null, to: 'owner' }],
      ['project.unshare', 'a-own2', { from: 'owner', leave: true }],
    ]);
    for (const e of audit) expect(JSON.stringify(e)).not.toContain('Ole Owner');
  });
});
