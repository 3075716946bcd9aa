import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { db } from '../db/schema';
import {
  deleteProject,
  listProjects,
  renameProject,
  ValidationError,
  PROJECT_NAME_MAX,
} from '../db/projects';
import { useLiveQuery } from '../db/useLiveQuery';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDateTime } from '../i18n/format';
import { useApp } from '../store/app';
import type { ProjectRecord } from '../db/schema';
import {
  createBlankProject,
  duplicateProject,
  exportProjectText,
  importProject,
  parseProjectFile,
  ProjectFileError,
} from '../project/files';
import { files } from '../platform/files';
import { syncDb } from '../sync/db';
import type { ProjectSyncState } from '../sync/db';
import { syncController, useSync, type DeletionMode, type SyncController } from '../sync/controller';
import { ShareDialog } from '../sync/ShareDialog';
import { basisLine } from './results/basis';
import { fileProblems } from '../project/problems';
import { userFileName } from '../../../solver/src';

/** The examples shipped with the app (assets/examples), loaded only when chosen. */
const EXAMPLES = {
  'reference-hub': () => import('../../../assets/examples/reference-hub.json?raw'),
  'single-building': () => import('../../../assets/examples/single-building.json?raw'),
  'transformation-path': () => import('../../../assets/examples/transformation-path.json?raw'),
  'district-network': () => import('../../../assets/examples/district-network.json?raw'),
} as const;
type Template = 'blank' | keyof typeof EXAMPLES;

/**
 * The suggested name of a project file: the project name as the user wrote it ("Wohnanlage
 * Lindenstraße 2023.werkplan.json"); only characters a file system forbids are replaced, as for
 * reports (userFileName).
 */
export const fileNameOf = (name: string) => userFileName(name, 'werkplan.json', '', 'Projekt');

function useErrorText() {
  const { t } = useTranslation();
  return (err: unknown) =>
    err instanceof ValidationError
      ? t(`projects.errors.${err.code}`, { max: PROJECT_NAME_MAX })
      : String(err);
}

function NewProjectForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<Template>('blank');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setActive = useApp((s) => s.setActiveProject);
  const setPage = useApp((s) => s.setPage);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const p =
        template === 'blank'
          ? await createBlankProject(db(), name)
          : await importProject(db(), parseProjectFile((await EXAMPLES[template]()).default), { name });
      setName('');
      setError(null);
      // A new project opens: it becomes the active one and its inputs come up, unless the user
      // went to another page while an example was still loading (never pull them back).
      setActive(p.id);
      if (useApp.getState().page === 'projects') setPage('plants');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="new-project" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="new-project-name">{t('projects.newLabel')}</label>
      <div className="field-row">
        <input
          id="new-project-name"
          value={name}
          placeholder={t('projects.namePlaceholder')}
          maxLength={PROJECT_NAME_MAX + 20}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-project-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor="new-project-template" className="sr-only">
          {t('planner.projects.template')}
        </label>
        <select
          id="new-project-template"
          value={template}
          onChange={(e) => setTemplate(e.target.value as Template)}
        >
          <option value="blank">{t('planner.projects.blank')}</option>
          <option value="reference-hub">{t('planner.projects.exampleHub')}</option>
          <option value="single-building">{t('planner.projects.exampleHouse')}</option>
          <option value="transformation-path">{t('planner.projects.examplePath')}</option>
          <option value="district-network">{t('planner.projects.exampleNetwork')}</option>
        </select>
        <button type="submit" disabled={busy} aria-busy={busy || undefined}>
          {t('projects.create')}
        </button>
      </div>
      {error && (
        <p id="new-project-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ProjectRow({
  project,
  sync,
  onDelete,
  onShare,
  onMessage,
}: {
  project: ProjectRecord;
  /** The project's sync state when it has been synced, to offer sharing or say it is gone. */
  sync?: ProjectSyncState;
  onDelete: (p: ProjectRecord) => void;
  onShare?: (p: ProjectRecord) => void;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useApp((s) => s.language);
  const activeId = useApp((s) => s.activeProjectId);
  const setActive = useApp((s) => s.setActiveProject);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await renameProject(db(), project.id, name);
      setEditing(false);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function exportProject() {
    try {
      const text = await exportProjectText(db(), project.id);
      const r = await files().saveFile({
        suggestedName: fileNameOf(project.name),
        data: new TextEncoder().encode(text),
        filters: [{ name: 'Werkplan', extensions: ['json'] }],
      });
      if (r.saved) onMessage(t('planner.projects.exported', { name: r.name ?? '' }));
    } catch (e) {
      onMessage(String(e));
    }
  }

  const active = activeId === project.id;
  const basis = project.document ? basisLine(project.document, t) : null;
  return (
    <tr className={active ? 'active' : undefined} data-testid="project-row">
      <td>
        {editing ? (
          <form onSubmit={(e) => void save(e)} className="inline-form" noValidate>
            <input
              aria-label={t('projects.name')}
              value={name}
              autoFocus
              aria-invalid={error ? true : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setEditing(false);
                  setName(project.name);
                  setError(null);
                }
              }}
            />
            <button type="submit">{t('projects.save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('projects.cancel')}
            </button>
            {error && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
          </form>
        ) : (
          <>
            <button
              type="button"
              className="link"
              onClick={() => setActive(project.id)}
              aria-current={active ? 'true' : undefined}
            >
              {project.name}
            </button>
            {basis ? (
              <span className="project-basis muted" data-testid="project-basis">
                {basis}
              </span>
            ) : null}
            {sync?.goneAt ? (
              <>
                {' '}
                <span
                  className="badge stale"
                  title={t('sync.gone.explain')}
                  aria-describedby={`gone-${project.id}`}
                >
                  {t('sync.gone.badge')}
                </span>
                <span id={`gone-${project.id}`} hidden>
                  {t('sync.gone.explain')}
                </span>
              </>
            ) : null}
          </>
        )}
      </td>
      <td>{formatDateTime(project.updatedAt, language)}</td>
      <td className="actions">
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('projects.rename')}
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            void duplicateProject(
              db(),
              project.id,
              t('planner.projects.copyName', { name: project.name }),
            ).catch((e) => onMessage(String(e)))
          }
        >
          {t('planner.projects.duplicate')}
        </button>
        <button type="button" disabled={!project.document} onClick={() => void exportProject()}>
          {t('planner.projects.export')}
        </button>
        {onShare && sync && !sync.goneAt && (
          <button type="button" onClick={() => onShare(project)}>
            {t('sync.share.button')}
          </button>
        )}
        <button type="button" className="danger" onClick={() => onDelete(project)}>
          {t('projects.delete')}
        </button>
      </td>
    </tr>
  );
}

/** What the delete dialog says: removing everywhere, leaving a shared project, or deleting here. */
function deletionTexts(
  toDelete: { project: ProjectRecord; mode: DeletionMode } | null,
  gone: boolean,
  t: TFunction,
): { title: string; body: string; confirm: string } {
  return toDelete?.mode === 'everywhere'
    ? {
        title: t('sync.delete.everywhereTitle'),
        body: t('sync.delete.everywhereBody', { name: toDelete.project.name }),
        confirm: t('sync.delete.everywhereConfirm'),
      }
    : toDelete?.mode === 'leave'
      ? {
          title: t('sync.delete.leaveTitle'),
          body: t('sync.delete.leaveBody', { name: toDelete.project.name }),
          confirm: t('sync.delete.leaveConfirm'),
        }
      : {
          title: t('projects.deleteTitle'),
          body: gone
            ? t('sync.delete.goneBody', { name: toDelete?.project.name ?? '' })
            : t('projects.deleteBody', { name: toDelete?.project.name ?? '' }),
          confirm: t('projects.delete'),
        };
}

export default function ProjectsPage({ controller }: { controller?: SyncController } = {}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const projects = useLiveQuery(() => listProjects(db()), []);
  const syncStates = useLiveQuery(
    async () => new Map((await syncDb().state.toArray()).map((s) => [s.projectId, s])),
    [],
  );
  const syncSupported = useSync((s) => s.supported);
  const [toDelete, setToDelete] = useState<{ project: ProjectRecord; mode: DeletionMode } | null>(null);
  const [toShare, setToShare] = useState<ProjectRecord | null>(null);
  const sync = () => controller ?? syncController();
  const activeId = useApp((s) => s.activeProjectId);
  const setActive = useApp((s) => s.setActiveProject);
  const [message, setMessage] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);

  async function importFile(name: string, data: Uint8Array) {
    setImportErrors(null);
    setMessage(null);
    try {
      const text = new TextDecoder().decode(data);
      const p = await importProject(db(), parseProjectFile(text, name));
      setActive(p.id);
      setMessage(t('planner.projects.imported', { name: p.name }));
    } catch (e) {
      setImportErrors(
        e instanceof ProjectFileError
          ? fileProblems(e.errors, new TextDecoder().decode(data), name, t, language)
          : [e instanceof Error ? e.message : String(e)],
      );
    }
  }

  /** Asks first how far the deletion reaches: this device, the server for everyone, or leaving. */
  async function askDelete(project: ProjectRecord) {
    try {
      setToDelete({ project, mode: await sync().deletionMode(project.id) });
    } catch (e) {
      setMessage(String(e));
    }
  }

  async function confirmDelete() {
    if (!toDelete) return;
    const { project, mode } = toDelete;
    try {
      if (mode === 'local' && !syncStates?.has(project.id)) await deleteProject(db(), project.id);
      else await sync().deleteProject(project.id, mode);
    } catch (e) {
      setMessage(String(e));
    }
    if (activeId === project.id) setActive(null);
    setToDelete(null);
  }

  const gone = toDelete ? !!syncStates?.get(toDelete.project.id)?.goneAt : false;
  const deleteTexts = deletionTexts(toDelete, gone, t);

  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">{t('projects.title')}</h1>
      <NewProjectForm />
      <div className="field-row import-row">
        <label htmlFor="import-project" className="button-like">
          {t('planner.projects.import')}
        </label>
        <input
          id="import-project"
          type="file"
          accept=".json,application/json"
          className="visually-hidden-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void f.arrayBuffer().then((b) => importFile(f.name, new Uint8Array(b)));
          }}
        />
      </div>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {importErrors && (
        <div role="alert" className="field-error">
          <p>{t('planner.projects.importFailed')}</p>
          <ul>
            {importErrors.slice(0, 20).map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      {projects && projects.length === 0 && <p className="empty">{t('projects.empty')}</p>}
      {projects && projects.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('projects.name')}</th>
              <th scope="col">{t('projects.updated')}</th>
              <th scope="col">{t('projects.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <ProjectRow
                key={p.id}
                project={p}
                sync={syncStates?.get(p.id)}
                onDelete={(x) => void askDelete(x)}
                onShare={syncSupported ? setToShare : undefined}
                onMessage={setMessage}
              />
            ))}
          </tbody>
        </table>
      )}
      {toDelete && (
        <ConfirmDialog
          title={deleteTexts.title}
          body={deleteTexts.body}
          confirmLabel={deleteTexts.confirm}
          cancelLabel={t('projects.cancel')}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setToDelete(null)}
        />
      )}
      {toShare && (
        <ShareDialog
          projectId={toShare.id}
          projectName={toShare.name}
          controller={sync()}
          onClose={() => setToShare(null)}
        />
      )}
    </section>
  );
}
