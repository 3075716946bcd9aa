import type { SyncSettings } from '../../../contracts';

/**
 * What a token was obtained for: the sync server it may be sent to and the provider (authority,
 * tenant, client, scope) that issued it. Stored with the tokens; a token is only ever attached to a
 * request for the server of its own binding, so a settings change made by a compromised renderer
 * cannot redirect it (issue #15, docs/security/signin.md).
 */
export interface TokenBinding {
  serverUrl: string;
  authority: string;
  clientId: string;
  tenantId: string | null;
  apiScope: string;
}

export function bindingOf(s: SyncSettings): TokenBinding {
  return {
    serverUrl: s.serverUrl,
    authority: s.authority,
    clientId: s.clientId,
    tenantId: s.tenantId ?? null,
    apiScope: s.apiScope,
  };
}

/** True when both name the same server and the same provider, client and scope. */
export function sameBinding(a: TokenBinding, b: TokenBinding): boolean {
  return (
    a.serverUrl === b.serverUrl &&
    a.authority === b.authority &&
    a.clientId === b.clientId &&
    a.tenantId === b.tenantId &&
    a.apiScope === b.apiScope
  );
}

/** A stored binding read back from the vault; anything malformed counts as no binding. */
export function parseBinding(v: unknown): TokenBinding | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string';
  if (!str('serverUrl') || !str('authority') || !str('clientId') || !str('apiScope')) return null;
  if (o.tenantId !== null && typeof o.tenantId !== 'string') return null;
  return {
    serverUrl: o.serverUrl as string,
    authority: o.authority as string,
    clientId: o.clientId as string,
    tenantId: o.tenantId,
    apiScope: o.apiScope as string,
  };
}

/**
 * The question the shell asks before sync settings that change where tokens go are stored: shown by
 * the main process as a native dialog (never by the page), so a renderer script cannot answer it.
 */
export interface SettingsChange {
  previous: TokenBinding | null;
  next: TokenBinding;
  signedIn: boolean;
}

export type ConfirmSettingsChange = (change: SettingsChange) => Promise<boolean>;

/** The dialog's texts, German or English after the system language. */
export function settingsChangeDialog(
  change: SettingsChange,
  locale: string,
): { title: string; message: string; detail: string; buttons: [string, string] } {
  const de = locale.toLowerCase().startsWith('de');
  const lines = [
    `${de ? 'Sync-Server' : 'Sync server'}: ${change.next.serverUrl}`,
    `${de ? 'Anmeldung bei' : 'Sign-in at'}: ${change.next.authority}`,
  ];
  if (change.previous && change.previous.serverUrl !== change.next.serverUrl)
    lines.push(`${de ? 'Bisher' : 'Previously'}: ${change.previous.serverUrl}`);
  if (change.signedIn)
    lines.push(
      de
        ? 'Sie werden abgemeldet und melden sich danach beim neuen Server an.'
        : 'You will be signed out and sign in again for the new server.',
    );
  return {
    title: 'Werkplan',
    message: de
      ? 'Sync-Einstellungen ändern? Projekte und Anmeldedaten gehen künftig an diesen Server.'
      : 'Change the sync settings? Projects and sign-in tokens will go to this server from now on.',
    detail: lines.join('\n'),
    buttons: de ? ['Abbrechen', 'Ändern'] : ['Cancel', 'Change'],
  };
}
