import type { AuthPlatform } from './index';

export const DESKTOP_ONLY = 'Sync sign-in needs the Werkplan desktop app.';

/**
 * The browser build does not sign in: it has no OS keychain for a refresh token, and a public SPA
 * client would need its own app registration and redirect URI per deployment. Sync is a desktop
 * feature; the web build keeps working offline on its local projects.
 */
export function webAuth(): AuthPlatform {
  const refuse = (): Promise<never> => Promise.reject(new Error(DESKTOP_ONLY));
  return {
    kind: 'web',
    supported: false,
    status: () => Promise.resolve({ configured: false, signedIn: false }),
    settings: () => Promise.resolve(null),
    configure: refuse,
    signIn: refuse,
    signOut: () => Promise.resolve({ revoked: false }),
    syncRequest: () =>
      Promise.resolve({ status: 0, etag: null, body: '', signedOut: true, error: DESKTOP_ONLY }),
  };
}
