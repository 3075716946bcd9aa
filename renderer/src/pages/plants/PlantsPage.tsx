import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { useLiveQuery } from '../../db/useLiveQuery';
import { checkForPlanner } from '../../../../solver/src';
import { joinSeries } from '../../project/document';
import { describeProblems, seriesNames, type Problem } from '../../project/problems';
import { invalidDrafts, useProject } from '../../project/store';
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
import { PathSection } from './PathSection';
import { periodFindings } from './pathEdit';
import { coverageProblems, withCoverage } from '../../project/seriesYear';
import { coverageText } from '../profiles/ProjectYear';

/**
 * Checks the assembled project like the solver will and lists each problem once, in the user's
 * language, with the field named as the form names it (the JSON pointer only as tooltip). What a
 * blank project has not got yet (demands, technologies) is listed neutrally as still to do.
 */
export function ProblemList({ variantId }: { variantId?: string | null }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const doc = useProject((s) => s.doc);
  const projectId = useProject((s) => s.projectId);
  const records = useLiveQuery(
    () => (projectId ? db().timeSeries.where('projectId').equals(projectId).toArray() : Promise.resolve([])),
    [projectId],
  );
  const drafts = useProject((s) => s.drafts);
  const checked = useMemo((): Problem[] | null => {
    if (!doc || !records) return null;
    void variantId;
    try {
      const project = joinSeries(doc, new Map(records.map((r) => [r.id, r])));
      const v = checkForPlanner(project);
      // a series outside the project year: one message naming it and both years
      return withCoverage(
        describeProblems(
          [...(v.ok ? [] : v.errors), ...periodFindings(project.periods)],
          project,
          t,
          language,
          {
            seriesNames: seriesNames(doc, records),
          },
        ),
        coverageProblems(doc, records),
        (c) => ({ kind: 'error', text: coverageText(c, t, language), pointer: `/timeSeries/${c.key}` }),
      );
    } catch (e) {
      return [{ kind: 'error', text: e instanceof Error ? e.message : String(e), pointer: '' }];
    }
  }, [doc, records, variantId, t, language]);
  // values typed into the forms and refused: the document keeps the old ones, so not "complete"
  const problems = useMemo(
    () =>
      checked && [
        ...invalidDrafts(drafts).map((d): Problem => ({
          kind: 'error',
          text: t('planner.check.msg.draft', { label: d.label, text: d.text, error: d.error }),
          pointer: d.pointer ?? '',
        })),
        ...checked,
      ],
    [checked, drafts, t],
  );
  if (!problems) return null;
  const errors = problems.filter((p) => p.kind === 'error');
  const todos = problems.filter((p) => p.kind === 'todo');
  const list = (items: Problem[], className: string) => (
    <ul className={className}>
      {items.map((p) => (
        <li key={p.text} title={p.pointer || undefined}>
          {p.text}
        </li>
      ))}
    </ul>
  );
  return (
    <section
      className={`panel ${errors.length ? 'problems' : todos.length ? 'problems todo' : 'ok'}`}
      aria-live="polite"
      data-testid="problems"
    >
      <h2>{t(errors.length || !todos.length ? 'planner.check.title' : 'planner.check.todoTitle')}</h2>
      {problems.length === 0 && <p>{t('planner.check.ok')}</p>}
      {errors.length > 0 && (
        <>
          <p>{t('planner.check.errorIntro')}</p>
          {list(errors, 'errors')}
        </>
      )}
      {todos.length > 0 && (
        <>
          <p>{t('planner.check.todoIntro')}</p>
          {list(todos, 'todos')}
        </>
      )}
    </section>
  );
}

/** Entry of the plants page (lazy-loaded by App): site, demands, technologies, prices, economics, constraints, transformation path. */
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
        <PathSection />
      </EditorProvider>
      <ProblemList />
    </section>
  );
}
