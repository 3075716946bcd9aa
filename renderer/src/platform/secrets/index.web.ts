import type { SecretStore } from './index';

/**
 * A browser has no operating-system keychain, and localStorage or IndexedDB would keep secrets in
 * plain text on disk. So the web build stores none: features that need a secret (sync sign-in)
 * ask for it per session instead.
 */
export function webSecrets(): SecretStore {
  return {
    kind: 'web',
    isAvailable: () => Promise.resolve(false),
    get: () => Promise.resolve(null),
    set: () =>
      Promise.reject(
        new Error('Secure storage is not available in the browser; use the desktop app to keep secrets.'),
      ),
    delete: () => Promise.resolve(),
  };
}
