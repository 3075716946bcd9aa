import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredResult } from '../../../db/results';
import { Tabs } from '../../../components/Tabs';
import {
  pathCo2Reduction,
  pathHorizon,
  pathTotals,
  type Results,
  type TechInfos,
} from '../../../../../solver/src';
import { useChartText } from '../common';
import { PathCharts } from './PathCharts';
import { PathCosts, PathMeasures } from './PathTables';
import { withUnit } from './format';
import { periodStored } from './stored';
import './path.css';

type PathTab = 'path' | 'year';

/**
 * A transformation path's result (the main view of a district project): the path first (capacity,
 * generation, targets, measures, costs), then each period's single-year result by a year selector,
 * drawn by `renderYear` (the results page's single-year views).
 */
export function PathView({
  stored,
  techs,
  notes = [],
  renderYear,
}: {
  stored: StoredResult;
  techs: TechInfos;
  /** Findings of the run in the user's language. */
  notes?: string[];
  renderYear: (period: StoredResult) => ReactNode;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<PathTab>('path');
  const r = stored.payload.results;
  const tabs: PathTab[] = ['path', 'year'];
  return (
    <div className="path-view" data-testid="path-view">
      <Tabs<PathTab>
        id="results-path"
        label={t('results.path.tabs.label')}
        tabs={tabs.map((key) => ({ key, label: t(`results.path.tabs.${key}`) }))}
        active={tab}
        onChange={setTab}
      />
      <div role="tabpanel" id={`results-path-panel-${tab}`} aria-labelledby={`results-path-tab-${tab}`}>
        {tab === 'path' ? (
          <>
            <PathKpis r={r} />
            <PathCharts r={r} techs={techs} />
            <PathMeasures r={r} techs={techs} />
            <PathCosts r={r} />
            {notes.length ? (
              <section className="panel" aria-labelledby="path-warnings">
                <h2 id="path-warnings">{t('results.warnings')}</h2>
                <ul className="results-warnings">
                  {notes.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        ) : (
          <PathYear stored={stored} renderYear={renderYear} />
        )}
      </div>
    </div>
  );
}

/** The path in a few figures: net present cost, horizon, investment, CO2 reduction and renewable share at the end. */
function PathKpis({ r }: { r: Results }) {
  const { t } = useTranslation();
  const text = useChartText();
  const periods = r.periods ?? [];
  const last = periods[periods.length - 1];
  const reduction = pathCo2Reduction(r);
  const horizon = pathHorizon(r);
  const totals = useMemo(() => pathTotals(r), [r]);
  const cards: [string, string, Record<string, unknown>?][] = [
    ['npc', withUnit(text, r.objective.netPresentCost_EUR, '€')],
    ['horizon', horizon ? `${horizon.from}–${horizon.to}` : ''],
    ['investment', withUnit(text, totals.investment_EUR, '€')],
    ['grants', withUnit(text, totals.investmentGrant_EUR, '€')],
    [
      'co2Reduction',
      withUnit(text, (reduction[reduction.length - 1] ?? 0) * 100, '%', 1),
      { year: last?.year },
    ],
    ['share', withUnit(text, (last?.renewableHeatShare ?? 0) * 100, '%', 1), { year: last?.year }],
  ];
  return (
    <section aria-labelledby="path-kpis" className="results-kpis-section">
      <h2 id="path-kpis">{t('results.path.kpi.title')}</h2>
      <dl className="results-kpis">
        {cards.map(([key, value, opts]) => (
          <div key={key} className="kpi-card" data-testid={`path-kpi-${key}`}>
            <dt>{t(`results.path.kpi.${key}`, opts)}</dt>
            <dd>
              <span className="kpi-value">{value}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One period's single-year result, picked by year; says so where its hourly dispatch is not stored. */
function PathYear({
  stored,
  renderYear,
}: {
  stored: StoredResult;
  renderYear: (period: StoredResult) => ReactNode;
}) {
  const { t } = useTranslation();
  const periods = stored.payload.results.periods ?? [];
  const [index, setIndex] = useState(0);
  const i = Math.min(index, periods.length - 1);
  const period = useMemo(() => periodStored(stored, i), [stored, i]);
  const year = periods[i]?.year;
  return (
    <>
      <div className="results-toolbar">
        <label htmlFor="results-path-year">{t('results.path.year.label')}</label>
        <select id="results-path-year" value={i} onChange={(e) => setIndex(Number(e.target.value))}>
          {periods.map((p, k) => (
            <option key={p.year} value={k}>
              {t('results.path.year.option', { year: p.year, count: p.years })}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" data-testid="path-year-note">
        {period.payload.dispatch
          ? t('results.path.year.annuity', { year })
          : t('results.path.year.noDispatch', { year })}
      </p>
      <div key={i}>{renderYear(period)}</div>
    </>
  );
}
