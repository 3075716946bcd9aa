/**
 * Attack cases from issue #7: each is refused, and where relevant audited. Tokens come from the
 * real oidc-provider (testing/entra.ts) and are verified through its real JWKS endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, base64url, decodeJwt, exportJWK, generateKeyPair } from 'jose';
import { createHmac } from 'node:crypto';
import { readAudit } from './audit';
import { SYSTEM_TENANT } from './app';
import {
  envelope,
  LOOKALIKE_MOUNT,
  startTestServer,
  TENANT_A,
  TENANT_B,
  TENANT_C,
  type TestServer,
} from './testing/harness';
import { API_AUDIENCE } from './testing/entra';

let s: TestServer;
let alice: string;
beforeAll(async () => {
  s = await startTestServer();
  alice = await s.token(TENANT_A, 'alice');
  const created = await s.call('PUT', '/v1/projects/p-a', {
    token: alice,
    body: { envelope: envelope() },
    headers: { 'if-none-match': '*' },
  });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await s?.close();
});

const b64json = (v: unknown) => base64url.encode(JSON.stringify(v));

async function refusedReasons(tenant: string): Promise<string[]> {
  const entries = await s.db.tenant(tenant, (sql) => readAudit(sql, tenant));
  return entries
    .filter((e) => e.action === 'auth.refused')
    .map((e) => (JSON.parse(e.details) as { reason: string }).reason);
}

async function expect401(token: string | undefined): Promise<void> {
  const res = await s.call('GET', '/v1/projects/p-a', { token });
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toContain('Bearer');
  expect(((await res.json()) as { error: string }).error).toBe('unauthorized');
}

/** The valid token's claims, to forge variants. */
const claimsOf = (t: string) => decodeJwt(t);

describe('tokens that must be refused', () => {
  it('no token, and a token that is not a JWT', async () => {
    await expect401(undefined);
    const res = await s.call('GET', '/v1/projects', { headers: { authorization: 'Basic YWxpY2U6cHc=' } });
    expect(res.status).toBe(401);
  });

  it('unsigned: a valid header and payload with the signature stripped', async () => {
    const [h, p] = alice.split('.');
    await expect401(`${h}.${p}.`);
  });

  it('alg none', async () => {
    const forged = `${b64json({ alg: 'none', typ: 'JWT' })}.${b64json(claimsOf(alice))}.`;
    await expect401(forged);
    // Unverified: the tenant in the token is the caller's word, so the refusal goes to the system chain.
    expect(await refusedReasons(SYSTEM_TENANT)).toContain('algorithm');
    expect(await refusedReasons(TENANT_A)).not.toContain('algorithm');
  });

  it('HS256 signed with the public key as secret (algorithm confusion)', async () => {
    const jwks = (await (await fetch(s.entra.jwksUriTemplate.replace('{tid}', TENANT_A))).json()) as {
      keys: { n: string }[];
    };
    const head = b64json({ alg: 'HS256', typ: 'JWT', kid: 'werkplan-test-key' });
    const body = b64json(claimsOf(alice));
    const sig = createHmac('sha256', jwks.keys[0].n).update(`${head}.${body}`).digest('base64url');
    await expect401(`${head}.${body}.${sig}`);
  });

  it('wrong key: correct claims and kid, signed by a key that is not the tenant’s', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claimsOf(alice))
      .setProtectedHeader({ alg: 'RS256', kid: 'werkplan-test-key', typ: 'at+jwt' })
      .sign(privateKey);
    await expect401(forged);
    // And with an unknown kid, which must not make the server trust an embedded key.
    const { privateKey: k2, publicKey: p2 } = await generateKeyPair('RS256', { extractable: true });
    const embedded = await new SignJWT(claimsOf(alice))
      .setProtectedHeader({ alg: 'RS256', kid: 'attacker', jwk: await exportJWK(p2) })
      .sign(k2);
    await expect401(embedded);
    expect(await refusedReasons(SYSTEM_TENANT)).toContain('signature');
    expect(await refusedReasons(TENANT_A)).not.toContain('signature');
  });

  it('tampered payload: roles raised to Administrator under the original signature (role escalation)', async () => {
    const [h, , sig] = alice.split('.');
    const raised = { ...claimsOf(alice), roles: ['Administrator'], amr: ['mfa'] };
    await expect401(`${h}.${b64json(raised)}.${sig}`);
  });

  it('expired', async () => {
    const short = await s.token(TENANT_A, 'shortLived');
    expect((await s.call('GET', '/v1/projects', { token: short })).status).toBe(200);
    // Wait until the token's own exp has passed (whole seconds), however long the first call took.
    const exp_ms = (claimsOf(short).exp ?? 0) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, exp_ms - Date.now()) + 1_100));
    await expect401(short);
    expect(await refusedReasons(TENANT_A)).toContain('expired');
  });

  it('not yet valid: nbf in the future, signed with the real key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const valid = await s.entra.signWithProviderKey({ ...claimsOf(alice), iat: now, exp: now + 600 });
    expect((await s.call('GET', '/v1/projects', { token: valid })).status).toBe(200);
    await expect401(
      await s.entra.signWithProviderKey({ ...claimsOf(alice), iat: now, nbf: now + 300, exp: now + 900 }),
    );
    expect(await refusedReasons(TENANT_A)).toContain('claim:nbf');
  });

  it('wrong issuer: same keys and tenant id, issued by a look-alike issuer path', async () => {
    const t = await s.token(TENANT_A, 'alice', { mount: LOOKALIKE_MOUNT });
    expect(claimsOf(t).iss).toContain('lookalike');
    await expect401(t);
    expect(await refusedReasons(TENANT_A)).toContain('claim:iss');
  });

  it('wrong audience: a token for another API of the same tenant', async () => {
    const t = await s.token(TENANT_A, 'alice', { audience: 'api://some-other-api' });
    expect(claimsOf(t).aud).toBe('api://some-other-api');
    await expect401(t);
    expect(await refusedReasons(TENANT_A)).toContain('claim:aud');
  });

  it('other tenant: a valid token of a tenant that is not on the allow list (audited in the system chain)', async () => {
    const t = await s.token(TENANT_C, 'admin');
    expect(claimsOf(t).aud).toBe(API_AUDIENCE);
    await expect401(t);
    expect(await refusedReasons(SYSTEM_TENANT)).toContain('tenant');
  });
});

describe('authorisation', () => {
  it('Read-Only cannot create, update or delete (audited)', async () => {
    const reader = await s.token(TENANT_A, 'reader');
    const admin = await s.token(TENANT_A, 'admin');
    await s.call('PUT', `/v1/projects/p-a/members/${s.entra.oidOf(TENANT_A, 'reader')}`, {
      token: alice,
      body: { access: 'editor' },
    });
    const create = await s.call('PUT', '/v1/projects/p-ro', {
      token: reader,
      body: { envelope: envelope() },
      headers: { 'if-none-match': '*' },
    });
    expect(create.status).toBe(403);
    const update = await s.call('PUT', '/v1/projects/p-a', {
      token: reader,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(update.status).toBe(403);
    expect((await s.call('DELETE', '/v1/projects/p-a', { token: reader })).status).toBe(403);
    expect((await s.call('GET', '/v1/projects/p-a', { token: reader })).status).toBe(200);
    const audit = (await (await s.call('GET', '/v1/admin/audit', { token: admin })).json()) as {
      entries: { action: string; actorId: string; details: string }[];
    };
    const denied = audit.entries.filter(
      (e) => e.action === 'access.denied' && e.actorId === s.entra.oidOf(TENANT_A, 'reader'),
    );
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it('role escalation: a member cannot raise their own access, and non-admins reach no admin endpoint', async () => {
    const bob = await s.token(TENANT_A, 'bob');
    const bobId = s.entra.oidOf(TENANT_A, 'bob');
    await s.call('PUT', `/v1/projects/p-a/members/${bobId}`, { token: alice, body: { access: 'viewer' } });
    const raise = await s.call('PUT', `/v1/projects/p-a/members/${bobId}`, {
      token: bob,
      body: { access: 'owner' },
    });
    expect(raise.status).toBe(403);
    const write = await s.call('PUT', '/v1/projects/p-a', {
      token: bob,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(write.status).toBe(403);
    for (const persona of ['bob', 'reader', 'support'] as const) {
      const t = await s.token(TENANT_A, persona);
      expect((await s.call('GET', '/v1/admin/audit', { token: t })).status).toBe(403);
      expect(
        (await s.call('DELETE', '/v1/admin/tenant', { token: t, headers: { 'x-confirm-tenant': TENANT_A } }))
          .status,
      ).toBe(403);
    }
    // The owner cannot make themselves more than owner, nor can a member make the owner a viewer.
    const demote = await s.call('PUT', `/v1/projects/p-a/members/${s.entra.oidOf(TENANT_A, 'alice')}`, {
      token: bob,
      body: { access: 'viewer' },
    });
    expect(demote.status).toBe(403);
  });

  it('an Administrator without MFA evidence is refused every administrative action (audited)', async () => {
    const noMfa = await s.token(TENANT_A, 'adminNoMfa');
    for (const [method, path] of [
      ['GET', '/v1/admin/audit'],
      ['GET', '/v1/admin/audit/export'],
      ['DELETE', `/v1/admin/users/${s.entra.oidOf(TENANT_A, 'bob')}`],
      ['DELETE', '/v1/admin/tenant'],
      ['DELETE', '/v1/projects/p-a'],
    ] as const) {
      const res = await s.call(method, path, { token: noMfa, headers: { 'x-confirm-tenant': TENANT_A } });
      expect(res.status, `${method} ${path}`).toBe(403);
      // A step-up challenge as Entra issues it for the authentication context c1 (AUTH_MFA_ACRS).
      const body = (await res.json()) as { error: string; claims?: string };
      expect(body.error).toBe('mfa_required');
      expect(JSON.parse(Buffer.from(body.claims!, 'base64').toString())).toEqual({
        access_token: { acrs: { essential: true, value: 'c1' } },
      });
      expect(res.headers.get('www-authenticate')).toBe(
        `Bearer error="insufficient_claims", claims="${body.claims}"`,
      );
    }
    expect((await s.call('GET', '/v1/projects/p-a', { token: alice })).status).toBe(200);
    const entries = await s.db.tenant(TENANT_A, (sql) => readAudit(sql, TENANT_A));
    const mfaDenials = entries.filter(
      (e) => e.action === 'access.denied' && (JSON.parse(e.details) as { why?: string }).why === 'mfa',
    );
    expect(mfaDenials.length).toBe(5);
  });
});

describe('cross-tenant access by id', () => {
  it('tenant B can neither read, overwrite, delete, share nor list tenant A’s project', async () => {
    const bAdmin = await s.token(TENANT_B, 'admin');
    const bAlice = await s.token(TENANT_B, 'alice');
    expect((await s.call('GET', '/v1/projects/p-a', { token: bAdmin })).status).toBe(404);
    expect((await s.call('GET', '/v1/projects/p-a/versions/1', { token: bAdmin })).status).toBe(404);
    const overwrite = await s.call('PUT', '/v1/projects/p-a', {
      token: bAlice,
      body: { envelope: envelope() },
      headers: { 'if-match': '"1"' },
    });
    expect(overwrite.status).toBe(404);
    expect((await s.call('DELETE', '/v1/projects/p-a', { token: bAdmin })).status).toBe(404);
    expect(
      (await s.call('PUT', `/v1/projects/p-a/members/x`, { token: bAdmin, body: { access: 'owner' } }))
        .status,
    ).toBe(404);
    const list = (await (await s.call('GET', '/v1/projects', { token: bAdmin })).json()) as {
      projects: unknown[];
    };
    expect(list.projects).toEqual([]);
    // Creating the same id in B is B's own project; A's stays untouched.
    const own = await s.call('PUT', '/v1/projects/p-a', {
      token: bAlice,
      body: { envelope: envelope() },
      headers: { 'if-none-match': '*' },
    });
    expect(own.status).toBe(201);
    const a = (await (await s.call('GET', '/v1/projects/p-a', { token: alice })).json()) as {
      meta: { tenantId: string; authorId: string };
    };
    expect(a.meta.tenantId).toBe(TENANT_A);
    expect(a.meta.authorId).toBe(s.entra.oidOf(TENANT_A, 'alice'));
    // B's tenant erasure leaves A intact.
    const erase = await s.call('DELETE', '/v1/admin/tenant', {
      token: bAdmin,
      headers: { 'x-confirm-tenant': TENANT_B },
    });
    expect(erase.status).toBe(200);
    expect((await s.call('GET', '/v1/projects/p-a', { token: alice })).status).toBe(200);
  });
});

describe('payloads', () => {
  it('refuses oversized bodies with 413', async () => {
    const big = envelope(900 * 1024); // base64 of 900 KiB > 1 MiB test limit
    const res = await s.call('PUT', '/v1/projects/p-big', {
      token: alice,
      body: { envelope: big },
      headers: { 'if-none-match': '*' },
    });
    expect(res.status).toBe(413);
    expect((await s.call('GET', '/v1/projects/p-big', { token: alice })).status).toBe(404);
  });

  it('refuses malformed JSON, wrong shapes, extra fields, bad ids and other media types with 4xx', async () => {
    const put = (body: unknown, id = 'p-bad', headers: Record<string, string> = {}) =>
      s.call('PUT', `/v1/projects/${id}`, {
        token: alice,
        body,
        headers: { 'if-none-match': '*', ...headers },
      });
    expect((await put('{"envelope": ')).status).toBe(400);
    expect((await put({})).status).toBe(400);
    expect((await put({ envelope: { ...envelope(), alg: 'AES-128-CBC' } })).status).toBe(400);
    expect((await put({ envelope: { ...envelope(), plaintext: 'Projekt Stadtwerk' } })).status).toBe(400);
    expect((await put({ envelope: { ...envelope(), ciphertext_b64: 'not base64 !' } })).status).toBe(400);
    expect((await put({ envelope: envelope() }, '..%2Fetc')).status).toBe(400);
    expect((await put({ envelope: envelope() }, 'x'.repeat(129))).status).toBe(400);
    expect((await put('<xml/>', 'p-bad', { 'content-type': 'application/xml' })).status).toBe(415);
    expect((await s.call('GET', '/v1/projects/p-bad', { token: alice })).status).toBe(404);
  });
});

describe('replay', () => {
  it('replaying an old write (old If-Match with an old envelope) is refused with 409 and changes nothing', async () => {
    const e1 = envelope();
    const e2 = envelope();
    await s.call('PUT', '/v1/projects/p-replay', {
      token: alice,
      body: { envelope: e1 },
      headers: { 'if-none-match': '*' },
    });
    const first = { token: alice, body: { envelope: e2 }, headers: { 'if-match': '"1"' } };
    expect((await s.call('PUT', '/v1/projects/p-replay', first)).status).toBe(200);
    expect(
      (
        await s.call('PUT', '/v1/projects/p-replay', {
          token: alice,
          body: { envelope: envelope() },
          headers: { 'if-match': '"2"' },
        })
      ).status,
    ).toBe(200);
    const replay = await s.call('PUT', '/v1/projects/p-replay', first);
    expect(replay.status).toBe(409);
    const replayCreate = await s.call('PUT', '/v1/projects/p-replay', {
      token: alice,
      body: { envelope: e1 },
      headers: { 'if-none-match': '*' },
    });
    expect(replayCreate.status).toBe(409);
    const now = (await (await s.call('GET', '/v1/projects/p-replay', { token: alice })).json()) as {
      meta: { version: number };
    };
    expect(now.meta.version).toBe(3);
  });
});
