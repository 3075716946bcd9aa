import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredResult } from '../../db/results';
import { formatDateTime } from '../../i18n/format';
import { useApp } from '../../store/app';
import { EChart } from '../../charts/EChart';
import {
  costChartHeight,
  costOption,
  dispatchOption,
  durationOption,
  heatmapOption,
  hourLabels,
  sankeyOption,
  socOption,
} from '../../charts/options';
import {
  carrierStacks,
  heatmapCells,
  parseColumn,
  peakWeek,
  sankeyOf,
  socColumns,
  usedCostCategories,
  type TechInfos,
  fieldUnit,
  isPathResult,
} from '../../../../solver/src';
import type { Dispatch, Results } from '../../../../solver/src';
import { ChartPanel, findings, isUsable, paretoOf, useChartText, useScenarioName } from './common';
import { Tabs } from '../../components/Tabs';
import { ParetoPanel } from './ParetoPanel';
import { GapPanel } from './GapPanel';
import { PathView } from './path/PathView';
import { isSolvedPath } from './path/stored';

/** The solver programs as their makers write them (the stored result keeps a lower-case id). */
const SOLVER_NAMES: Record<string, string> = { highs: 'HiGHS', glpk: 'GLPK' };

interface Props {
  results: StoredResult[];
  selected: StoredResult;
  onSelect: (scenarioId: string) => void;
  stale: boolean;
  /** Why the result is not of what the forms show (a typed value not in the document), or null. */
  draft?: string | null;
  techs: TechInfos;
  /** The weather, profile year and time basis the project uses, in one line (pages/results/basis.ts). */
  basis?: string | null;
}

/** One scenario's result: KPIs, typical-day gap, capacities and the charts. */
export function ResultView({ results, selected, onSelect, stale, draft = null, techs, basis = null }: Props) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const nameOf = useScenarioName();
  const r = selected.payload.results;
  const mode = t(`results.mode.${r.solve.refinement ? 'refined' : r.solve.mode}`);
  // A transformation path needs no hourly dispatch: its views come from its periods.
  const usable = isUsable(selected) || isSolvedPath(selected);
  const notes = findings(r, language);

  return (
    <div className="results-view">
      <div className="results-toolbar">
        <label htmlFor="results-scenario">{t('results.scenario')}</label>
        <select id="results-scenario" value={selected.scenarioId} onChange={(e) => onSelect(e.target.value)}>
          {results.map((x) => (
            <option key={x.scenarioId} value={x.scenarioId}>
              {nameOf(x)}
            </option>
          ))}
        </select>
        <span className="muted">
          {t('results.computedAt', {
            date: formatDateTime(selected.createdAt, language),
            mode: r.solve.timeStep_min === 15 ? t('results.modeQuarterHours', { mode }) : mode,
            solver: SOLVER_NAMES[r.solve.solver] ?? r.solve.solver,
            seconds: r.solve.seconds.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', {
              maximumFractionDigits: 1,
            }),
          })}
        </span>
      </div>
      {stale ? (
        <p className="results-stale" role="status" data-testid="stale">
          {t('results.stale')}
        </p>
      ) : draft ? (
        <p className="results-stale" role="status" data-testid="stale-draft">
          {draft}
        </p>
      ) : null}
      {!usable ? (
        <div className="results-error" role="alert">
          <p className="empty-title">{t('results.failed', { status: t(`results.status.${r.status}`) })}</p>
          <p>{t('results.failedHint')}</p>
          <ul>
            {notes.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : isPathResult(r) ? (
        <PathView
          stored={selected}
          techs={techs}
          notes={notes}
          renderYear={(p) => (
            <UsableResult
              stored={p}
              techs={techs}
              notes={findings(p.payload.results, language)}
              basis={basis}
            />
          )}
        />
      ) : (
        <UsableResult stored={selected} techs={techs} notes={notes} basis={basis} />
      )}
    </div>
  );
}

type View = 'overview' | 'dispatch' | 'analysis';

/**
 * A solved result in three views, so each renders only its own charts: overview (figures, costs,
 * energy flows), dispatch over the year (zoom), analysis (duration curves, heatmap, Pareto front).
 */
function UsableResult({
  stored,
  techs,
  notes,
  basis,
}: {
  stored: StoredResult;
  techs: TechInfos;
  notes: string[];
  basis: string | null;
}) {
  const { t } = useTranslation();
  const [picked, setView] = useState<View>('overview');
  // Without an hourly dispatch (a later period of a path) only the overview can be drawn.
  const views: View[] = stored.payload.dispatch ? ['overview', 'dispatch', 'analysis'] : ['overview'];
  const view = views.includes(picked) ? picked : 'overview';
  return (
    <>
      <Tabs<View>
        id="results-view"
        label={t('results.views.label')}
        tabs={views.map((key) => ({ key, label: t(`results.views.${key}`) }))}
        active={view}
        onChange={setView}
      />
      <div role="tabpanel" id={`results-view-panel-${view}`} aria-labelledby={`results-view-tab-${view}`}>
        {view === 'overview' ? (
          <Overview stored={stored} techs={techs} notes={notes} basis={basis} />
        ) : view === 'dispatch' ? (
          <DispatchCharts stored={stored} techs={techs} />
        ) : (
          <Analysis stored={stored} techs={techs} />
        )}
      </div>
    </>
  );
}

function Overview({
  stored,
  techs,
  notes,
  basis,
}: {
  stored: StoredResult;
  techs: TechInfos;
  notes: string[];
  basis: string | null;
}) {
  const { t } = useTranslation();
  const text = useChartText();
  const r = stored.payload.results;
  const dispatch = stored.payload.dispatch ?? undefined;
  const name = useScenarioName()(stored);
  const categories = useMemo(() => usedCostCategories([r]), [r]);
  const charts = useMemo(
    () => ({
      sankey: sankeyOption(sankeyOf(r, techs, dispatch), text),
      costs: costOption([{ name, results: r }], categories, text),
    }),
    [dispatch, r, techs, text, name, categories],
  );
  return (
    <>
      <Kpis r={r} />
      {basis ? (
        <p className="muted results-basis" data-testid="results-basis">
          {basis}
        </p>
      ) : null}
      <div className="results-charts">
        <ChartPanel id="costs" title={t('results.charts.costs')}>
          <EChart
            option={charts.costs}
            label={t('results.charts.costs')}
            testId="chart-costs"
            height={costChartHeight(categories.length)}
          />
        </ChartPanel>
        <ChartPanel id="sankey" title={t('results.charts.sankey')} wide>
          <EChart
            option={charts.sankey}
            label={t('results.charts.sankey')}
            testId="chart-sankey"
            height={360}
          />
        </ChartPanel>
      </div>
      <GapPanel r={r} />
      <Capacities r={r} techs={techs} />
      {notes.length ? (
        <section className="panel" aria-labelledby="results-warnings">
          <h2 id="results-warnings">{t('results.warnings')}</h2>
          <ul className="results-warnings">
            {notes.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function DispatchCharts({ stored, techs }: { stored: StoredResult; techs: TechInfos }) {
  const { t } = useTranslation();
  const text = useChartText();
  const dispatch = stored.payload.dispatch as Dispatch;
  const charts = useMemo(() => {
    const labels = hourLabels(dispatch);
    const soc = socColumns(dispatch);
    const heat = carrierStacks(dispatch, 'heat', techs);
    // A full year opens on the week of the peak heat demand (stated below), not on 8760 squeezed hours.
    const week = peakWeek(heat.demand);
    return {
      heat: dispatchOption(heat, labels, text, undefined, undefined, undefined, week ?? undefined),
      el: dispatchOption(
        carrierStacks(dispatch, 'electricity', techs),
        labels,
        text,
        undefined,
        undefined,
        undefined,
        week ?? undefined,
      ),
      soc: soc.length ? socOption(dispatch, soc, labels, text, week ?? undefined) : null,
      week: week && { from: labels[week.start].slice(0, 6), to: labels[week.end].slice(0, 6) },
    };
  }, [dispatch, techs, text]);
  return (
    <>
      {charts.week ? (
        <p className="muted results-week" data-testid="dispatch-week">
          {t('results.charts.peakWeek', charts.week)}
        </p>
      ) : null}
      <div className="results-charts">
        <ChartPanel id="dispatch-heat" title={t('results.charts.dispatchHeat')} wide>
          <EChart
            option={charts.heat}
            label={t('results.charts.dispatchHeat')}
            testId="chart-dispatch-heat"
            height={340}
          />
        </ChartPanel>
        <ChartPanel id="dispatch-el" title={t('results.charts.dispatchElectricity')} wide>
          <EChart
            option={charts.el}
            label={t('results.charts.dispatchElectricity')}
            testId="chart-dispatch-electricity"
            height={340}
          />
        </ChartPanel>
        {charts.soc ? (
          <ChartPanel id="soc" title={t('results.charts.soc')} wide>
            <EChart option={charts.soc} label={t('results.charts.soc')} testId="chart-soc" height={260} />
          </ChartPanel>
        ) : null}
      </div>
    </>
  );
}

function Analysis({ stored, techs }: { stored: StoredResult; techs: TechInfos }) {
  const { t } = useTranslation();
  const text = useChartText();
  const dispatch = stored.payload.dispatch as Dispatch;
  const pareto = paretoOf(stored.payload);
  const charts = useMemo(() => {
    const heat = carrierStacks(dispatch, 'heat', techs);
    const el = carrierStacks(dispatch, 'electricity', techs);
    const durations = [
      { key: 'demand:heat', values: heat.demand },
      { key: 'demand:electricity', values: el.demand },
      ...heat.supply.filter((s) => s.flow === 'heat_out').map((s) => ({ key: s.column, values: s.values })),
      ...(dispatch.series['grid.import_kW']
        ? [{ key: 'grid.import_kW', values: dispatch.series['grid.import_kW'] }]
        : []),
    ];
    return {
      heatDemand: heat.demand,
      elDemand: el.demand,
      duration: durationOption(durations, dispatch.weight, text),
    };
  }, [dispatch, techs, text]);
  return (
    <div className="results-charts">
      <ChartPanel id="duration" title={t('results.charts.duration')}>
        <EChart
          option={charts.duration}
          label={t('results.charts.duration')}
          testId="chart-duration"
          height={420}
        />
      </ChartPanel>
      <ChartPanel id="heatmap" title={t('results.charts.heatmap')}>
        <HeatmapPanel dispatch={dispatch} heatDemand={charts.heatDemand} elDemand={charts.elDemand} />
      </ChartPanel>
      {pareto ? <ParetoPanel points={pareto} techs={techs} /> : null}
    </div>
  );
}

function HeatmapPanel({
  dispatch,
  heatDemand,
  elDemand,
}: {
  dispatch: Dispatch;
  heatDemand: Float64Array;
  elDemand: Float64Array;
}) {
  const { t } = useTranslation();
  const text = useChartText();
  const [column, setColumn] = useState('demand:heat');
  const all = useMemo(
    () => ({
      ...dispatch,
      series: { 'demand:heat': heatDemand, 'demand:electricity': elDemand, ...dispatch.series },
    }),
    [dispatch, heatDemand, elDemand],
  );
  const key = column in all.series ? column : 'demand:heat';
  const option = useMemo(
    () => heatmapOption(heatmapCells(all, key), text, parseColumn(key)?.unit ?? 'kW'),
    [all, key, text],
  );
  return (
    <>
      <div className="results-toolbar">
        <label htmlFor="results-heatmap-series">{t('results.charts.heatmapSeries')}</label>
        <select id="results-heatmap-series" value={key} onChange={(e) => setColumn(e.target.value)}>
          {Object.keys(all.series).map((c) => (
            <option key={c} value={c}>
              {text.name(c)}
            </option>
          ))}
        </select>
      </div>
      <EChart
        option={option}
        label={`${t('results.charts.heatmap')}: ${text.name(key)}`}
        testId="chart-heatmap"
        height={420}
      />
    </>
  );
}

function Kpis({ r }: { r: Results }) {
  const { t } = useTranslation();
  const text = useChartText();
  const k = r.kpis;
  const cards: [string, string, string][] = [
    ['totalCost', text.num(r.objective.totalAnnualCost_EUR, 0), '€/a'],
    ['lcoh', text.num(k.lcoh_EUR_MWh, 1), '€/MWh'],
    ['lcoe', text.num(k.lcoe_EUR_MWh, 1), '€/MWh'],
    ['co2', text.num(r.emissions_tCO2, 1), 't/a'],
    ['renewableHeatShare', text.num(k.renewableHeatShare * 100, 1), '%'],
    ['heatDemand', text.num(k.heatDemand_MWh, 0), 'MWh/a'],
  ];
  if (k.gridImport_MWh !== undefined) cards.push(['gridImport', text.num(k.gridImport_MWh, 0), 'MWh/a']);
  if (k.peakGridImport_kW !== undefined)
    cards.push(['peakGridImport', text.num(k.peakGridImport_kW, 0), 'kW']);
  if (r.solve.aggregationGap !== undefined)
    cards.push(['gap', text.num(r.solve.aggregationGap * 100, 2), '%']);
  return (
    <section aria-labelledby="results-kpis" className="results-kpis-section">
      <h2 id="results-kpis">{t('results.kpi.title')}</h2>
      <dl className="results-kpis">
        {cards.map(([key, value, unit]) => (
          <div key={key} className="kpi-card" data-testid={`kpi-${key}`}>
            <dt>{t(`results.kpi.${key}`)}</dt>
            <dd>
              <span className="kpi-value">{value}</span> <span className="kpi-unit">{unit}</span>
            </dd>
          </div>
        ))}
        <div className={`kpi-card ${r.balance.ok ? 'ok' : 'bad'}`} data-testid="kpi-balance">
          <dt>{t('results.kpi.balance')}</dt>
          <dd className="kpi-small">
            {t(r.balance.ok ? 'results.kpi.balanceOk' : 'results.kpi.balanceBad', {
              residual: text.num(r.balance.maxResidual_kW, 6),
            })}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Capacities({ r, techs }: { r: Results; techs: TechInfos }) {
  const { t } = useTranslation();
  const text = useChartText();
  const rows = Object.entries(r.capacities);
  const cell = (v: number | undefined, unit: string) =>
    v === undefined ? '–' : `${text.num(Math.abs(v) < 1e-6 ? 0 : v, v < 10 ? 1 : 0)} ${unit}`;
  return (
    <section className="panel" aria-labelledby="results-capacities">
      <h2 id="results-capacities">{t('results.capacities.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('results.capacities.none')}</p>
      ) : (
        <table className="table results-capacities">
          <thead>
            <tr>
              <th scope="col">{t('results.capacities.tech')}</th>
              <th scope="col">{t('results.capacities.power')}</th>
              <th scope="col">{t('results.capacities.energy')}</th>
              <th scope="col">{t('results.capacities.area')}</th>
              <th scope="col">{t('results.capacities.flh')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, c]) => (
              <tr key={id} data-testid={`capacity-${id}`}>
                <th scope="row">{text.name(id)}</th>
                <td className="num">{cell(c.power_kW, fieldUnit(techs[id]?.type, 'power_kW'))}</td>
                <td className="num">{cell(c.energy_kWh, 'kWh')}</td>
                <td className="num">{cell(c.area_m2, 'm²')}</td>
                <td className="num">{cell(r.kpis.fullLoadHours_h[id], 'h')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
