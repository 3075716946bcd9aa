import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../db/schema';
import { handleUndoKey, invalidDrafts, useProject, type FieldDraft } from '../project/store';
import { useApp } from '../store/app';

/** Loads the active project into the project store when it changes; returns its document. */
export function useActiveProject() {
  const activeId = useApp((s) => s.activeProjectId);
  const doc = useProject((s) => s.doc);
  const projectId = useProject((s) => s.projectId);
  const missing = useProject((s) => s.missing);
  useEffect(() => {
    if (activeId !== useProject.getState().projectId || !useProject.getState().doc)
      void useProject.getState().load(db(), activeId);
  }, [activeId]);
  useEffect(() => {
    // The remembered project was deleted (e.g. in another window): back to "no project selected".
    if (missing && missing === activeId) useApp.getState().setActiveProject(null);
  }, [missing, activeId]);
  return { doc: projectId === activeId ? doc : null, projectId: projectId === activeId ? projectId : null };
}

/** Undo/redo buttons, the keyboard shortcuts (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z) and the save state. */
export function UndoBar() {
  const { t } = useTranslation();
  const past = useProject((s) => s.past.length);
  const future = useProject((s) => s.future.length);
  const error = useProject((s) => s.error);
  const drafts = useProject((s) => s.drafts);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = handleUndoKey(e);
      if (!action) return;
      // Inside a field with typed, not yet committed text the browser's own undo comes first.
      const target = e.target as HTMLInputElement | null;
      if (
        target?.tagName === 'INPUT' &&
        (target.dataset.dirty === 'true' || (!target.dataset.dirty && target.value !== target.defaultValue))
      )
        return;
      e.preventDefault();
      void (action === 'undo' ? useProject.getState().undo() : useProject.getState().redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="undo-bar" role="toolbar" aria-label={t('planner.undo.toolbar')}>
      <button
        type="button"
        disabled={past === 0}
        onClick={() => void useProject.getState().undo()}
        aria-keyshortcuts="Control+Z"
      >
        {t('planner.undo.undo')}
      </button>
      <button
        type="button"
        disabled={future === 0}
        onClick={() => void useProject.getState().redo()}
        aria-keyshortcuts="Control+Y"
      >
        {t('planner.undo.redo')}
      </button>
      <SaveStatus error={error} drafts={drafts} />
    </div>
  );
}

/** The field names of some drafts, as one line ("Gaskessel: Investition, Kalkulationszins"). */
export const draftFields = (drafts: FieldDraft[]): string =>
  [...new Set(drafts.map((d) => d.label))].join(', ');

/**
 * What is saved: a failed write, else the fields whose typed values are invalid (and so not saved),
 * else values typed but not yet applied, else "all saved". Never "saved" while a typed value is not.
 */
export function SaveStatus({ error, drafts }: { error: string | null; drafts: Record<string, FieldDraft> }) {
  const { t } = useTranslation();
  const invalid = invalidDrafts(drafts);
  const pending = Object.values(drafts).filter((d) => d.error === null);
  const text = error
    ? t('planner.undo.saveFailed', { error })
    : invalid.length
      ? t('planner.undo.invalid', { count: invalid.length, fields: draftFields(invalid) })
      : pending.length
        ? t('planner.undo.pending', { fields: draftFields(pending) })
        : t('planner.undo.saved');
  return (
    <span
      className={error || invalid.length ? 'field-error' : 'muted'}
      role="status"
      data-testid="save-status"
    >
      {text}
    </span>
  );
}
