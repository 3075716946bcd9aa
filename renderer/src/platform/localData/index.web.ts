import Dexie from 'dexie';
import { DB_NAME } from '../../db/schema';
import { SYNC_DB_NAME } from '../../sync/db';
import type { LocalDataPlatform } from './index';

/**
 * Deletes what this origin keeps in the browser: every IndexedDB database (open dexie connections
 * close themselves on the deletion's versionchange), localStorage, sessionStorage and Cache Storage.
 */
export async function wipeBrowserStorage(win: Window): Promise<void> {
  const idb = win.indexedDB ?? globalThis.indexedDB;
  const names = new Set([DB_NAME, SYNC_DB_NAME]);
  const listed = idb && 'databases' in idb ? await idb.databases().catch(() => []) : [];
  for (const d of listed) if (d.name) names.add(d.name);
  for (const name of names) await Dexie.delete(name);
  win.localStorage?.clear();
  win.sessionStorage?.clear();
  const caches = (win as { caches?: CacheStorage }).caches;
  if (caches) for (const k of await caches.keys()) await caches.delete(k);
}

export function webLocalData(win: Window): LocalDataPlatform {
  return { kind: 'web', wipe: () => wipeBrowserStorage(win) };
}
