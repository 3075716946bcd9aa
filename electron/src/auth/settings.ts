import type { SyncSettings } from '../../../contracts';

/**
 * Sync sign-in settings, validated in the main process (the renderer's input is untrusted):
 * an OpenID provider configured like Entra ID (authority or tenant, client id, API scope) and the
 * sync server URL. Everything must be https, except loopback addresses for development and tests.
 */
export type { SyncSettings };

export class SettingsError extends Error {
  constructor(field: keyof SyncSettings | 'settings', detail: string) {
    super(`sync settings: ${field}: ${detail}`);
    this.name = 'SettingsError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,200}$/;
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]{1,300}$/;

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}

export function secureUrl(field: keyof SyncSettings, raw: unknown): URL {
  if (typeof raw !== 'string' || raw.length > 500)
    throw new SettingsError(field, 'must be a URL of at most 500 characters');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SettingsError(field, `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    throw new SettingsError(field, `"${raw}" must use https (http only on loopback)`);
  if (url.username || url.password) throw new SettingsError(field, 'must not contain credentials');
  if (url.search || url.hash) throw new SettingsError(field, 'must not contain a query or fragment');
  return url;
}

export function parseSettings(v: unknown): SyncSettings {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new SettingsError('settings', 'expected an object');
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter(
    (k) => !['authority', 'tenantId', 'clientId', 'apiScope', 'serverUrl'].includes(k),
  );
  if (extra.length) throw new SettingsError('settings', `unknown key(s) ${extra.join(', ')}`);
  let tenantId: string | undefined;
  if (o.tenantId !== undefined && o.tenantId !== '') {
    if (typeof o.tenantId !== 'string' || !GUID.test(o.tenantId.trim()))
      throw new SettingsError('tenantId', 'must be the tenant id (a GUID)');
    tenantId = o.tenantId.trim().toLowerCase();
  }
  let authorityRaw = o.authority;
  if ((authorityRaw === undefined || authorityRaw === '') && tenantId)
    authorityRaw = `https://login.microsoftonline.com/${tenantId}/v2.0`;
  const authority = secureUrl('authority', authorityRaw).toString().replace(/\/$/, '');
  if (typeof o.clientId !== 'string' || !CLIENT_ID.test(o.clientId.trim()))
    throw new SettingsError('clientId', 'must be the application (client) id');
  if (typeof o.apiScope !== 'string' || !SCOPE.test(o.apiScope.trim()))
    throw new SettingsError('apiScope', 'must be one scope such as api://<app-id>/Sync.ReadWrite');
  const serverUrl = secureUrl('serverUrl', o.serverUrl).toString().replace(/\/$/, '');
  return { authority, tenantId, clientId: o.clientId.trim(), apiScope: o.apiScope.trim(), serverUrl };
}
