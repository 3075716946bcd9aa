import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { db } from '../../db/schema';
import { listResults, type StoredResult } from '../../db/results';
import { useLiveQuery } from '../../db/useLiveQuery';
import { currentInputsHash } from '../../project/assemble';
import { useApp } from '../../store/app';
import { draftsConcern, useProject, type FieldDraft } from '../../project/store';
import { draftFields } from '../../components/UndoBar';
import { techInfosOf } from '../../../../solver/src';
import { EmptyPage } from '../EmptyPage';
import { ResultView } from './ResultView';
import { CompareView } from './CompareView';
import { TechNamesContext, techNamesOf } from './common';
import { basisLine } from './basis';
import { Tabs } from '../../components/Tabs';
import './results.css';

type Tab = 'result' | 'compare';
const TABS: Tab[] = ['result', 'compare'];

/** Scenario ids whose stored result was computed from other inputs than the current ones. */
function useStale(projectId: string | null, results: StoredResult[] | undefined, version: unknown) {
  const [stale, setStale] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (!projectId || !results?.length) return;
    let cancelled = false;
    void (async () => {
      const out = new Set<string>();
      for (const r of results) {
        try {
          const hash = await currentInputsHash(db(), projectId, r.scenarioId);
          if (hash !== null && hash !== r.inputsHash) out.add(r.scenarioId);
        } catch {
          // A project that cannot be assembled any more: every result of it is out of date.
          out.add(r.scenarioId);
        }
      }
      if (!cancelled) setStale(out);
    })();
    return () => {
      cancelled = true;
    };
  }, [projectId, results, version]);
  return stale;
}

const NO_DRAFTS: Record<string, FieldDraft> = {};

/**
 * Why a stored result is not of what the forms show, although its inputs hash is unchanged: a value
 * typed into a form field that is not in the document (refused, or not yet applied). Null when no
 * such value concerns the scenario (a base field concerns every scenario, a variant's only that one).
 */
export function draftNote(
  drafts: Record<string, FieldDraft>,
  scenarioId: string,
  t: TFunction,
): string | null {
  if (!draftsConcern(drafts, scenarioId)) return null;
  const concern = Object.values(drafts).filter((d) => !d.variantId || d.variantId === scenarioId);
  const invalid = concern.filter((d) => d.error !== null);
  return invalid.length
    ? t('results.draftInvalid', { count: invalid.length, fields: draftFields(invalid) })
    : t('results.draftPending', { fields: draftFields(concern) });
}

/** Entry of the results page (lazy-loaded by App): one result in detail, or several compared. */
export default function ResultsPage() {
  const { t } = useTranslation();
  const projectId = useApp((s) => s.activeProjectId);
  const project = useLiveQuery(
    () => (projectId ? db().projects.get(projectId) : Promise.resolve(undefined)),
    [projectId],
  );
  const results = useLiveQuery(
    () => (projectId ? listResults(db(), projectId) : Promise.resolve([] as StoredResult[])),
    [projectId],
  );
  const techs = useMemo(() => techInfosOf(project?.document ?? null), [project?.document]);
  const names = useMemo(() => techNamesOf(project?.document ?? null), [project?.document]);
  const basis = useMemo(() => basisLine(project?.document ?? null, t), [project?.document, t]);
  const stale = useStale(projectId, results, project?.updatedAt);
  // Values typed into this project's forms but not in its document: no result is current then.
  const drafts = useProject((s) => (s.projectId === projectId ? s.drafts : NO_DRAFTS));
  const drafted = useMemo(() => {
    const out = new Map<string, string>();
    for (const r of results ?? []) {
      const note = draftNote(drafts, r.scenarioId, t);
      if (note) out.set(r.scenarioId, note);
    }
    return out;
  }, [drafts, results, t]);
  const [tab, setTab] = useState<Tab>('result');
  const [scenarioId, setScenarioId] = useState<string | null>(null);

  if (!projectId) return <EmptyPage page="results" />;

  const selected = results?.find((r) => r.scenarioId === scenarioId) ?? results?.[0];

  return (
    <TechNamesContext.Provider value={names}>
      <section aria-labelledby="results-title" className="results-page">
        <h1 id="results-title">
          {t('nav.results')}
          {project ? <span className="results-project"> – {project.name}</span> : null}
        </h1>
        {results === undefined ? (
          <p className="muted" role="status">
            {t('results.loading')}
          </p>
        ) : results.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">{t('results.noResults')}</p>
            <p>{t('results.noResultsHint')}</p>
          </div>
        ) : (
          <>
            <Tabs<Tab>
              id="results"
              label={t('results.tabs.label')}
              tabs={TABS.map((key) => ({ key, label: t(`results.tabs.${key}`) }))}
              active={tab}
              onChange={setTab}
            />
            <div role="tabpanel" id={`results-panel-${tab}`} aria-labelledby={`results-tab-${tab}`}>
              {tab === 'result' && selected ? (
                <ResultView
                  results={results}
                  selected={selected}
                  onSelect={setScenarioId}
                  stale={stale.has(selected.scenarioId)}
                  draft={drafted.get(selected.scenarioId) ?? null}
                  techs={techs}
                  basis={basis}
                />
              ) : (
                <CompareView results={results} stale={stale} drafted={drafted} techs={techs} />
              )}
            </div>
          </>
        )}
      </section>
    </TechNamesContext.Provider>
  );
}
