import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../solver/src';
import type { ReportFormat, ReportRun } from '../../../../solver/src/report';
import { db } from '../../db/schema';
import { listResults, type StoredResult } from '../../db/results';
import { useLiveQuery } from '../../db/useLiveQuery';
import { files } from '../../platform/files';
import { assembleProject } from '../../project/assemble';
import { useApp } from '../../store/app';
import { EmptyPage } from '../EmptyPage';
import { userFileName } from '../../../../solver/src';
import { generateReport } from '../../solver/reportClient';
import { ReportOptions, type ReportOptionValues } from './ReportOptions';

/** A stored result that a report can show: solved, with results. */
const usable = (r: StoredResult) =>
  r.payload?.results && (r.payload.results.status === 'optimal' || r.payload.results.status === 'time_limit');

/**
 * File name from the project name as the user wrote it ("Wohnanlage Lindenstraße 2023.pdf"); only
 * characters a file system forbids are replaced (userFileName).
 */
export function reportFileName(projectName: string, format: ReportFormat, suffix = ''): string {
  return userFileName(projectName, format, suffix);
}

type Status =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; name: string } | { kind: 'error'; message: string };

/** Entry of the reports page (lazy-loaded by App): PDF, Excel or CSV from the stored results. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const projectId = useApp((s) => s.activeProjectId);
  const appLanguage = useApp((s) => s.language);
  const project = useLiveQuery(
    () => (projectId ? db().projects.get(projectId) : Promise.resolve(undefined)),
    [projectId],
  );
  const results = useLiveQuery(
    () => (projectId ? listResults(db(), projectId) : Promise.resolve([] as StoredResult[])),
    [projectId],
  );
  const [options, setOptions] = useState<ReportOptionValues>({
    format: 'pdf',
    lang: appLanguage,
    csvStyle: 'de',
    csvTable: 'summary',
  });
  const { format, lang, csvStyle, csvTable } = options;
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  // The status belongs to the project it was generated for (switching projects clears it).
  const [statusOf, setStatusOf] = useState<{ projectId: string | null; status: Status }>({
    projectId: null,
    status: { kind: 'idle' },
  });
  const status: Status = statusOf.projectId === projectId ? statusOf.status : { kind: 'idle' };
  const setStatus = (s: Status) => setStatusOf({ projectId, status: s });

  const ready = useMemo(() => (results ?? []).filter(usable), [results]);
  const skipped = useMemo(() => (results ?? []).filter((r) => !usable(r)), [results]);

  if (!projectId) return <EmptyPage page="reports" />;
  const title = (
    <h1 id="reports-title">
      {t('nav.reports')}
      {project ? ` – ${project.name}` : ''}
    </h1>
  );
  if (results === undefined || project === undefined)
    return (
      <section aria-labelledby="reports-title">
        {title}
        <p className="muted">{t('reports.loading')}</p>
      </section>
    );
  const hasDocument = !!project?.document;
  if (!hasDocument || ready.length === 0)
    return (
      <section aria-labelledby="reports-title">
        {title}
        <div className="empty-state">
          <p className="empty-title">{t(hasDocument ? 'reports.noResults' : 'reports.noDocument')}</p>
          <p>{t('reports.noResultsHint')}</p>
        </div>
      </section>
    );

  const chosen = ready.filter((r) => !excluded.has(r.scenarioId));
  // the base is named in the UI language (stored results keep "Basis" from the run)
  const label = (r: StoredResult) =>
    r.scenarioId === 'base' ? t('reports.base') : r.payload?.scenarioName || r.scenarioId;

  async function generate() {
    if (!projectId || chosen.length === 0) return;
    setStatus({ kind: 'busy' });
    try {
      // The stored document keeps its series apart; the report needs them inline (demand curves).
      const document: Project | null = await assembleProject(db(), projectId);
      if (!document) throw new Error(t('reports.noDocument'));
      const runs: ReportRun[] = chosen.map((r) => ({
        scenarioId: r.scenarioId,
        scenarioName: r.payload.scenarioName,
        results: r.payload.results,
        dispatch: r.payload.dispatch,
      }));
      const data = await generateReport(
        { project: document, runs },
        { format, lang, csvStyle, csvTable, csvScenario: chosen[0].scenarioId },
      );
      // The CSV's content in the report's language: "… – Fahrplan.csv", "… – Dispatch.csv".
      const suffix = format === 'csv' ? ` – ${t(`reports.fileSuffix.${csvTable}`, { lng: lang })}` : '';
      const saved = await files().saveFile({
        suggestedName: reportFileName(document.name, format, suffix),
        data,
        filters: [{ name: t(`reports.format.${format}`), extensions: [format] }],
      });
      setStatus(saved.saved ? { kind: 'saved', name: saved.name ?? '' } : { kind: 'idle' });
    } catch (err) {
      setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  const toggle = (id: string) =>
    setExcluded((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <section aria-labelledby="reports-title">
      {title}
      <p className="muted">{t('reports.intro')}</p>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <ReportOptions
          value={options}
          onChange={(patch) => setOptions((o) => ({ ...o, ...patch }))}
          dispatchOf={chosen[0] ? label(chosen[0]) : null}
        />
        <ScenarioChoice ready={ready} skipped={skipped} excluded={excluded} label={label} onToggle={toggle} />
        <button type="submit" disabled={status.kind === 'busy' || chosen.length === 0}>
          {status.kind === 'busy' ? t('reports.generating') : t('reports.generate')}
        </button>
        <p role="status" aria-live="polite">
          {status.kind === 'saved' && t('reports.saved', { name: status.name })}
          {status.kind === 'busy' && t('reports.busyHint')}
        </p>
        {status.kind === 'error' && (
          <p role="alert" className="field-error">
            {t('reports.failed', { reason: status.message })}
          </p>
        )}
      </form>
    </section>
  );
}

/** Which solved scenarios go into the report; unsolved ones are named as left out. */
function ScenarioChoice({
  ready,
  skipped,
  excluded,
  label,
  onToggle,
}: {
  ready: StoredResult[];
  skipped: StoredResult[];
  excluded: Set<string>;
  label: (r: StoredResult) => string;
  onToggle: (scenarioId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('reports.scenariosLabel')}</legend>
      {ready.map((r) => (
        <label key={r.scenarioId} style={{ display: 'block' }}>
          <input
            type="checkbox"
            checked={!excluded.has(r.scenarioId)}
            onChange={() => onToggle(r.scenarioId)}
          />{' '}
          {label(r)}
        </label>
      ))}
      {skipped.length > 0 && (
        <p className="muted">{t('reports.skipped', { scenarios: skipped.map(label).join(', ') })}</p>
      )}
    </fieldset>
  );
}
