import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import type { WerkplanBridge } from '../../../../contracts';
import { DB_NAME, openDb } from '../../db/schema';
import { createProject } from '../../db/projects';
import { openSyncDb, SYNC_DB_NAME } from '../../sync/db';
import { localData } from './index';

async function seed() {
  const db = openDb();
  await createProject(db, 'Kunde Geheim');
  const sync = openSyncDb();
  await sync.meta.put({ key: 'teamKeyParams', value: { keyId: 'k' } });
  const other = new Dexie('werkplan-extra');
  other.version(1).stores({ t: 'id' });
  await other.table('t').put({ id: 1 });
  other.close();
  localStorage.setItem('werkplan.app', '{"page":"profiles"}');
  sessionStorage.setItem('s', '1');
  const store = new Map<string, unknown>([['werkplan-assets', {}]]);
  const caches = {
    keys: vi.fn(async () => [...store.keys()]),
    delete: vi.fn(async (k: string) => store.delete(k)),
  };
  return { db, sync, store, caches };
}

const names = async () => (await indexedDB.databases()).map((d) => d.name).sort();

describe('delete all local data', () => {
  it('web: deletes every IndexedDB database, localStorage, sessionStorage and Cache Storage', async () => {
    const { db, store, caches } = await seed();
    expect(await names()).toEqual(expect.arrayContaining([DB_NAME, SYNC_DB_NAME, 'werkplan-extra']));
    const win = Object.assign(Object.create(window) as Window, {
      caches,
      localStorage,
      sessionStorage,
      indexedDB,
    });
    const platform = localData(win);
    expect(platform.kind).toBe('web');
    await platform.wipe();
    expect(await names()).toEqual([]);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(store.size).toBe(0);
    expect(db.isOpen()).toBe(false);
  });

  it('desktop: deletes the page storage, then has the shell delete secrets, tokens, key and session data', async () => {
    const { caches } = await seed();
    const order: string[] = [];
    const bridge = {
      kind: 'electron',
      wipeLocalData: vi.fn(async () => {
        order.push(`shell after ${(await names()).length} databases`);
      }),
    } as unknown as WerkplanBridge;
    const win = Object.assign(Object.create(window) as Window, {
      werkplan: bridge,
      caches,
      localStorage,
      sessionStorage,
      indexedDB,
    });
    await localData(win).wipe();
    expect(bridge.wipeLocalData).toHaveBeenCalledOnce();
    expect(order).toEqual(['shell after 0 databases']);
    expect(localStorage.length).toBe(0);
  });
});
