/**
 * Every endpoint of /v1 called with every role combination (issue #15): ReadOnly wins over every
 * other role, Administrator included, and all routes share one role resolution (effectiveRole).
 * The callers are not members of the projects they touch, so what they may do comes from the role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts';
import { effectiveRole } from './routes/common';
import { API_AUDIENCE } from './testing/entra';
import { envelope, startTestServer, TENANT_A, TENANT_B, type TestServer } from './testing/harness';

const COMBOS = {
  Administrator: ['Administrator'],
  Support: ['Support'],
  ReadOnly: ['ReadOnly'],
  'Administrator+ReadOnly': ['Administrator', 'ReadOnly'],
  none: [],
} as const satisfies Record<string, readonly Role[]>;
type Combo = keyof typeof COMBOS;
const ALL = Object.keys(COMBOS) as Combo[];

let s: TestServer;
let alice: string;
let bob: string;
beforeAll(async () => {
  s = await startTestServer();
  alice = await s.token(TENANT_A, 'alice');
  bob = s.entra.oidOf(TENANT_A, 'bob');
});
afterAll(async () => {
  await s?.close();
});

const slug = (c: Combo) => c.toLowerCase().replace('+', '-');
const oidOf = (c: Combo) => `roles-${slug(c)}`;

/** A delegated user token with MFA evidence and exactly these app roles. */
function tokenFor(c: Combo, tid = TENANT_A): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return s.entra.signWithProviderKey({
    iss: s.entra.issuerTemplate.replace('{tid}', tid),
    aud: API_AUDIENCE,
    tid,
    oid: oidOf(c),
    roles: [...COMBOS[c]],
    amr: ['pwd', 'mfa'],
    scp: 'access_as_user',
    iat: now,
    exp: now + 600,
  });
}

interface Row {
  name: string;
  allowed: Combo[];
  call(c: Combo, token: string): Promise<Response>;
  /** Default: allowed = 2xx, refused = 403. */
  judge?(res: Response, c: Combo): Promise<boolean>;
}

/** Alice's project for combination `c` (Bob is an editor); the caller is no member. */
const project = (c: Combo) => `r-${slug(c)}`;

const ROWS: Row[] = [
  {
    name: 'GET /v1/projects lists the whole tenant',
    allowed: ['Administrator', 'Support'],
    call: (_c, token) => s.call('GET', '/v1/projects', { token }),
    async judge(res, c) {
      expect(res.status).toBe(200);
      const { projects } = (await res.json()) as { projects: { id: string }[] };
      return projects.some((p) => p.id === project(c));
    },
  },
  {
    name: 'GET /v1/projects/:id',
    allowed: [],
    call: (c, token) => s.call('GET', `/v1/projects/${project(c)}`, { token }),
  },
  {
    name: 'GET /v1/projects/:id/versions',
    allowed: [],
    call: (c, token) => s.call('GET', `/v1/projects/${project(c)}/versions`, { token }),
  },
  {
    name: 'GET /v1/projects/:id/versions/:v',
    allowed: [],
    call: (c, token) => s.call('GET', `/v1/projects/${project(c)}/versions/1`, { token }),
  },
  {
    name: 'PUT /v1/projects/:id creates',
    allowed: ['Administrator', 'none'],
    call: (c, token) =>
      s.call('PUT', `/v1/projects/new-${slug(c)}`, {
        token,
        body: { envelope: envelope() },
        headers: { 'if-none-match': '*' },
      }),
  },
  {
    name: 'PUT /v1/projects/:id updates',
    allowed: [],
    call: (c, token) =>
      s.call('PUT', `/v1/projects/${project(c)}`, {
        token,
        body: { envelope: envelope() },
        headers: { 'if-match': '"1"' },
      }),
  },
  {
    name: 'GET /v1/projects/:id/members',
    allowed: ['Administrator', 'Support'],
    call: (c, token) => s.call('GET', `/v1/projects/${project(c)}/members`, { token }),
  },
  {
    name: 'PUT /v1/projects/:id/members/:oid',
    allowed: ['Administrator'],
    call: (c, token) =>
      s.call('PUT', `/v1/projects/${project(c)}/members/${bob}`, { token, body: { access: 'viewer' } }),
  },
  {
    name: 'DELETE /v1/projects/:id/members/:oid (unshare)',
    allowed: ['Administrator'],
    call: (c, token) => s.call('DELETE', `/v1/projects/${project(c)}/members/${bob}`, { token }),
  },
  {
    name: 'DELETE /v1/projects/:id/members/:own-oid (leave)',
    allowed: ALL,
    call: (c, token) => s.call('DELETE', `/v1/projects/l-${slug(c)}/members/${oidOf(c)}`, { token }),
  },
  {
    name: 'DELETE /v1/projects/:id',
    allowed: ['Administrator'],
    call: (c, token) => s.call('DELETE', `/v1/projects/${project(c)}`, { token }),
  },
  {
    name: 'GET /v1/users',
    allowed: ['Administrator', 'none'],
    call: (_c, token) => s.call('GET', '/v1/users?query=al', { token }),
  },
  {
    name: 'GET /v1/keys',
    allowed: ALL,
    call: (_c, token) => s.call('GET', '/v1/keys', { token }),
  },
  {
    name: 'PUT /v1/keys/:keyId',
    allowed: ALL,
    call: (_c, token) => s.call('PUT', '/v1/keys/team-key-1', { token, body: { envelope: envelope(64) } }),
  },
  {
    name: 'GET /v1/admin/audit',
    allowed: ['Administrator'],
    call: (_c, token) => s.call('GET', '/v1/admin/audit', { token }),
  },
  {
    name: 'GET /v1/admin/audit/export',
    allowed: ['Administrator'],
    call: (_c, token) => s.call('GET', '/v1/admin/audit/export', { token }),
  },
  {
    name: 'DELETE /v1/admin/users/:oid',
    allowed: ['Administrator'],
    call: (_c, token) => s.call('DELETE', '/v1/admin/users/someone-gone', { token }),
  },
  {
    name: 'DELETE /v1/admin/tenant',
    allowed: ['Administrator'],
    // In tenant B, which holds nothing the other rows need.
    call: async (c) =>
      s.call('DELETE', '/v1/admin/tenant', {
        token: await tokenFor(c, TENANT_B),
        headers: { 'x-confirm-tenant': TENANT_B },
      }),
  },
];

describe('effective role: ReadOnly always wins', () => {
  it.each([
    [['Administrator'], 'Administrator'],
    [['Support'], 'Support'],
    [['ReadOnly'], 'ReadOnly'],
    [['Administrator', 'ReadOnly'], 'ReadOnly'],
    [['ReadOnly', 'Administrator', 'Support'], 'ReadOnly'],
    [['Support', 'Administrator'], 'Administrator'],
    [[], 'member'],
  ] as [Role[], string][])('roles %j act as %s', (roles, expected) => {
    expect(effectiveRole(roles)).toBe(expected);
  });
});

describe.each(ALL)('every endpoint with roles %s', (combo) => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(combo);
    // Sign in once so the user exists; Alice owns both projects, Bob edits one, the caller views the other.
    expect((await s.call('GET', '/v1/keys', { token })).status).toBe(200);
    for (const id of [project(combo), `l-${slug(combo)}`]) {
      const res = await s.call('PUT', `/v1/projects/${id}`, {
        token: alice,
        body: { envelope: envelope() },
        headers: { 'if-none-match': '*' },
      });
      expect(res.status).toBe(201);
    }
    const shares: [string, string, string][] = [
      [project(combo), bob, 'editor'],
      [`l-${slug(combo)}`, oidOf(combo), 'viewer'],
    ];
    for (const [id, user, access] of shares) {
      const res = await s.call('PUT', `/v1/projects/${id}/members/${user}`, {
        token: alice,
        body: { access },
      });
      expect(res.status).toBe(200);
    }
  });

  const rows = ROWS.map(
    (r) => [`${r.name}: ${r.allowed.includes(combo) ? 'allowed' : 'refused'}`, r] as const,
  );
  it.each(rows)('%s', async (_name, row) => {
    const allowed = row.allowed.includes(combo);
    const res = await row.call(combo, token);
    if (row.judge) {
      expect(await row.judge(res, combo)).toBe(allowed);
      return;
    }
    if (allowed) expect(res.status, `${row.name} for ${combo}`).toBeLessThan(300);
    else expect(res.status, `${row.name} for ${combo}`).toBe(403);
  });
});
