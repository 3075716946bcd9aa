import type { FileSystemLike } from '../electron-api';
import type { DataKeyStore } from './dataKey';

/** The slice of Electron's session that deleting all local data needs. */
export interface StorageSessionLike {
  clearStorageData(): Promise<void>;
  clearCache(): Promise<void>;
}

export interface WipeDeps {
  fs: FileSystemLike;
  /** The secret vault files in userData (renderer secrets such as a remembered passphrase, auth). */
  vaultFiles: string[];
  dataKey: DataKeyStore;
  /** Signs out of sync (revokes the refresh token where the provider can, deletes the tokens). */
  signOut(): Promise<unknown>;
  session: StorageSessionLike;
  /** How long signing out may take before the local deletion goes on without it. */
  signOutTimeout_ms?: number;
}

/**
 * "Delete all local data" (docs/security/desktop-data.md): signs out, deletes the secret vault
 * files and the at-rest key, and clears the session's storage (IndexedDB, localStorage, Cache
 * Storage, service workers …) and HTTP cache. Deleting goes on even when signing out fails
 * (offline): the tokens are deleted with the vault files.
 */
export async function wipeLocalData(deps: WipeDeps): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    deps.signOut().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, deps.signOutTimeout_ms ?? 5000))),
  ]);
  clearTimeout(timer);
  for (const file of deps.vaultFiles) await deps.fs.rm(file, { force: true });
  await deps.dataKey.forget();
  await deps.session.clearStorageData();
  await deps.session.clearCache();
}
