import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';
import type { AccessToken, AuthStatus, SignInOptions, SignOutResult } from '../../../contracts';
import { PayloadError } from '../ipc/validate';
import { isLoopbackHost, parseSettings, type SyncSettings } from './settings';
import {
  bindingOf,
  parseBinding,
  sameBinding,
  type ConfirmSettingsChange,
  type TokenBinding,
} from './binding';

/**
 * Sign-in as a public client (RFC 8252): authorization code with PKCE S256, state and nonce,
 * through the system browser and a loopback redirect on 127.0.0.1 with an ephemeral port. Tokens
 * live in the main process and are stored only through the OS keychain (safeStorage); the renderer
 * gets the sign-in status and a short-lived access token for the sync API, never the refresh token.
 * See docs/security/signin.md.
 */

export interface VaultLike {
  isAvailable(): boolean | Promise<boolean>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface AuthDeps {
  vault: VaultLike;
  /** Opens a URL in the system browser (Electron shell.openExternal). */
  openExternal(url: string): Promise<void>;
  now?: () => number;
  /** How long to wait for the browser to come back to the loopback redirect. */
  signInTimeout_ms?: number;
  /**
   * Asks the user, in the shell (a native dialog), before settings that change where tokens go are
   * stored; without it every such change is refused.
   */
  confirmSettingsChange?: ConfirmSettingsChange;
}

export type { AccessToken, AuthStatus, SignOutResult };

interface StoredTokens {
  refresh_token?: string;
  access_token: string;
  expires_at: number;
  /** The server and provider these tokens were obtained for; tokens without one are not used. */
  binding?: TokenBinding;
  claims: { name?: string; username?: string; tid?: string; oid?: string; roles?: string[] };
}

export const SETTINGS_KEY = 'sync.settings';
export const TOKENS_KEY = 'sync.tokens';
const REFRESH_MARGIN_MS = 60_000;

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The provider refused the refresh token (revoked, expired): the tokens are gone, sign in again. */
export class SignedOutError extends AuthError {
  constructor(message: string) {
    super(message);
    this.name = 'SignedOutError';
  }
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:sans-serif;margin:3rem"><h1>${title}</h1><p>${text}</p></body></html>`;

export class AuthService {
  private configCache: { key: string; config: oidc.Configuration } | null = null;
  private pending: Promise<AuthStatus> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: AuthDeps) {
    this.now = deps.now ?? Date.now;
  }

  async settings(): Promise<SyncSettings | null> {
    const raw = await this.deps.vault.get(SETTINGS_KEY);
    return raw ? parseSettings(JSON.parse(raw)) : null;
  }

  /**
   * Stores new settings. A change of where tokens go (server, provider, tenant, client or scope) is
   * confirmed by the user in a native dialog of the shell first, and signs out: a renderer call
   * alone cannot redirect a token.
   */
  async configure(input: unknown): Promise<SyncSettings> {
    const next = parseSettings(input);
    const prev = await this.settings();
    const binding = bindingOf(next);
    if (!prev || !sameBinding(bindingOf(prev), binding)) {
      const signedIn = (await this.deps.vault.get(TOKENS_KEY)) !== null;
      const change = { previous: prev ? bindingOf(prev) : null, next: binding, signedIn };
      if (!(await this.deps.confirmSettingsChange?.(change)))
        throw new AuthError('settings change not confirmed; the sync settings were not changed');
      await this.signOut();
    }
    await this.requireVault();
    await this.deps.vault.set(SETTINGS_KEY, JSON.stringify(next));
    return next;
  }

  private async requireVault(): Promise<void> {
    if (!(await this.deps.vault.isAvailable()))
      throw new AuthError(
        'the operating system offers no secure storage; tokens cannot be kept, sign-in is disabled',
      );
  }

  private async requireSettings(): Promise<SyncSettings> {
    const s = await this.settings();
    if (!s)
      throw new AuthError('sync is not configured: enter authority, client id, API scope and server URL');
    return s;
  }

  private async config(s: SyncSettings): Promise<oidc.Configuration> {
    const key = `${s.authority}|${s.clientId}`;
    if (this.configCache?.key === key) return this.configCache.config;
    const issuer = new URL(s.authority);
    const config = await oidc.discovery(
      issuer,
      s.clientId,
      { token_endpoint_auth_method: 'none' },
      oidc.None(),
      {
        execute:
          issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname) ? [oidc.allowInsecureRequests] : [],
        timeout: 15,
      },
    );
    this.configCache = { key, config };
    return config;
  }

  /** The stored tokens, only if they were obtained for these settings (server and provider). */
  private async loadTokens(s: SyncSettings): Promise<StoredTokens | null> {
    const raw = await this.deps.vault.get(TOKENS_KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as StoredTokens;
    const bound = parseBinding(t.binding);
    return bound && sameBinding(bound, bindingOf(s)) ? { ...t, binding: bound } : null;
  }

  private async storeTokens(
    s: SyncSettings,
    res: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
    previous: StoredTokens | null,
  ): Promise<StoredTokens> {
    const idClaims = res.claims();
    const access = decodeJwtPayload(res.access_token);
    const tid = (idClaims?.tid ?? access?.tid) as string | undefined;
    if (s.tenantId && tid !== s.tenantId)
      throw new AuthError(`token is from tenant ${tid ?? '?'}, not ${s.tenantId}`);
    const roles = (access?.roles ?? idClaims?.roles) as string[] | undefined;
    const stored: StoredTokens = {
      refresh_token: res.refresh_token ?? previous?.refresh_token,
      access_token: res.access_token,
      expires_at: this.now() + (res.expiresIn() ?? 300) * 1000,
      binding: bindingOf(s),
      claims: idClaims
        ? {
            name: idClaims.name as string | undefined,
            username: (idClaims.preferred_username ?? idClaims.email) as string | undefined,
            tid,
            oid: (idClaims.oid ?? access?.oid) as string | undefined,
            roles: Array.isArray(roles) ? roles.filter((r) => typeof r === 'string') : [],
          }
        : { ...(previous?.claims ?? {}), roles: Array.isArray(roles) ? roles : previous?.claims.roles },
    };
    await this.deps.vault.set(TOKENS_KEY, JSON.stringify(stored));
    return stored;
  }

  async status(): Promise<AuthStatus> {
    const s = await this.settings();
    const t = s ? await this.loadTokens(s) : null;
    if (!s || !t) return { configured: !!s, signedIn: false };
    return {
      configured: true,
      signedIn: true,
      name: t.claims.name,
      username: t.claims.username,
      tenantId: t.claims.tid,
      oid: t.claims.oid,
      roles: t.claims.roles ?? [],
      expiresAt: t.expires_at,
    };
  }

  /**
   * Runs the whole browser flow once; a second call while one runs joins it. With a claims
   * challenge (a step-up the server asked for, e.g. MFA for administrative actions), the
   * authorization request carries it as `claims` and asks to authenticate again (prompt=login).
   */
  signIn(options: SignInOptions = {}): Promise<AuthStatus> {
    this.pending ??= this.runSignIn(options).finally(() => (this.pending = null));
    return this.pending;
  }

  private async runSignIn(options: SignInOptions): Promise<AuthStatus> {
    await this.requireVault();
    const s = await this.requireSettings();
    const config = await this.config(s);
    const verifier = oidc.randomPKCECodeVerifier();
    const challenge = await oidc.calculatePKCECodeChallenge(verifier);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const loopback = await LoopbackRedirect.open(this.deps.signInTimeout_ms ?? 5 * 60_000);
    try {
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: loopback.redirectUri,
        scope: `openid profile offline_access ${s.apiScope}`,
        response_type: 'code',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state,
        nonce,
        ...(options.claims ? { claims: claimsRequest(options.claims), prompt: 'login' } : {}),
      });
      await this.deps.openExternal(url.href);
      await loopback.handle(async (callbackUrl) => {
        const res = await oidc
          .authorizationCodeGrant(config, callbackUrl, {
            pkceCodeVerifier: verifier,
            expectedState: state,
            expectedNonce: nonce,
            idTokenExpected: true,
          })
          .catch((e: unknown) => {
            throw describeOidcError('sign-in', e);
          });
        return this.storeTokens(s, res, null);
      });
      return this.status();
    } finally {
      loopback.close();
    }
  }

  /** A valid access token for the sync API, refreshed when it is about to expire. */
  async accessToken(opts: { forceRefresh?: boolean } = {}): Promise<AccessToken | null> {
    const s = await this.settings();
    if (!s) return null;
    let t = await this.loadTokens(s);
    if (!t) return null;
    if (opts.forceRefresh || t.expires_at - REFRESH_MARGIN_MS <= this.now()) {
      if (!t.refresh_token) return null;
      // One refresh at a time: refresh tokens rotate, a second concurrent use would be refused.
      this.refreshing ??= this.refresh(s, t).finally(() => (this.refreshing = null));
      t = await this.refreshing;
    }
    // The server of the token's own binding (equal to the settings', checked by loadTokens).
    return { token: t.access_token, expiresAt: t.expires_at, serverUrl: t.binding?.serverUrl ?? s.serverUrl };
  }

  private refreshing: Promise<StoredTokens> | null = null;

  /** Uses the refresh token; a refused one (revoked, expired) signs out. */
  async refresh(s?: SyncSettings, current?: StoredTokens | null): Promise<StoredTokens> {
    const settings = s ?? (await this.requireSettings());
    const t = current ?? (await this.loadTokens(settings));
    if (!t?.refresh_token) throw new AuthError('not signed in');
    const config = await this.config(settings);
    try {
      const res = await oidc.refreshTokenGrant(config, t.refresh_token);
      return await this.storeTokens(settings, res, t);
    } catch (e) {
      if (e instanceof oidc.ResponseBodyError && e.error === 'invalid_grant') {
        await this.deps.vault.delete(TOKENS_KEY);
        throw new SignedOutError('the sign-in has expired or was revoked; please sign in again');
      }
      throw describeOidcError('token refresh', e);
    }
  }

  /**
   * Revokes the refresh token where the provider offers revocation (RFC 7009; Entra does not, its
   * sessions are revoked by an admin), then deletes the tokens here in any case. JWT access tokens
   * for an API cannot be revoked; they expire within their short lifetime.
   */
  async signOut(): Promise<SignOutResult> {
    const s = await this.settings();
    const t = s ? await this.loadTokens(s) : null;
    try {
      if (!s || !t?.refresh_token) return { revoked: false };
      const config = await this.config(s);
      if (!config.serverMetadata().revocation_endpoint) return { revoked: false };
      await oidc.tokenRevocation(config, t.refresh_token, { token_type_hint: 'refresh_token' });
      return { revoked: true };
    } catch (e) {
      return { revoked: false, error: describeOidcError('revocation', e).message };
    } finally {
      await this.deps.vault.delete(TOKENS_KEY);
    }
  }
}

/** openid-client's errors carry the reason in fields and causes; one readable message for the UI and logs. */
export function describeOidcError(what: string, e: unknown): AuthError {
  if (e instanceof AuthError) return e;
  const parts: string[] = [];
  const err = e as {
    message?: string;
    error?: string;
    error_description?: string;
    code?: string;
    cause?: unknown;
  };
  if (err.error) parts.push(err.error_description ? `${err.error}: ${err.error_description}` : err.error);
  if (err.message) parts.push(err.message);
  const cause = err.cause as
    { message?: string; error?: string; error_description?: string; claim?: string } | undefined;
  if (cause && typeof cause === 'object') {
    if (cause.error)
      parts.push(cause.error_description ? `${cause.error}: ${cause.error_description}` : cause.error);
    if (cause.message) parts.push(cause.message);
    if (cause.claim) parts.push(`claim ${cause.claim}`);
  }
  if (err.code) parts.push(`(${err.code})`);
  return new AuthError(`${what} failed: ${parts.join('; ') || String(e)}`);
}

function decodeJwtPayload(jwt: string): Record<string, unknown> | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * The loopback redirect target (RFC 8252 §7.3): 127.0.0.1 (not "localhost"), a port chosen by the
 * OS, one path, alive only during one sign-in; every other request is answered 404.
 */
export class LoopbackRedirect {
  private constructor(
    private readonly server: http.Server,
    readonly redirectUri: string,
    private readonly timeout_ms: number,
  ) {}

  static async open(timeout_ms: number): Promise<LoopbackRedirect> {
    const server = http.createServer();
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', ok);
    });
    const { port } = server.address() as AddressInfo;
    return new LoopbackRedirect(server, `http://127.0.0.1:${port}/callback`, timeout_ms);
  }

  /** Waits for the browser's redirect and answers it with a page saying whether sign-in worked. */
  handle<T>(exchange: (callbackUrl: URL) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new AuthError('sign-in timed out: the browser did not come back')),
        this.timeout_ms,
      );
      let done = false;
      this.server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', this.redirectUri);
        const headers = {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          'cache-control': 'no-store',
        };
        if (req.method !== 'GET' || url.pathname !== '/callback' || done) {
          res.writeHead(404, headers).end(PAGE('Not found', ''));
          return;
        }
        done = true;
        exchange(url).then(
          (value) => {
            clearTimeout(timer);
            res
              .writeHead(200, headers)
              .end(
                PAGE(
                  'Werkplan: angemeldet',
                  'Sie können dieses Fenster schließen und zu Werkplan zurückkehren.',
                ),
              );
            resolve(value);
          },
          (e: unknown) => {
            clearTimeout(timer);
            res
              .writeHead(400, headers)
              .end(PAGE('Werkplan: Anmeldung fehlgeschlagen', 'Bitte in Werkplan erneut versuchen.'));
            reject(e instanceof Error ? e : new AuthError(String(e)));
          },
        );
      });
    });
  }

  close(): void {
    this.server.close();
    this.server.closeAllConnections();
  }
}

const MAX_CLAIMS_CHARS = 4096;

/** The JSON claims request inside a server's challenge (base64); refuses anything else. */
export function claimsRequest(claims_b64: string): string {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(claims_b64, 'base64').toString('utf8'));
  } catch {
    throw new AuthError('the claims challenge is not base64 of JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new AuthError('the claims challenge is not a JSON object');
  return JSON.stringify(json);
}

/** Checks the renderer's sign-in options (IPC): only a claims challenge, as the server sent it. */
export function parseSignInOptions(channel: string, v: unknown): SignInOptions {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new PayloadError(channel, 'expected an object');
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => k !== 'claims');
  if (extra.length) throw new PayloadError(channel, `unknown key(s) ${extra.join(', ')}`);
  if (o.claims === undefined) return {};
  if (
    typeof o.claims !== 'string' ||
    o.claims.length > MAX_CLAIMS_CHARS ||
    !/^[A-Za-z0-9+/=_-]+$/.test(o.claims)
  )
    throw new PayloadError(channel, `claims must be base64 of at most ${MAX_CLAIMS_CHARS} characters`);
  try {
    claimsRequest(o.claims);
  } catch (e) {
    throw new PayloadError(channel, (e as Error).message);
  }
  return { claims: o.claims };
}
