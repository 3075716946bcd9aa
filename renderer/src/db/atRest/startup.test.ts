import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { DB_NAME, db, openDb } from '../schema';
import { createProject } from '../projects';
import { SEALED } from './middleware';
import { startAtRest, useAtRest } from './startup';

describe('start with the desktop key', () => {
  it('seals the existing plaintext database before the app reads it, and reports encrypted', async () => {
    const before = openDb(DB_NAME); // written by a version without encryption
    const p = await createProject(before, 'Bestandsprojekt');
    before.close();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const status = await startAtRest({
      kind: 'electron',
      load: async () => ({ status: { mode: 'encrypted' }, state: { mode: 'key', key } }),
    });
    expect(status).toEqual({ mode: 'encrypted' });
    expect(useAtRest.getState()).toMatchObject({ status: { mode: 'encrypted' }, migrationFailed: false });
    expect((await db().projects.get(p.id))?.name).toBe('Bestandsprojekt');
    const raw = new Dexie(DB_NAME);
    await raw.open();
    expect(SEALED in ((await raw.table('projects').get(p.id)) as object)).toBe(true);
    raw.close();
  });
});

describe('start when the shell cannot hand over its key', () => {
  it('locks the data instead of writing them unencrypted', async () => {
    vi.resetModules();
    const { startAtRest: start, useAtRest: store } = await import('./startup');
    const schema = await import('../schema');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const status = await start({ kind: 'electron', load: () => Promise.reject(new Error('ipc broke')) });
    expect(status).toEqual({ mode: 'locked', reason: 'keyUnreadable' });
    expect(store.getState().status).toEqual(status);
    await expect(schema.db().settings.put({ key: 'language', value: 'en' })).rejects.toMatchObject({
      code: 'readOnly',
    });
  });
});

describe('start with a different key than the data were sealed with', () => {
  it('reports it and leaves every row untouched (no migration, no rewrite)', async () => {
    vi.resetModules();
    const schema = await import('../schema');
    const { startAtRest: start, useAtRest: store } = await import('./startup');
    const name = schema.DB_NAME;
    const rawBefore = new Dexie(name);
    await rawBefore.open();
    const rows = await rawBefore.table('projects').toArray();
    const settingsRows = await rawBefore.table('settings').toArray();
    rawBefore.close();
    expect(rows.length).toBeGreaterThan(0);
    const otherKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await start({
      kind: 'electron',
      load: async () => ({ status: { mode: 'encrypted' }, state: { mode: 'key', key: otherKey } }),
    });
    expect(store.getState().otherKey).toBe(true);
    schema.closeDb();
    const rawAfter = new Dexie(name);
    await rawAfter.open();
    expect(await rawAfter.table('projects').toArray()).toEqual(rows);
    expect(await rawAfter.table('settings').toArray()).toEqual(settingsRows);
    rawAfter.close();
  });
});
