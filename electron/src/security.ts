import { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS } from '../../contracts';
import type { SessionLike, ShellLike, WebContentsLike, WebPreferencesLike } from './electron-api';

export const APP_SCHEME = 'app';
export const APP_HOST = 'werkplan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The one set of web preferences every window gets (Electron security checklist). */
export function secureWebPreferences(preloadPath: string): WebPreferencesLike {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload: preloadPath,
  };
}

/** Origins the renderer may be loaded from: the packaged app, and in development Vite's dev server. */
export function trustedOrigins(devServerUrl?: string): Set<string> {
  const origins = new Set([APP_ORIGIN]);
  if (devServerUrl) {
    const u = new URL(devServerUrl);
    if (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1'))
      origins.add(u.origin);
    else throw new Error(`refusing dev server URL ${devServerUrl}: only http://localhost or 127.0.0.1`);
  }
  return origins;
}

/** The URL's origin, or null when it is not a parseable URL (app://werkplan gives "null" in WHATWG). */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${u.host}`;
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
}

/** External pages the user may open in the system browser (documentation, licences). */
export const EXTERNAL_ALLOW_LIST = [
  'https://www.bdew.de',
  'https://re.jrc.ec.europa.eu',
  'https://www.dwd.de',
];

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === 'https:' &&
      u.username === '' &&
      u.password === '' &&
      EXTERNAL_ALLOW_LIST.includes(u.origin)
    );
  } catch {
    return false;
  }
}

/**
 * Denies every navigation away from the app, every new window and every <webview>. Allowed external
 * links open in the system browser instead.
 */
export function guardNavigation(contents: WebContentsLike, origins: Set<string>, shell: ShellLike): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    const origin = originOf(url);
    if (origin && origins.has(origin)) return;
    event.preventDefault();
    if (isAllowedExternal(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', (e, url) => guard(e, url ?? e.url));
  contents.on('will-redirect', (e, url) => guard(e, url ?? e.url));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** No permission (camera, geolocation, notifications, …) is ever granted to web content. */
export function denyPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Security headers for every response, including the dev server's: CSP and cross-origin isolation. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    ...ISOLATION_HEADERS,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

export function applySecurityHeaders(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = { ...(details.responseHeaders ?? {}) };
    for (const [k, v] of Object.entries(securityHeaders())) {
      for (const existing of Object.keys(headers))
        if (existing.toLowerCase() === k.toLowerCase()) delete headers[existing];
      headers[k] = [v];
    }
    callback({ responseHeaders: headers });
  });
}
