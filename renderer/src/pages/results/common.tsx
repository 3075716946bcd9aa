import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParetoPointRecord, ResultPayload, StoredResult } from '../../db/results';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import { useProject } from '../../project/store';
import { displayName } from '../../charts/names';
import type { ChartText } from '../../charts/options';
import { formatSolverMessage } from '../../../../solver/src';
import type { Results } from '../../../../solver/src';

/**
 * The technologies' names (id → name) of the stored project the results belong to. The results
 * page provides them from the project record it loads itself, so charts name the plants as the
 * user did on every page and after a reload (not only once "Anlagen & Preise" has loaded the
 * project into the editing store).
 */
export const TechNamesContext = createContext<Record<string, string> | null>(null);

/** id → name of a stored project document's technologies (an unnamed one keeps its id). */
export function techNamesOf(document: unknown): Record<string, string> {
  const techs = (document as { technologies?: unknown } | null)?.technologies;
  if (!Array.isArray(techs)) return {};
  const out: Record<string, string> = {};
  for (const x of techs as { id?: unknown; name?: unknown }[])
    if (typeof x?.id === 'string') out[x.id] = typeof x.name === 'string' && x.name ? x.name : x.id;
  return out;
}

/** Chart texts and numbers in the user's language. */
export function useChartText(): ChartText {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const stored = useContext(TechNamesContext);
  // The names as one string: the charts' texts change only when a name does, not on every edit.
  const editing = useProject((s) =>
    JSON.stringify((s.doc?.technologies ?? []).map((x) => [x.id, x.name ?? x.id])),
  );
  const namesKey = stored ? JSON.stringify(Object.entries(stored)) : editing;
  return useMemo(() => {
    const techNames = Object.fromEntries(JSON.parse(namesKey) as [string, string][]);
    return {
      name: (key: string) => displayName(t, key, techNames, language),
      num: (v: number, digits = 1) => formatNumber(v, language, digits),
      kW: 'kW',
      kWh: 'kWh',
    };
  }, [t, language, namesKey]);
}

/** A result the charts can show: solved, with its hourly dispatch. */
export const isUsable = (r: StoredResult): boolean =>
  (r.payload.results.status === 'optimal' || r.payload.results.status === 'time_limit') &&
  r.payload.dispatch !== null;

/** The scenario's display name: "Basis" for the base project, else the name at the time of the run. */
export function useScenarioName(): (r: StoredResult) => string {
  const { t } = useTranslation();
  return (r) =>
    r.scenarioId === 'base' ? t('results.baseScenario') : r.payload.scenarioName || r.scenarioId;
}

/** Findings in the user's language (coded messages), else the English text. */
export function findings(results: Results, language: 'de' | 'en'): string[] {
  if (results.messages?.length) return results.messages.map((m) => formatSolverMessage(m, language));
  return results.warnings;
}

/**
 * A Pareto front stored with the result, when one was computed and has at least two points (older
 * payloads carry points without `kind` and `capacities`; points without finite figures are left out).
 */
export function paretoOf(payload: ResultPayload): ParetoPointRecord[] | null {
  const p = (payload as ResultPayload & { pareto?: unknown }).pareto;
  if (!Array.isArray(p)) return null;
  const points = p.filter(
    (x) => x && Number.isFinite(x.emissions_tCO2) && Number.isFinite(x.totalAnnualCost_EUR),
  );
  return points.length > 1 ? points : null;
}

/** A results panel: a section headed by the chart's title (heading id `results-h-<id>`). */
export function ChartPanel({
  id,
  title,
  wide,
  children,
}: {
  id: string;
  title: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <section className={`panel results-panel${wide ? ' wide' : ''}`} aria-labelledby={`results-h-${id}`}>
      <h2 id={`results-h-${id}`}>{title}</h2>
      {children}
    </section>
  );
}
