import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type WerkplanDb } from '../db/schema';
import { createBlankProject } from './files';
import { handleUndoKey, useProject } from './store';
import type { StoredProject } from './document';

let n = 0;
let db: WerkplanDb;
beforeEach(() => {
  db = openDb(`store-test-${++n}`);
});
afterEach(async () => {
  await useProject.getState().load(db, null);
  await db.delete();
});

const stored = async (id: string) => (await db.projects.get(id))?.document as StoredProject;

describe('project store', () => {
  it('writes every edit to IndexedDB before the promise resolves', async () => {
    const p = await createBlankProject(db, 'A');
    await useProject.getState().load(db, p.id);
    await useProject.getState().setAt('/economics/co2Price_EUR_t', 120);
    expect((await stored(p.id)).economics.co2Price_EUR_t).toBe(120);
    // a fresh database handle (as after a reload) sees it too
    const again = openDb(db.name);
    expect(((await again.projects.get(p.id))?.document as StoredProject).economics.co2Price_EUR_t).toBe(120);
    again.close();
  });

  it('undoes and redoes edits, and stores each state', async () => {
    const p = await createBlankProject(db, 'A');
    const s = useProject.getState();
    await s.load(db, p.id);
    await s.setAt('/economics/interestRate', 0.03);
    await s.edit((d) => {
      d.fuels.gas = { price_EUR_kWh: 0.06, co2_kg_kWh: 0.201, renewable: false };
    });
    expect(useProject.getState().past).toHaveLength(2);
    await useProject.getState().undo();
    expect(useProject.getState().doc?.fuels.gas).toBeUndefined();
    expect((await stored(p.id)).fuels.gas).toBeUndefined();
    await useProject.getState().undo();
    expect((await stored(p.id)).economics.interestRate).toBe(0.05);
    await useProject.getState().redo();
    await useProject.getState().redo();
    expect((await stored(p.id)).fuels.gas?.price_EUR_kWh).toBe(0.06);
    expect(useProject.getState().future).toHaveLength(0);
  });

  it('merges quick edits of one field into one undo step; a new edit clears redo', async () => {
    const p = await createBlankProject(db, 'A');
    const s = useProject.getState();
    await s.load(db, p.id);
    await s.setAt('/economics/co2Price_EUR_t', 1);
    await useProject.getState().setAt('/economics/co2Price_EUR_t', 12);
    await useProject.getState().setAt('/economics/co2Price_EUR_t', 120);
    expect(useProject.getState().past).toHaveLength(1);
    await useProject.getState().undo();
    expect(useProject.getState().doc?.economics.co2Price_EUR_t).toBe(55);
    await useProject.getState().setAt('/economics/interestRate', 0.04);
    expect(useProject.getState().future).toHaveLength(0);
  });

  it('reports an edit of a pointer that does not exist and keeps the document', async () => {
    const p = await createBlankProject(db, 'A');
    await useProject.getState().load(db, p.id);
    await expect(useProject.getState().setAt('/nope/x', 1)).rejects.toThrow(/does not exist/);
    expect((await stored(p.id)).economics.co2Price_EUR_t).toBe(55);
  });

  it('gives a project without document (schema v1 blank) the skeleton on load', async () => {
    await db.projects.add({ id: 'old', name: 'Alt', createdAt: 1, updatedAt: 1, document: null });
    await useProject.getState().load(db, 'old');
    expect(useProject.getState().doc?.name).toBe('Alt');
    expect((await stored('old')).technologies).toEqual([]);
    await useProject.getState().load(db, 'gone');
    expect(useProject.getState().missing).toBe('gone');
  });

  it('maps the undo keys', () => {
    const k = (key: string, shiftKey = false, ctrlKey = true) =>
      handleUndoKey({ key, shiftKey, ctrlKey, metaKey: false });
    expect(k('z')).toBe('undo');
    expect(k('y')).toBe('redo');
    expect(k('Z', true)).toBe('redo');
    expect(k('z', false, false)).toBeNull();
  });
});
