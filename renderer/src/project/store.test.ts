import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type WerkplanDb } from '../db/schema';
import { createBlankProject } from './files';
import { draftKey, draftsConcern, handleUndoKey, invalidDrafts, useProject } from './store';
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

describe('typed values not in the document (drafts)', () => {
  const capex = '/technologies/gb/capex_EUR_per_unit';
  const draft = (error: string | null, variantId: string | null = null) => ({
    text: error ? '-500' : '12',
    label: 'Gaskessel: Investition',
    error,
    pointer: capex,
    variantId,
  });

  it('keeps invalid and pending values per field for every page, and clears them', async () => {
    const p = await createBlankProject(db, 'A');
    const s = useProject.getState();
    await s.load(db, p.id);
    await s.edit((d) => {
      d.technologies.push({
        id: 'gb',
        type: 'boiler',
        name: 'Gaskessel',
        fuel: 'gas',
        efficiency: 0.9,
        capex_EUR_per_unit: 100,
        lifetime_a: 20,
        fixedOm_share: 0.02,
      });
    });
    s.setDraft(draftKey(capex), draft('Mindestens 0.'));
    s.setDraft(draftKey('/economics/interestRate'), { ...draft(null), pointer: '/economics/interestRate' });
    const drafts = useProject.getState().drafts;
    expect(invalidDrafts(drafts).map((d) => d.label)).toEqual(['Gaskessel: Investition']);
    expect(Object.keys(drafts)).toEqual([capex, '/economics/interestRate']);
    // an edit elsewhere keeps them: the typed value is still not in the document
    await s.setAt('/economics/co2Price_EUR_t', 80);
    expect(Object.keys(useProject.getState().drafts)).toHaveLength(2);
    // corrected: gone
    s.setDraft(draftKey('/economics/interestRate'), null);
    expect(Object.keys(useProject.getState().drafts)).toEqual([capex]);
    // a constant price that became a series: its number field is gone, and so is its draft
    const price = '/fuels/gas/price_EUR_kWh';
    await s.edit((d) => {
      d.fuels.gas = { price_EUR_kWh: 0.06, co2_kg_kWh: 0.2, renewable: false };
    });
    s.setDraft(price, { ...draft('x'), pointer: price });
    await s.setAt('/economics/co2Price_EUR_t', 81);
    expect(useProject.getState().drafts[price]).toBeDefined();
    await s.setAt(price, { series: 'spot', scale: 0.001, adder: 0 });
    expect(useProject.getState().drafts[price]).toBeUndefined();
    // the technology removed: its draft goes with it
    await s.edit((d) => {
      d.technologies = [];
    });
    expect(useProject.getState().drafts).toEqual({});
  });

  it('are dropped when another project is opened', async () => {
    const a = await createBlankProject(db, 'A');
    const b = await createBlankProject(db, 'B');
    await useProject.getState().load(db, a.id);
    useProject
      .getState()
      .setDraft('/economics/interestRate', { ...draft('x'), pointer: '/economics/interestRate' });
    await useProject.getState().load(db, a.id); // the same project again (a page switch): kept
    expect(Object.keys(useProject.getState().drafts)).toHaveLength(1);
    await useProject.getState().load(db, b.id);
    expect(useProject.getState().drafts).toEqual({});
  });

  it('a base field concerns every scenario, a variant field only its variant', () => {
    expect(draftsConcern({ a: draft(null) }, 'base')).toBe(true);
    expect(draftsConcern({ a: draft(null) }, 'v1')).toBe(true);
    expect(draftsConcern({ a: draft(null, 'v1') }, 'v1')).toBe(true);
    expect(draftsConcern({ a: draft(null, 'v1') }, 'base')).toBe(false);
    expect(draftsConcern({}, 'base')).toBe(false);
    expect(draftKey(capex, 'v1')).toBe(`v1:${capex}`);
  });
});
