/**
 * Server configuration from the environment. Every value is checked here, so a bad deployment
 * fails at start with the name of the variable instead of later with a confusing error.
 */
import { isIP } from 'node:net';
import type { RetentionPolicy } from './retention';

export interface ServerConfig {
  port: number;
  host: string;
  /** Real PostgreSQL when set; otherwise the embedded PGlite. */
  databaseUrl: string | undefined;
  /** PGlite data directory; undefined = in memory. */
  pgliteDir: string | undefined;
  auth: AuthConfig;
  /** Origins allowed by CORS (exact match); empty = no cross-origin access. */
  corsOrigins: string[];
  /** Largest accepted request body. */
  bodyLimit_bytes: number;
  rateLimitPerMinute: number;
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  /**
   * Which X-Forwarded-For entries to believe: false (none, the socket address is the client), a
   * number of proxy hops in front (1 = Azure Container Apps ingress / one ingress controller), or
   * the addresses/CIDRs of the proxies. Never "all": the client writes the leftmost entries.
   */
  trustProxy: false | number | string[];
  logLevel: string;
  /** How often the audit chain heads are anchored outside the database (anchor.ts). */
  auditAnchorInterval_s: number;
  /** Append-only file (write-once storage) for the anchors, besides the log; optional. */
  auditAnchorFile: string | undefined;
  /** Retention enforced by the server (retention.ts, docs/security/retention.md). */
  retention: RetentionPolicy;
  /** How often retention runs (seconds); 0 turns it off. */
  retentionInterval_s: number;
  /** security.txt Contact (an e-mail address or URL), SECURITY_CONTACT. */
  securityContact: string;
  /** Prometheus metrics on their own listener (not the public API port); 0 (default) turns it off. */
  metricsPort: number;
  metricsHost: string;
  /** Limits against slow and idle clients (docs/deploy.md). */
  timeouts: ServerTimeouts;
  /** Stored bytes (current versions of projects) per tenant and per user; 413 storage_quota beyond. */
  quotaTenant_bytes: number;
  quotaUser_bytes: number;
  /** Uploads whose bodies are held in memory at once; more wait-free answer 503 with Retry-After. */
  maxConcurrentUploads: number;
}

export interface ServerTimeouts {
  /** A connection with no bytes in either direction for this long is closed. */
  idle_ms: number;
  /** The request headers must arrive within this time. */
  headers_ms: number;
  /** The whole request, body included, must arrive within this time. */
  request_ms: number;
  /** An idle keep-alive connection between requests is closed after this time. */
  keepAlive_ms: number;
}

export interface AuthConfig {
  /** `{tid}` is replaced by the tenant id of the token. Entra v2.0: https://login.microsoftonline.com/{tid}/v2.0 */
  issuerTemplate: string;
  /** Entra: https://login.microsoftonline.com/{tid}/discovery/v2.0/keys */
  jwksUriTemplate: string;
  /** Accepted `aud` values: the API's application (client) id and/or its app id URI. */
  audiences: string[];
  /** Tenants whose tokens are accepted at all (checked before any key is fetched). */
  allowedTenants: string[];
  /** Signature algorithms accepted; Entra signs with RS256. */
  algorithms: string[];
  clockTolerance_s: number;
  /** `amr` values that count as multi-factor evidence. */
  mfaAmr: string[];
  /** Conditional-access authentication context ids (`acrs`) that count as MFA evidence. */
  mfaAcrs: string[];
  /** Delegated scope every token's `scp` must contain (app-only tokens carry none). */
  requiredScope: string;
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

function list(env: NodeJS.ProcessEnv, name: string, fallback: string[] = []): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(name, `expected an integer in [${min}, ${max}], got "${raw}"`);
  return n;
}

function scope(env: NodeJS.ProcessEnv): string {
  const value = env.AUTH_REQUIRED_SCOPE?.trim() || 'access_as_user';
  if (!/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(value))
    throw new ConfigError('AUTH_REQUIRED_SCOPE', `expected one scope name without spaces, got "${value}"`);
  return value;
}

function template(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  if (!value.includes('{tid}')) throw new ConfigError(name, `must contain {tid}, got "${value}"`);
  return value;
}

const MAX_PROXY_HOPS = 5;

/**
 * TRUST_PROXY: unset/false/0 = no proxy; `true` = 1 hop (what it meant behind one ingress before
 * hop counts existed); an integer 1..5 = that many hops; else a comma-separated list of proxy
 * addresses or CIDRs (IPv4/IPv6). Anything else is refused at start.
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS)
      throw new ConfigError('TRUST_PROXY', `at most ${MAX_PROXY_HOPS} proxy hops, got "${value}"`);
    return hops;
  }
  const entries = value.split(',').map((s) => s.trim());
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || rest.length > 0)
      throw new ConfigError(
        'TRUST_PROXY',
        `expected false, true (1 hop), a hop count 0..${MAX_PROXY_HOPS} or proxy addresses/CIDRs, got "${entry}"`,
      );
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const audiences = list(env, 'AUTH_AUDIENCE');
  const allowedTenants = list(env, 'AUTH_ALLOWED_TENANTS');
  // Every missing required variable in one message, so the operator fixes them in one go.
  const missing: [string, string][] = [
    ...(audiences.length === 0 ? [['AUTH_AUDIENCE', "the API's application id"] as [string, string]] : []),
    ...(allowedTenants.length === 0
      ? [['AUTH_ALLOWED_TENANTS', 'comma-separated Entra tenant ids'] as [string, string]]
      : []),
  ];
  if (missing.length > 0)
    throw new ConfigError(
      missing.map(([name]) => name).join(', '),
      `required, not set (${missing.map(([name, what]) => `${name}: ${what}`).join('; ')}; see docs/deploy.md)`,
    );
  const algorithms = list(env, 'AUTH_ALGORITHMS', ['RS256']);
  for (const alg of algorithms)
    if (!/^(RS|PS|ES)(256|384|512)$/.test(alg))
      throw new ConfigError('AUTH_ALGORITHMS', `"${alg}" is not an accepted asymmetric signature algorithm`);
  const tlsCertFile = env.TLS_CERT?.trim() || undefined;
  const tlsKeyFile = env.TLS_KEY?.trim() || undefined;
  if (Boolean(tlsCertFile) !== Boolean(tlsKeyFile))
    throw new ConfigError(tlsCertFile ? 'TLS_KEY' : 'TLS_CERT', 'TLS_CERT and TLS_KEY must be set together');
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    pgliteDir: env.PGLITE_DIR?.trim() || undefined,
    auth: {
      issuerTemplate: template(env, 'AUTH_ISSUER_TEMPLATE', 'https://login.microsoftonline.com/{tid}/v2.0'),
      jwksUriTemplate: template(
        env,
        'AUTH_JWKS_URI_TEMPLATE',
        'https://login.microsoftonline.com/{tid}/discovery/v2.0/keys',
      ),
      audiences,
      allowedTenants,
      algorithms,
      clockTolerance_s: int(env, 'AUTH_CLOCK_TOLERANCE_S', 60, 0, 300),
      mfaAmr: list(env, 'AUTH_MFA_AMR', ['mfa']),
      mfaAcrs: list(env, 'AUTH_MFA_ACRS'),
      requiredScope: scope(env),
    },
    corsOrigins: list(env, 'CORS_ORIGINS'),
    bodyLimit_bytes: int(env, 'BODY_LIMIT_BYTES', 16 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    tlsCertFile,
    tlsKeyFile,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    auditAnchorInterval_s: int(env, 'AUDIT_ANCHOR_INTERVAL_S', 3600, 10, 86_400),
    auditAnchorFile: env.AUDIT_ANCHOR_FILE?.trim() || undefined,
    securityContact: env.SECURITY_CONTACT?.trim() || 'security@werkplan.example',
    // Defaults are assumptions (Annahme), documented in docs/security/retention.md.
    retention: {
      versionsKeep: int(env, 'RETENTION_VERSIONS_KEEP', 50, 1, 100_000),
      versionDays: int(env, 'RETENTION_VERSION_DAYS', 365, 1, 36_500),
      auditDays: int(env, 'RETENTION_AUDIT_DAYS', 1095, 30, 36_500),
      directoryDays: int(env, 'RETENTION_DIRECTORY_DAYS', 730, 1, 36_500),
    },
    retentionInterval_s: int(env, 'RETENTION_INTERVAL_S', 86_400, 0, 31_536_000),
    metricsPort: int(env, 'METRICS_PORT', 0, 0, 65535),
    metricsHost: env.METRICS_HOST?.trim() || '127.0.0.1',
    timeouts: {
      idle_ms: int(env, 'IDLE_TIMEOUT_MS', 30_000, 100, 600_000),
      headers_ms: int(env, 'HEADERS_TIMEOUT_MS', 20_000, 100, 600_000),
      request_ms: int(env, 'REQUEST_TIMEOUT_MS', 120_000, 100, 3_600_000),
      keepAlive_ms: int(env, 'KEEP_ALIVE_TIMEOUT_MS', 10_000, 100, 600_000),
    },
    quotaTenant_bytes: int(env, 'QUOTA_TENANT_BYTES', 20 * 1024 ** 3, 1024, Number.MAX_SAFE_INTEGER),
    quotaUser_bytes: int(env, 'QUOTA_USER_BYTES', 2 * 1024 ** 3, 1024, Number.MAX_SAFE_INTEGER),
    maxConcurrentUploads: int(env, 'MAX_CONCURRENT_UPLOADS', 4, 1, 1000),
  };
}
