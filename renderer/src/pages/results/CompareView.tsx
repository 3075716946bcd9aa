import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredResult } from '../../db/results';
import { EChart } from '../../charts/EChart';
import {
  capacityChartHeight,
  capacityOption,
  COLORS,
  costChartHeight,
  costOption,
  dispatchOption,
  hourLabels,
} from '../../charts/options';
import {
  carrierStacks,
  compareRows,
  isPathResult,
  diffClass,
  niceMax,
  peakWeek,
  stackedMax,
  usedCostCategories,
  type CompareRow,
  type TechInfos,
} from '../../../../solver/src';
import type { Dispatch } from '../../../../solver/src';
import { ChartPanel, isUsable, useChartText, useScenarioName } from './common';
import { PathCompare } from './path/PathCompare';
import { isSolvedPath } from './path/stored';

interface Props {
  results: StoredResult[];
  stale: Set<string>;
  /** Scenario id → why its result is not of what the forms show (a typed value not in the document). */
  drafted?: ReadonlyMap<string, string>;
  techs: TechInfos;
}

/** Two or more scenarios side by side: one table with differences, and charts on the same axes. */
export function CompareView({ results, stale, drafted = new Map(), techs }: Props) {
  const { t } = useTranslation();
  const nameOf = useScenarioName();
  // Transformation paths compare by their periods and need no hourly dispatch.
  const usable = results.filter((r) => isUsable(r) || isSolvedPath(r));
  const failed = results.filter((r) => !usable.includes(r));
  const paths = pathsOf(usable);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = usable.filter((r) => (picked ? picked.has(r.scenarioId) : true));

  const toggle = (id: string) => {
    const next = new Set(picked ?? usable.map((r) => r.scenarioId));
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };

  return (
    <div className="results-compare">
      <fieldset className="results-pick">
        <legend>{t('results.compare.pick')}</legend>
        {usable.map((r) => (
          <label key={r.scenarioId} className="check">
            <input type="checkbox" checked={chosen.includes(r)} onChange={() => toggle(r.scenarioId)} />{' '}
            {nameOf(r)}
            {stale.has(r.scenarioId) || drafted.has(r.scenarioId) ? (
              <span className="badge-stale"> ⚠</span>
            ) : null}
          </label>
        ))}
        {failed.map((r) => (
          <span key={r.scenarioId} className="muted">
            {t('results.compare.failed', { name: nameOf(r) })}
          </span>
        ))}
      </fieldset>
      {chosen.some((r) => stale.has(r.scenarioId)) ? (
        <p className="results-stale" role="status">
          {t('results.stale')}
        </p>
      ) : null}
      {[...new Set(chosen.filter((r) => !stale.has(r.scenarioId)).map((r) => drafted.get(r.scenarioId)))].map(
        (note) =>
          note ? (
            <p key={note} className="results-stale" role="status" data-testid="stale-draft">
              {note}
            </p>
          ) : null,
      )}
      {chosen.length < 2 ? (
        <div className="empty-state">
          <p>{t('results.compare.needTwo')}</p>
        </div>
      ) : chosen.every((r) => paths.has(r)) ? (
        chosen.slice(1).map((b) => <PathCompare key={b.scenarioId} a={chosen[0]} b={b} />)
      ) : chosen.some((r) => paths.has(r)) ? (
        <div className="empty-state">
          <p>{t('results.path.compare.mixed')}</p>
        </div>
      ) : (
        <Comparison chosen={chosen} techs={techs} />
      )}
    </div>
  );
}

/** The results among these that are transformation paths. */
const pathsOf = (rs: StoredResult[]) => new Set(rs.filter((r) => isPathResult(r.payload.results)));

/** The lowest hourly sum of the uses (charging, heat dump: below the axis) over all stacks, at most 0. */
function lowestUse(stacks: ReturnType<typeof carrierStacks>[]): number {
  return Math.min(
    0,
    ...stacks.map((s) => {
      let m = 0;
      for (let k = 0; k < s.demand.length; k++) {
        let u = 0;
        for (const x of s.use) u += x.values[k];
        m = Math.min(m, u);
      }
      return m;
    }),
  );
}

function Comparison({ chosen, techs }: { chosen: StoredResult[]; techs: TechInfos }) {
  const { t } = useTranslation();
  const text = useChartText();
  const nameOf = useScenarioName();
  const names = chosen.map(nameOf);
  const rows = useMemo(
    () =>
      compareRows(
        chosen.map((r) => r.payload.results),
        techs,
      ),
    [chosen, techs],
  );

  const charts = useMemo(() => {
    const scen = chosen.map((r, i) => ({ name: names[i], results: r.payload.results }));
    const stacks = chosen.map((r) => carrierStacks(r.payload.dispatch as Dispatch, 'heat', techs));
    const yMax = niceMax(stacks.map(stackedMax));
    const yMinRaw = lowestUse(stacks);
    const yMin = yMinRaw < 0 ? -niceMax([-yMinRaw]) : 0;
    // One colour per column across the scenarios.
    const columns = [...new Set(stacks.flatMap((s) => [...s.supply, ...s.use].map((x) => x.column)))];
    const colors = Object.fromEntries(columns.map((c, i) => [c, COLORS[i % COLORS.length]]));
    const categories = usedCostCategories(scen.map((s) => s.results));
    // Linked zoom: all open on the week of the first scenario's peak heat demand.
    const week = peakWeek(stacks[0].demand) ?? undefined;
    return {
      costs: costOption(scen, categories, text),
      costHeight: costChartHeight(categories.length),
      capacities: capacityOption(scen, text, techs),
      capacityHeight: capacityChartHeight(scen, techs),
      heat: chosen.map((r, i) =>
        dispatchOption(stacks[i], hourLabels(r.payload.dispatch as Dispatch), text, yMax, yMin, colors, week),
      ),
    };
    // names derive from chosen
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, techs, text]);

  const groups: [CompareRow['kind'], string][] = [
    ['kpi', t('results.compare.kpis')],
    ['capacity', t('results.compare.capacities')],
    ['cost', t('results.compare.costs')],
  ];
  const label = (row: CompareRow) =>
    row.kind === 'kpi'
      ? t(`results.kpi.${row.key}`)
      : row.kind === 'cost'
        ? text.name(`cost:${row.key}`)
        : text.name(row.key);
  const digits = (row: CompareRow) => (row.unit === '%' || row.unit.startsWith('EUR/MWh') ? 1 : 0);
  const unit = (u: string) => u.replace('EUR', '€');

  return (
    <>
      <div className="results-table-wrap">
        <table className="table results-compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('results.compare.row')}</th>
              <th scope="col">{t('results.compare.unit')}</th>
              {names.map((n, i) => (
                <th key={i} scope="col" className="num">
                  {n}
                </th>
              ))}
              {names.slice(1).map((n, i) => (
                <th key={`d${i}`} scope="col" className="num">
                  {t('results.compare.diff', { base: names[0] })} ({n})
                </th>
              ))}
            </tr>
          </thead>
          {groups.map(([kind, title]) => (
            <tbody key={kind}>
              <tr className="group">
                <th colSpan={2 + 2 * names.length - 1} scope="colgroup">
                  {title}
                </th>
              </tr>
              {rows
                .filter((r) => r.kind === kind)
                .map((row) => (
                  <tr
                    key={`${row.kind}:${row.key}:${row.unit}`}
                    data-testid={`compare-${row.kind}-${row.key}`}
                  >
                    <th scope="row">{label(row)}</th>
                    <td>{unit(row.unit)}</td>
                    {row.values.map((v, i) => (
                      <td key={i} className="num">
                        {v === null ? '–' : text.num(v, digits(row))}
                      </td>
                    ))}
                    {row.diffs.slice(1).map((d, i) => (
                      <td key={`d${i}`} className={`num diff ${diffClass(row, d) ?? ''}`}>
                        {d.abs === null
                          ? '–'
                          : `${d.abs > 0 ? '+' : ''}${text.num(d.abs, digits(row))}${
                              d.rel === null ? '' : ` (${d.rel > 0 ? '+' : ''}${text.num(d.rel * 100, 1)} %)`
                            }`}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
      <div className="results-charts">
        <ChartPanel id="compare-costs" title={t('results.charts.costs')}>
          <EChart
            option={charts.costs}
            label={t('results.charts.costs')}
            testId="compare-costs"
            height={charts.costHeight}
          />
        </ChartPanel>
        <ChartPanel id="compare-capacities" title={t('results.charts.capacities')}>
          <EChart
            option={charts.capacities}
            label={t('results.charts.capacities')}
            testId="compare-capacities"
            height={charts.capacityHeight}
          />
        </ChartPanel>
      </div>
      <h2>{t('results.compare.sameAxes')}</h2>
      <div className="results-side-by-side">
        {charts.heat.map((option, i) => (
          <section key={chosen[i].scenarioId} className="panel results-panel" aria-label={names[i]}>
            <h3>{names[i]}</h3>
            <EChart
              option={option}
              label={`${t('results.charts.dispatchHeat')}: ${names[i]}`}
              testId={`compare-dispatch-${chosen[i].scenarioId}`}
              group="compare-dispatch"
              height={320}
            />
          </section>
        ))}
      </div>
    </>
  );
}
