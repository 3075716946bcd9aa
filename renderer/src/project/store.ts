import { create } from 'zustand';
import type { WerkplanDb } from '../db/schema';
import { setPointer } from '../../../solver/src';
import { blankDocument, type StoredProject } from './document';
import { getPointer } from './pointer';

/** Undo history depth; older steps are dropped. */
export const UNDO_LIMIT = 200;
/** Edits with the same coalesce key within this window become one undo step (typing in one field). */
export const COALESCE_MS = 1500;

/**
 * A value typed into a form field that is not in the document: still being typed (`error` null) or
 * refused by the field's rule. Kept in the store (not in the field) so every page sees it: the save
 * status names it, runs are blocked and no result is called current while one exists.
 */
export interface FieldDraft {
  /** What the user typed, as typed. */
  text: string;
  /** The field as the form names it, e.g. "Gaskessel: Investition". */
  label: string;
  /** The rule's message in the user's language; null while the value is only not yet committed. */
  error: string | null;
  /** Where the value would go (for removing drafts whose target was deleted). */
  pointer?: string;
  /** The variant whose override it is; null or absent for the base. */
  variantId?: string | null;
}

interface ProjectStore {
  db: WerkplanDb | null;
  projectId: string | null;
  doc: StoredProject | null;
  past: StoredProject[];
  future: StoredProject[];
  /** Last write's promise: resolves when the latest edit is in IndexedDB. */
  saved: Promise<void>;
  error: string | null;
  /** The last load asked for a project that does not exist (deleted elsewhere). */
  missing: string | null;
  lastKey: string | null;
  lastAt: number;
  /** Field key (see draftKey) → value typed but not in the document. Cleared when another project loads. */
  drafts: Record<string, FieldDraft>;
  /** Records (or with null clears) a field's typed value. */
  setDraft: (key: string, draft: FieldDraft | null) => void;
  load: (db: WerkplanDb, projectId: string | null) => Promise<void>;
  /**
   * Applies an edit to a copy of the document, writes it to IndexedDB and pushes an undo step.
   * `alongside` writes series records in the same IndexedDB transaction (e.g. a year change that
   * regenerates the synthetic series), so both land or neither does.
   */
  edit: (
    change: (draft: StoredProject) => void,
    coalesceKey?: string,
    alongside?: (db: WerkplanDb) => Promise<unknown>,
  ) => Promise<void>;
  /** Sets the value at a JSON pointer of the document (arrays addressed by element id too). */
  setAt: (pointer: string, value: unknown) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/**
 * The active project's document. Every edit is one IndexedDB transaction that writes the whole
 * document (small: series stay in the timeSeries store) before the next one starts, so a reload or
 * crash right after an edit loses nothing once `saved` has resolved (a few ms).
 */
export const useProject = create<ProjectStore>((set, get) => {
  /** Writes started and not yet finished (the next one waits for them, so they land in order). */
  let writing = 0;
  /** Sets a new document and drops drafts of fields that no longer exist in it (a removed technology). */
  function withDoc(doc: StoredProject): Pick<ProjectStore, 'doc' | 'drafts'> {
    return { doc, drafts: pruneDrafts(doc, get().drafts) };
  }
  function write(doc: StoredProject, alongside?: (db: WerkplanDb) => Promise<unknown>): Promise<void> {
    const { db, projectId } = get();
    if (!db || !projectId) return Promise.resolve();
    const prev = get().saved;
    const run = () =>
      db.transaction('rw', [db.projects, db.timeSeries], async () => {
        if (alongside) await alongside(db);
        const changed = await db.projects.update(projectId, {
          document: doc,
          name: doc.name,
          updatedAt: Date.now(),
        });
        if (changed === 0) throw new Error(`Project ${projectId} no longer exists`);
      });
    // With no write in flight the transaction starts now, before React re-renders the pages for the
    // new document (which can take a while): a reload right after an edit then finds it stored.
    const started = writing === 0 ? run() : prev.catch(() => undefined).then(run);
    writing++;
    const next = started
      .finally(() => writing--)
      .then(
        () => set({ error: null }),
        (e: unknown) => {
          set({ error: e instanceof Error ? e.message : String(e) });
          throw e;
        },
      );
    set({ saved: next });
    return next;
  }

  return {
    db: null,
    projectId: null,
    doc: null,
    past: [],
    future: [],
    saved: Promise.resolve(),
    error: null,
    missing: null,
    lastKey: null,
    lastAt: 0,
    drafts: {},
    setDraft(key, draft) {
      const { [key]: old, ...rest } = get().drafts;
      if (!draft) {
        if (old) set({ drafts: rest });
        return;
      }
      if (old && old.text === draft.text && old.error === draft.error && old.label === draft.label) return;
      set({ drafts: { ...rest, [key]: draft } });
    },
    async load(db, projectId) {
      await get().saved.catch(() => undefined);
      if (projectId !== get().projectId) set({ drafts: {} });
      if (!projectId) {
        set({ db, projectId: null, doc: null, past: [], future: [], lastKey: null, missing: null });
        return;
      }
      const rec = await db.projects.get(projectId);
      if (rec && !rec.document) {
        // a project created before it had inputs (document null): start from the skeleton
        rec.document = blankDocument(rec.name);
        await db.projects.update(projectId, { document: rec.document });
      }
      set({
        db,
        projectId: rec ? projectId : null,
        doc: (rec?.document as StoredProject | null) ?? null,
        past: [],
        future: [],
        lastKey: null,
        error: null,
        missing: rec ? null : projectId,
      });
    },
    async edit(change, coalesceKey, alongside) {
      const { doc, past, lastKey, lastAt } = get();
      if (!doc) return;
      const draft = structuredClone(doc);
      change(draft);
      const now = Date.now();
      const merge = coalesceKey !== undefined && coalesceKey === lastKey && now - lastAt < COALESCE_MS;
      set({
        ...withDoc(draft),
        past: merge ? past : [...past, doc].slice(-UNDO_LIMIT),
        future: [],
        lastKey: coalesceKey ?? null,
        lastAt: now,
      });
      await write(draft, alongside);
    },
    setAt(pointer, value) {
      return get().edit((d) => setPointer(d, pointer, value), pointer);
    },
    async undo() {
      const { doc, past, future } = get();
      if (!doc || past.length === 0) return;
      const prev = past[past.length - 1];
      set({ ...withDoc(prev), past: past.slice(0, -1), future: [doc, ...future], lastKey: null });
      await write(prev);
    },
    async redo() {
      const { doc, past, future } = get();
      if (!doc || future.length === 0) return;
      const next = future[0];
      set({ ...withDoc(next), past: [...past, doc], future: future.slice(1), lastKey: null });
      await write(next);
    },
  };
});

/** The store key of a form field: the variant (if any) and the JSON pointer it edits. */
export const draftKey = (pointer: string, variantId: string | null = null): string =>
  variantId ? `${variantId}:${pointer}` : pointer;

/**
 * Drafts whose technology, fuel, price series or variant is gone (the field's parent is no longer an
 * object) are dropped; an absent optional value (the field itself) is fine.
 */
export function pruneDrafts(
  doc: StoredProject,
  drafts: Record<string, FieldDraft>,
): Record<string, FieldDraft> {
  let changed = false;
  const out: Record<string, FieldDraft> = {};
  for (const [k, d] of Object.entries(drafts)) {
    const parent =
      d.pointer === undefined ? undefined : getPointer(doc, d.pointer.slice(0, d.pointer.lastIndexOf('/')));
    // a number's place now holding an object: the field went (a constant price became a series)
    const at = d.pointer === undefined ? undefined : getPointer(doc, d.pointer);
    const keep =
      (d.pointer === undefined ||
        (typeof parent === 'object' && parent !== null && (typeof at !== 'object' || at === null))) &&
      (!d.variantId || !!doc.scenarios?.some((s) => s.id === d.variantId));
    if (keep) out[k] = d;
    else changed = true;
  }
  return changed ? out : drafts;
}

/** The drafts refused by their field's rule. */
export const invalidDrafts = (drafts: Record<string, FieldDraft>): FieldDraft[] =>
  Object.values(drafts).filter((d) => d.error !== null);

/**
 * Whether a typed value not in the document concerns a scenario's inputs: a base field concerns every
 * scenario (variants start from the base), a variant's field only that variant.
 */
export const draftsConcern = (drafts: Record<string, FieldDraft>, scenarioId: string): boolean =>
  Object.values(drafts).some((d) => !d.variantId || d.variantId === scenarioId);

/** Ctrl+Z undo, Ctrl+Y / Ctrl+Shift+Z redo (⌘ on macOS). Returns true when the key was handled. */
export function handleUndoKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey)) return null;
  const k = e.key.toLowerCase();
  if (k === 'z' && !e.shiftKey) return 'undo';
  if (k === 'y' || (k === 'z' && e.shiftKey)) return 'redo';
  return null;
}
