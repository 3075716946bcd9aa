import type { SafeStorageLike } from '../electron-api';

/**
 * Whether the operating system really protects what safeStorage encrypts. On Windows (DPAPI) and
 * macOS (Keychain) `isEncryptionAvailable()` says so. On Linux it is also true when Chromium found
 * no keyring and fell back to `basic_text`: a key hard-coded in Chromium, so anyone who copies the
 * file can decrypt it. There the selected backend decides: only a keyring (libsecret, KWallet)
 * counts; `basic_text` and `unknown` do not (Electron docs, safeStorage.getSelectedStorageBackend,
 * checked 2026-12-05).
 */
export type OsProtectionReason = 'noEncryption' | 'basicText' | 'unknownBackend';

export interface OsProtection {
  available: boolean;
  /** Linux only: the backend Chromium selected (e.g. gnome_libsecret, kwallet5, basic_text). */
  backend?: string;
  reason?: OsProtectionReason;
}

export function osProtection(safeStorage: SafeStorageLike, platform: NodeJS.Platform): OsProtection {
  if (!safeStorage.isEncryptionAvailable()) return { available: false, reason: 'noEncryption' };
  if (platform !== 'linux') return { available: true };
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  if (backend === 'basic_text') return { available: false, backend, reason: 'basicText' };
  if (backend === 'unknown') return { available: false, backend, reason: 'unknownBackend' };
  return { available: true, backend };
}
