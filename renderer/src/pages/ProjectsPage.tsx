import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../db/schema';
import {
  createProject,
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
  const [error, setError] = useState<string | null>(null);
  const setActive = useApp((s) => s.setActiveProject);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const p = await createProject(db(), name);
      setName('');
      setError(null);
      setActive(p.id);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form className="new-project" onSubmit={submit} noValidate>
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
        <button type="submit">{t('projects.create')}</button>
      </div>
      {error && (
        <p id="new-project-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ProjectRow({ project, onDelete }: { project: ProjectRecord; onDelete(p: ProjectRecord): void }) {
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

  const active = activeId === project.id;
  return (
    <tr className={active ? 'active' : undefined} data-testid="project-row">
      <td>
        {editing ? (
          <form onSubmit={save} className="inline-form" noValidate>
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
          <button
            type="button"
            className="link"
            onClick={() => setActive(project.id)}
            aria-current={active ? 'true' : undefined}
          >
            {project.name}
          </button>
        )}
      </td>
      <td>{formatDateTime(project.updatedAt, language)}</td>
      <td className="actions">
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('projects.rename')}
          </button>
        )}
        <button type="button" className="danger" onClick={() => onDelete(project)}>
          {t('projects.delete')}
        </button>
      </td>
    </tr>
  );
}

export default function ProjectsPage() {
  const { t } = useTranslation();
  const projects = useLiveQuery(() => listProjects(db()), []);
  const [toDelete, setToDelete] = useState<ProjectRecord | null>(null);
  const activeId = useApp((s) => s.activeProjectId);
  const setActive = useApp((s) => s.setActiveProject);

  async function confirmDelete() {
    if (!toDelete) return;
    await deleteProject(db(), toDelete.id);
    if (activeId === toDelete.id) setActive(null);
    setToDelete(null);
  }

  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">{t('projects.title')}</h1>
      <NewProjectForm />
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
              <ProjectRow key={p.id} project={p} onDelete={setToDelete} />
            ))}
          </tbody>
        </table>
      )}
      {toDelete && (
        <ConfirmDialog
          title={t('projects.deleteTitle')}
          body={t('projects.deleteBody', { name: toDelete.name })}
          confirmLabel={t('projects.delete')}
          cancelLabel={t('projects.cancel')}
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(null)}
        />
      )}
    </section>
  );
}
