import { create } from 'zustand';
import type { WerkplanDb } from '../db/schema';
import { setPointer } from '../../../solver/src/project/scenario';
import { blankDocument, type StoredProject } from './document';

/** Undo history depth; older steps are dropped. */
export const UNDO_LIMIT = 200;
/** Edits with the same coalesce key within this window become one undo step (typing in one field). */
export const COALESCE_MS = 1500;

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
  load(db: WerkplanDb, projectId: string | null): Promise<void>;
  /**
   * Applies an edit to a copy of the document, writes it to IndexedDB and pushes an undo step.
   * `alongside` writes series records in the same IndexedDB transaction (e.g. a year change that
   * regenerates the synthetic series), so both land or neither does.
   */
  edit(
    change: (draft: StoredProject) => void,
    coalesceKey?: string,
    alongside?: (db: WerkplanDb) => Promise<unknown>,
  ): Promise<void>;
  /** Sets the value at a JSON pointer of the document (arrays addressed by element id too). */
  setAt(pointer: string, value: unknown): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/**
 * The active project's document. Every edit is one IndexedDB transaction that writes the whole
 * document (small: series stay in the timeSeries store) before the next one starts, so a reload or
 * crash right after an edit loses nothing once `saved` has resolved (a few ms).
 */
export const useProject = create<ProjectStore>((set, get) => {
  function write(doc: StoredProject, alongside?: (db: WerkplanDb) => Promise<unknown>): Promise<void> {
    const { db, projectId } = get();
    if (!db || !projectId) return Promise.resolve();
    const prev = get().saved;
    const next = prev
      .catch(() => undefined)
      .then(() =>
        db.transaction('rw', [db.projects, db.timeSeries], async () => {
          if (alongside) await alongside(db);
          const changed = await db.projects.update(projectId, {
            document: doc,
            name: doc.name,
            updatedAt: Date.now(),
          });
          if (changed === 0) throw new Error(`Project ${projectId} no longer exists`);
        }),
      )
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
    async load(db, projectId) {
      await get().saved.catch(() => undefined);
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
        doc: draft,
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
      set({ doc: prev, past: past.slice(0, -1), future: [doc, ...future], lastKey: null });
      await write(prev);
    },
    async redo() {
      const { doc, past, future } = get();
      if (!doc || future.length === 0) return;
      const next = future[0];
      set({ doc: next, past: [...past, doc], future: future.slice(1), lastKey: null });
      await write(next);
    },
  };
});

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
