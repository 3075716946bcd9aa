/**
 * Test double of Microsoft Entra ID built from the real `oidc-provider`: one provider per tenant on
 * 127.0.0.1, mounted at `/{tid}/v2.0` so its issuer is Entra-shaped, all sharing one RS256 signing
 * key (as Entra tenants share Microsoft's keys). Tokens are obtained through the real OAuth
 * client-credentials grant with a resource indicator (RFC 8707): the provider issues a JWT access
 * token with `aud` = the requested resource and Entra-shaped claims tid, oid, roles, amr and the
 * delegated scope `scp` (the grant is the provider's, the claims are those of a user token). The
 * server then verifies them against the provider's real JWKS endpoint (`/{tid}/v2.0/jwks`).
 *
 * Each test persona is an OAuth client whose id names it; its claims come from the persona table.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface Persona {
  oid: string;
  roles: string[];
  amr: string[];
  /** Conditional-access authentication contexts satisfied (Entra `acrs`). */
  acrs?: string[];
  /** Access token lifetime in seconds (default 600). */
  ttl_s?: number;
  /** Entra's `name` and `preferred_username` (delegated tokens carry them; the directory keeps them). */
  name?: string;
  username?: string;
}

export const API_AUDIENCE = 'api://werkplan-sync-test';
export const PERSONAS: Record<string, Omit<Persona, 'oid'>> = {
  admin: { roles: ['Administrator'], amr: ['pwd', 'mfa'] },
  adminNoMfa: { roles: ['Administrator'], amr: ['pwd'] },
  adminStepUp: { roles: ['Administrator'], amr: ['pwd'], acrs: ['c1'] },
  alice: { roles: [], amr: ['pwd'], name: 'Alice Schmidt', username: 'alice.schmidt@stadtwerke.example' },
  bob: { roles: [], amr: ['pwd'], name: 'Bob Weber', username: 'bob.weber@stadtwerke.example' },
  reader: { roles: ['ReadOnly'], amr: ['pwd', 'mfa'] },
  support: { roles: ['Support'], amr: ['pwd', 'mfa'] },
  shortLived: { roles: [], amr: ['pwd'], ttl_s: 4 },
};

export interface FakeEntra {
  baseUrl: string;
  issuerTemplate: string;
  jwksUriTemplate: string;
  /** Token for `persona` of tenant `tid` (the provider mounted at `mount`, default `${tid}/v2.0`). */
  token(
    tid: string,
    persona: keyof typeof PERSONAS,
    opts?: { audience?: string; mount?: string },
  ): Promise<string>;
  /** The object id the provider puts in `oid` for a persona of a tenant. */
  oidOf(tid: string, persona: string): string;
  /**
   * Signs arbitrary claims with the providers' real key, for claims no provider flow emits
   * (a not-before in the future). Verification still goes through the JWKS endpoint.
   */
  signWithProviderKey(claims: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** `mounts`: extra provider paths besides `${tid}/v2.0`, e.g. a look-alike issuer. */
export async function startFakeEntra(
  tenants: string[],
  extraMounts: { path: string; tid: string }[] = [],
): Promise<FakeEntra> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'werkplan-test-key', alg: 'RS256', use: 'sig' };
  const oidOf = (tid: string, persona: string) => `${tid.slice(0, 8)}-${persona.toLowerCase()}`;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const mounts = [...tenants.map((tid) => ({ path: `${tid}/v2.0`, tid })), ...extraMounts];
  const handlers = new Map<string, ReturnType<Provider['callback']>>();
  for (const mount of mounts) {
    const provider = new Provider(`${baseUrl}/${mount.path}`, {
      jwks: { keys: [jwk] },
      cookies: { keys: ['werkplan-test-cookie-key'] },
      clients: Object.keys(PERSONAS).map((name) => ({
        client_id: name,
        client_secret: `${name}-secret`,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_post',
      })),
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => API_AUDIENCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => ({
            scope: 'access_as_user',
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 600,
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      ttl: {
        ClientCredentials: (_ctx, _token, client) => PERSONAS[client.clientId]?.ttl_s ?? 600,
      },
      extraTokenClaims: (_ctx, token) => {
        const clientId = (token as { clientId?: string }).clientId ?? '';
        const persona = PERSONAS[clientId];
        if (!persona) return undefined;
        return {
          tid: mount.tid,
          oid: oidOf(mount.tid, clientId),
          roles: persona.roles,
          amr: persona.amr,
          ...(persona.acrs ? { acrs: persona.acrs } : {}),
          ...(persona.name ? { name: persona.name } : {}),
          ...(persona.username ? { preferred_username: persona.username } : {}),
          // A delegated user token for the API, as Entra issues it to the desktop app.
          scp: 'access_as_user',
          ver: '2.0',
        };
      },
    });
    handlers.set(mount.path, provider.callback());
  }

  server.on('request', (req, res) => {
    const url = req.url ?? '/';
    const mount = mounts.find((m) => url.startsWith(`/${m.path}/`));
    const handler = mount && handlers.get(mount.path);
    if (!mount || !handler) {
      res.writeHead(404).end();
      return;
    }
    // Mounted like express does: originalUrl keeps the prefix, url is relative to the mount.
    (req as { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(mount.path.length + 1) || '/';
    void handler(req, res);
  });

  return {
    baseUrl,
    issuerTemplate: `${baseUrl}/{tid}/v2.0`,
    jwksUriTemplate: `${baseUrl}/{tid}/v2.0/jwks`,
    oidOf,
    signWithProviderKey: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'at+jwt' }).sign(privateKey),
    async token(tid, persona, opts = {}) {
      const mount = opts.mount ?? `${tid}/v2.0`;
      const res = await fetch(`${baseUrl}/${mount}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: persona,
          client_secret: `${persona}-secret`,
          resource: opts.audience ?? API_AUDIENCE,
          scope: 'access_as_user',
        }),
      });
      const body = (await res.json()) as {
        access_token?: string;
        error?: string;
        error_description?: string;
      };
      if (!res.ok || !body.access_token)
        throw new Error(
          `token for ${persona}@${mount}: ${res.status} ${body.error} ${body.error_description}`,
        );
      return body.access_token;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
