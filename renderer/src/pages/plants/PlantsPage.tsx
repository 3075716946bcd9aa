import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { useLiveQuery } from '../../db/useLiveQuery';
import { checkProject as validateProject } from '../../project/check';
import { joinSeries } from '../../project/document';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { EmptyPage } from '../EmptyPage';
import { UndoBar, useActiveProject } from '../../components/UndoBar';
import { EditorProvider, makeEditor } from './editor';
import {
  ConstraintsSection,
  EconomicsSection,
  PricesSection,
  SiteSection,
  TechnologiesSection,
} from './sections';
import { DemandsSection } from './DemandsSection';

/** Checks the assembled project like the solver will, and lists each problem with its place. */
export function ProblemList({ variantId }: { variantId?: string | null }) {
  const { t } = useTranslation();
  const doc = useProject((s) => s.doc);
  const projectId = useProject((s) => s.projectId);
  const records = useLiveQuery(
    () => (projectId ? db().timeSeries.where('projectId').equals(projectId).toArray() : Promise.resolve([])),
    [projectId],
  );
  const errors = useMemo(() => {
    if (!doc || !records) return null;
    try {
      const project = joinSeries(doc, new Map(records.map((r) => [r.id, r])));
      const v = validateProject(project);
      void variantId;
      return v.ok ? [] : v.errors.map((e) => `${e.pointer || '/'}: ${e.message}`);
    } catch (e) {
      return [e instanceof Error ? e.message : String(e)];
    }
  }, [doc, records, variantId]);
  if (!errors) return null;
  return (
    <section
      className={`panel ${errors.length ? 'problems' : 'ok'}`}
      aria-live="polite"
      data-testid="problems"
    >
      <h2>{t('planner.check.title')}</h2>
      {errors.length === 0 ? (
        <p>{t('planner.check.ok')}</p>
      ) : (
        <ul>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Entry of the plants page (lazy-loaded by App): site, demands, technologies, prices, economics, constraints. */
export default function PlantsPage() {
  const { t } = useTranslation();
  const activeId = useApp((s) => s.activeProjectId);
  const { doc, projectId } = useActiveProject();
  const records = useLiveQuery(
    () => (projectId ? db().timeSeries.where('projectId').equals(projectId).toArray() : Promise.resolve([])),
    [projectId],
  );
  const editor = useMemo(() => (doc ? makeEditor(doc, null) : null), [doc]);
  useEffect(() => {
    document.title = `${t('nav.plants')} – Werkplan`;
  }, [t]);
  if (!activeId) return <EmptyPage page="plants" />;
  if (!editor || !records) return <p className="empty">{t('planner.loading')}</p>;
  return (
    <section aria-labelledby="plants-title" className="planner">
      <div className="page-head">
        <h1 id="plants-title">{t('nav.plants')}</h1>
        <UndoBar />
      </div>
      <EditorProvider editor={editor}>
        <SiteSection />
        <DemandsSection records={records} />
        <TechnologiesSection />
        <PricesSection />
        <EconomicsSection />
        <ConstraintsSection />
      </EditorProvider>
      <ProblemList />
    </section>
  );
}
