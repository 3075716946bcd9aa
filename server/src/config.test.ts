import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { loadConfig } from './config';
import { mfaChallenge } from './app';

const base = { AUTH_AUDIENCE: 'api://werkplan', AUTH_ALLOWED_TENANTS: 't1,t2' };

describe('configuration', () => {
  it('defaults to Entra ID v2.0 endpoints, RS256 only, and the embedded database', () => {
    const c = loadConfig(base);
    expect(c.auth.issuerTemplate).toBe('https://login.microsoftonline.com/{tid}/v2.0');
    expect(c.auth.jwksUriTemplate).toBe('https://login.microsoftonline.com/{tid}/discovery/v2.0/keys');
    expect(c.auth.algorithms).toEqual(['RS256']);
    expect(c.auth.allowedTenants).toEqual(['t1', 't2']);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.port).toBe(8080);
    expect(c.auditAnchorInterval_s).toBe(3600);
    expect(c.auditAnchorFile).toBeUndefined();
    expect(loadConfig({ ...base, AUDIT_ANCHOR_FILE: '/anchors/a.ndjson' }).auditAnchorFile).toBe(
      '/anchors/a.ndjson',
    );
  });

  it('names the variable of every bad value', () => {
    expect(() => loadConfig({})).toThrow(
      /^Configuration AUTH_AUDIENCE, AUTH_ALLOWED_TENANTS: required, not set/,
    );
    expect(() => loadConfig({ AUTH_AUDIENCE: 'a' })).toThrow(/AUTH_ALLOWED_TENANTS/);
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT.*eighty/);
    expect(() => loadConfig({ ...base, AUTH_ALGORITHMS: 'RS256,HS256' })).toThrow(/AUTH_ALGORITHMS.*HS256/);
    expect(() => loadConfig({ ...base, AUTH_ALGORITHMS: 'none' })).toThrow(/AUTH_ALGORITHMS/);
    expect(() =>
      loadConfig({ ...base, AUTH_ISSUER_TEMPLATE: 'https://login.microsoftonline.com/common' }),
    ).toThrow(/AUTH_ISSUER_TEMPLATE.*\{tid\}/);
    expect(() => loadConfig({ ...base, TLS_CERT: '/x.pem' })).toThrow(/TLS_KEY/);
    expect(() => loadConfig({ ...base, AUDIT_ANCHOR_INTERVAL_S: '1' })).toThrow(/AUDIT_ANCHOR_INTERVAL_S/);
    expect(() => loadConfig({ ...base, AUTH_REQUIRED_SCOPE: 'a b' })).toThrow(/AUTH_REQUIRED_SCOPE/);
  });

  it('TRUST_PROXY trusts a number of hops or listed proxies, never every X-Forwarded-For entry', () => {
    const trust = (v?: string) => loadConfig({ ...base, TRUST_PROXY: v }).trustProxy;
    expect(trust(undefined)).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
    // `true` was "trust everything"; it now means the one ingress hop both manifests run behind.
    expect(trust('true')).toBe(1);
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 127.0.0.1,fd00::/8')).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    for (const bad of ['yes', '6', '10.0.0.0/33', '300.1.1.1', 'fd00::/129', '10.0.0.1/8/1', '-1'])
      expect(() => trust(bad), bad).toThrow(/^Configuration TRUST_PROXY: /);
  });

  it('requires the delegated API scope access_as_user unless configured', () => {
    expect(loadConfig(base).auth.requiredScope).toBe('access_as_user');
    expect(loadConfig({ ...base, AUTH_REQUIRED_SCOPE: 'Sync.ReadWrite' }).auth.requiredScope).toBe(
      'Sync.ReadWrite',
    );
  });
});

describe('step-up challenge for administrative actions', () => {
  it('is an Entra claims challenge with an authentication context, else the RFC 9470 error', () => {
    const c = mfaChallenge(['c1', 'c2']);
    expect(JSON.parse(Buffer.from(c.body.claims, 'base64').toString())).toEqual({
      access_token: { acrs: { essential: true, value: 'c1' } },
    });
    expect(mfaChallenge([])).toEqual({
      headers: {
        'WWW-Authenticate':
          'Bearer error="insufficient_user_authentication", error_description="multi-factor authentication required"',
      },
      body: {},
    });
  });
});

describe('layering', () => {
  // An in-memory source no tsconfig holds: linted without type information (the boundaries need none).
  const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
  const errors = async (source: string) =>
    (await eslint.lintText(source, { filePath: 'server/src/x.ts' }))[0].messages.filter(
      (m) => m.ruleId === 'no-restricted-imports',
    ).length;

  it('lets the server import only the shared part of the solver', async () => {
    expect(await errors("import { ROLES } from '../../contracts';\nexport const a = ROLES;\n")).toBe(0);
    expect(await errors("import { x } from '../../solver/src/model/x';\nexport const a = x;\n")).toBe(1);
    expect(await errors("import { x } from '../../renderer/src/x';\nexport const a = x;\n")).toBe(1);
    expect(await errors("import { x } from '../../electron/src/x';\nexport const a = x;\n")).toBe(1);
  });
});
