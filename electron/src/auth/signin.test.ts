import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import OidcProvider from 'oidc-provider';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SecretVault } from '../ipc/secrets';
import { nodeFs } from '../testing/fakes';
import type { SafeStorageLike } from '../electron-api';
import { AuthService, parseSignInOptions, TOKENS_KEY } from './signin';

/**
 * The whole sign-in against a real OpenID provider (oidc-provider) on loopback, configured like
 * Entra ID (issuer /{tenant}/v2.0, JWT access tokens for the API audience with tid, oid, roles,
 * amr), with a real headless Chromium as the "system browser" logging in on the provider's pages.
 */

/** The part of oidc-provider (which ships no types) this test uses. */
const Provider = OidcProvider as new (
  issuer: string,
  configuration: Record<string, unknown>,
) => { callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void> };

const TID = '3f9c2a51-7d44-4c1e-9b0a-2e6f8d1c5a77';
const AUDIENCE = 'api://werkplan-sync';
const API_SCOPE = `${AUDIENCE}/access_as_user`;
const CLIENT_ID = 'werkplan-desktop';

let httpServer: Server;
let issuer: string;
let browser: Browser;

beforeAll(async () => {
  httpServer = createServer();
  await new Promise<void>((ok) => httpServer.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  issuer = `${base}/${TID}/v2.0`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        // RFC 8252 §7.3: the port of a loopback redirect is not compared.
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    cookies: { keys: ['signin-test-cookie-key'] },
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'tid', 'oid'], profile: ['name', 'preferred_username'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        tid: TID,
        oid: `oid-${id}`,
        name: 'Erika Mustermann',
        preferred_username: `${id}@stadtwerke.example`,
      }),
    }),
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: API_SCOPE,
          audience: AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    issueRefreshToken: (_ctx: unknown, client: { grantTypeAllowed(g: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) =>
      token.accountId
        ? {
            tid: TID,
            oid: `oid-${token.accountId}`,
            roles: ['Administrator'],
            amr: ['pwd', 'mfa'],
            ver: '2.0',
          }
        : undefined,
  });
  const callback = provider.callback();
  const prefix = `/${TID}/v2.0`;
  httpServer.on('request', (req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(prefix + '/')) return void res.writeHead(404).end();
    (req as { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(prefix.length);
    void callback(req, res);
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  httpServer?.closeAllConnections();
  await new Promise<void>((ok) => httpServer?.close(() => ok()));
});

let dir: string;
let page: Page;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'werkplan-auth-'));
  page = await (await browser.newContext()).newPage();
});
afterEach(async () => {
  await page.context().close();
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in for the OS keychain: reversible, but visibly not plaintext, and counting its use. */
function fakeSafeStorage() {
  const calls = { encrypt: 0, decrypt: 0 };
  const s: SafeStorageLike = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (v) => {
      calls.encrypt++;
      return Buffer.from(Buffer.from(v).map((b) => b ^ 0x5a));
    },
    decryptString: (b) => {
      calls.decrypt++;
      return Buffer.from(b.map((x) => x ^ 0x5a)).toString();
    },
  };
  return { s, calls };
}

/** The "system browser": logs in and consents on the provider's pages until it reaches the loopback. */
function browserOpening(opts: { rewrite?: (u: URL) => void } = {}) {
  const state = { flow: Promise.resolve(), openedUrl: '', error: null as Error | null };
  const openExternal = async (url: string) => {
    const u = new URL(url);
    opts.rewrite?.(u);
    state.openedUrl = url;
    state.flow = (async () => {
      await page.goto(u.href);
      for (let i = 0; i < 6; i++) {
        if (page.url().startsWith('http://127.0.0.1:') && new URL(page.url()).pathname === '/callback')
          return;
        const login = page.locator('input[name=login]');
        if (await login.count()) {
          await login.fill('erika');
          await page.locator('input[name=password]').fill('any-password');
        }
        await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').first().click()]);
      }
    })().catch((e: Error) => void (state.error = e));
  };
  return { state, openExternal };
}

async function service(clock = { t: Date.now() }, rewrite?: (u: URL) => void) {
  const safe = fakeSafeStorage();
  const vault = new SecretVault(path.join(dir, 'secrets.json'), safe.s, nodeFs);
  const b = browserOpening({ rewrite });
  const auth = new AuthService({
    vault,
    openExternal: b.openExternal,
    now: () => clock.t,
    signInTimeout_ms: 20_000,
    confirmSettingsChange: async () => true,
  });
  await auth.configure({
    authority: issuer,
    tenantId: TID,
    clientId: CLIENT_ID,
    apiScope: API_SCOPE,
    serverUrl: 'https://sync.example.com',
  });
  return { auth, vault, safe, browser: b.state, clock };
}

describe('sign-in through the system browser and a loopback redirect', () => {
  it('signs in with PKCE, keeps tokens only via safeStorage, refreshes, and revokes on sign-out', async () => {
    const { auth, safe, browser: b, clock } = await service();
    const status = await auth.signIn();
    await b.flow;
    expect(status).toMatchObject({
      configured: true,
      signedIn: true,
      tenantId: TID,
      oid: 'oid-erika',
      roles: ['Administrator'],
      name: 'Erika Mustermann',
    });

    // The authorization request was a public-client PKCE request to an ephemeral loopback port.
    const opened = new URL(b.openedUrl);
    expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
    expect(opened.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(opened.searchParams.get('state')).toBeTruthy();
    expect(opened.searchParams.get('nonce')).toBeTruthy();
    expect(opened.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(opened.searchParams.get('scope')).toContain(API_SCOPE);
    expect(await page.textContent('h1')).toContain('angemeldet');

    // An Entra-shaped access token for the API.
    const at = await auth.accessToken();
    expect(at?.serverUrl).toBe('https://sync.example.com');
    const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
    const { payload } = await jwtVerify(at!.token, jwks, { issuer, audience: AUDIENCE });
    expect(payload).toMatchObject({
      tid: TID,
      oid: 'oid-erika',
      roles: ['Administrator'],
      amr: ['pwd', 'mfa'],
    });

    // Tokens on disk only through safeStorage.
    const file = await readFile(path.join(dir, 'secrets.json'), 'utf8');
    const stored = JSON.parse((await auth['deps'].vault.get(TOKENS_KEY)) ?? 'null') as {
      refresh_token: string;
      access_token: string;
    };
    expect(stored.refresh_token).toBeTruthy();
    expect(file).not.toContain(stored.refresh_token);
    expect(file).not.toContain(stored.access_token);
    expect(safe.calls.encrypt).toBeGreaterThan(0);

    // Refresh: an access token close to expiry is replaced through the refresh token, once even
    // when asked concurrently (refresh tokens rotate: a second use would be refused).
    clock.t += 3_600_000;
    const [refreshed, concurrent] = await Promise.all([auth.accessToken(), auth.accessToken()]);
    expect(concurrent?.token).toBe(refreshed?.token);
    expect(refreshed?.token).not.toBe(at?.token);
    expect(refreshed!.expiresAt).toBeGreaterThan(clock.t);
    const afterRefresh = JSON.parse((await auth['deps'].vault.get(TOKENS_KEY)) ?? 'null') as {
      refresh_token: string;
    };

    // Sign-out revokes at the provider and deletes the tokens.
    expect(await auth.signOut()).toEqual({ revoked: true });
    expect(await auth.status()).toEqual({ configured: true, signedIn: false });
    expect(await auth.accessToken()).toBeNull();
    const res = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: afterRefresh.refresh_token,
        client_id: CLIENT_ID,
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  }, 60_000);

  it("a step-up sign-in carries the server's claims challenge and asks to authenticate again", async () => {
    const { auth, browser: b } = await service();
    await auth.signIn();
    await b.flow;
    const request = { access_token: { acrs: { essential: true, value: 'c1' } } };
    const claims = Buffer.from(JSON.stringify(request)).toString('base64');
    const status = await auth.signIn({ claims });
    await b.flow;
    expect(b.error).toBeNull();
    const opened = new URL(b.openedUrl);
    // Entra reads the claims request as JSON and runs the authentication context's policy (MFA).
    expect(JSON.parse(opened.searchParams.get('claims')!)).toEqual(request);
    expect(opened.searchParams.get('prompt')).toBe('login');
    expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
    expect(status).toMatchObject({ signedIn: true, oid: 'oid-erika' });
    await expect(auth.signIn({ claims: Buffer.from('not json').toString('base64') })).rejects.toThrow(
      /claims challenge/,
    );
  }, 60_000);

  it('accepts from the renderer only a well-formed claims challenge as sign-in option', () => {
    const claims = Buffer.from('{"access_token":{"acrs":{"essential":true,"value":"c1"}}}').toString(
      'base64',
    );
    expect(parseSignInOptions('ch', {})).toEqual({});
    expect(parseSignInOptions('ch', { claims })).toEqual({ claims });
    expect(() => parseSignInOptions('ch', { claims, prompt: 'none' })).toThrow(/unknown key/);
    expect(() => parseSignInOptions('ch', { claims: 'a b' })).toThrow(/base64/);
    expect(() => parseSignInOptions('ch', { claims: 'x'.repeat(5000) })).toThrow(/base64/);
    expect(() => parseSignInOptions('ch', { claims: Buffer.from('[1]').toString('base64') })).toThrow(
      /JSON object/,
    );
    expect(() => parseSignInOptions('ch', 'now')).toThrow(/expected an object/);
  });

  it('refuses a redirect whose state does not match', async () => {
    const { auth, browser: b } = await service(undefined, (u) => u.searchParams.set('state', 'forged-state'));
    await expect(auth.signIn()).rejects.toThrow(/state/);
    await b.flow;
    expect(await auth.status()).toMatchObject({ signedIn: false });
  }, 60_000);

  it('refuses an ID token whose nonce does not match', async () => {
    const { auth, browser: b } = await service(undefined, (u) =>
      u.searchParams.set('nonce', 'replayed-nonce'),
    );
    await expect(auth.signIn()).rejects.toThrow(/nonce/);
    await b.flow;
    expect(await auth.status()).toMatchObject({ signedIn: false });
  }, 60_000);

  it('refuses the code exchange when the PKCE challenge was not made from our verifier', async () => {
    const { auth, browser: b } = await service(undefined, (u) =>
      u.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    );
    await expect(auth.signIn()).rejects.toThrow(/PKCE|invalid_grant|grant request is invalid/);
    await b.flow;
    expect(await auth.status()).toMatchObject({ signedIn: false });
  }, 60_000);

  it('validates settings: https only (loopback excepted), a GUID tenant, no unknown keys', async () => {
    const { auth } = await service();
    const ok = {
      authority: issuer,
      clientId: CLIENT_ID,
      apiScope: API_SCOPE,
      serverUrl: 'https://s.example',
    };
    await expect(auth.configure({ ...ok, authority: 'http://login.example.com/x' })).rejects.toThrow(
      /authority.*https/,
    );
    await expect(auth.configure({ ...ok, serverUrl: 'http://sync.example.com' })).rejects.toThrow(
      /serverUrl/,
    );
    await expect(auth.configure({ ...ok, tenantId: 'contoso' })).rejects.toThrow(/GUID/);
    await expect(auth.configure({ ...ok, extra: 1 })).rejects.toThrow(/unknown key/);
    const entra = await auth.configure({
      tenantId: TID,
      clientId: 'c1',
      apiScope: 'api://x/y',
      serverUrl: 'https://s.example',
    });
    expect(entra.authority).toBe(`https://login.microsoftonline.com/${TID}/v2.0`);
  }, 30_000);
});
