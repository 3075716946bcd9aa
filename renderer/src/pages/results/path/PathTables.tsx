import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pathUnitOf } from '../../../charts/pathOptions';
import {
  pathCostRows,
  pathEvents,
  pathGantt,
  pathHorizon,
  type Results,
  type TechInfos,
} from '../../../../../solver/src';
import { useChartText } from '../common';
import { cell, withUnit } from './format';

const digitsOf = (unit: string) => (unit === 'kWh' || unit === 'm2' || unit === 'm²' ? 0 : 1);

/**
 * The measures of the path: a Gantt-style grid (a row per plant, a column per period: in service
 * shaded, built "+", retired "−") and the list of builds and retirements with their investment.
 */
export function PathMeasures({ r, techs }: { r: Results; techs: TechInfos }) {
  const { t } = useTranslation();
  const text = useChartText();
  const gantt = useMemo(() => pathGantt(r), [r]);
  const events = useMemo(() => pathEvents(r), [r]);
  const plant = (techId: string, dimension: 'value' | 'power') =>
    dimension === 'power' ? t('results.path.charts.powerOf', { tech: text.name(techId) }) : text.name(techId);
  return (
    <section className="panel" aria-labelledby="path-measures">
      <h2 id="path-measures">{t('results.path.measures.title')}</h2>
      {gantt.rows.length === 0 ? (
        <p className="muted">{t('results.path.measures.none')}</p>
      ) : (
        <div className="results-table-wrap">
          <table className="table path-gantt" data-testid="path-gantt">
            <caption className="muted">{t('results.path.measures.legend')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.path.measures.plant')}</th>
                {gantt.years.map((y) => (
                  <th key={y} scope="col" className="num">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {gantt.rows.map((row) => {
                const unit = pathUnitOf(row, techs);
                const d = digitsOf(unit);
                return (
                  <tr key={row.key} data-testid={`path-gantt-${row.key}`}>
                    <th scope="row">
                      {plant(row.techId, row.dimension)} <span className="muted">[{unit}]</span>
                    </th>
                    {row.cells.map((c, i) => {
                      const marks = [
                        c.built > 0 ? `+${text.num(c.built, d)}` : '',
                        c.retired > 0 ? `−${text.num(c.retired, d)}` : '',
                      ].filter(Boolean);
                      return (
                        <td
                          key={gantt.years[i]}
                          className={`num${c.total > 0 ? ' in-service' : ''}${c.built > 0 ? ' built' : ''}${
                            c.retired > 0 ? ' retired' : ''
                          }`}
                          title={withUnit(text, c.total, unit, d)}
                        >
                          {marks.length ? marks.join(' ') : c.total > 0 ? '▬' : ''}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {events.length ? (
        <div className="results-table-wrap">
          <table className="table path-events" data-testid="path-events">
            <thead>
              <tr>
                <th scope="col">{t('results.path.measures.year')}</th>
                <th scope="col">{t('results.path.measures.plant')}</th>
                <th scope="col">{t('results.path.measures.measure')}</th>
                <th scope="col" className="num">
                  {t('results.path.measures.amount')}
                </th>
                <th scope="col" className="num">
                  {t('results.path.measures.investment')}
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => {
                const unit = pathUnitOf(
                  {
                    key: e.dimension === 'power' ? `${e.techId}.power` : e.techId,
                    unit: e.unit,
                    techId: e.techId,
                  },
                  techs,
                );
                return (
                  <tr key={i} data-testid={`path-event-${e.year}-${e.techId}`}>
                    <td>{e.year}</td>
                    <td>{plant(e.techId, e.dimension)}</td>
                    <td>{t(`results.path.measures.${e.kind}`)}</td>
                    <td className="num">{withUnit(text, e.amount, unit, digitsOf(unit))}</td>
                    <td className="num">
                      {e.kind === 'build' ? withUnit(text, e.investment_EUR, '€') : '–'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Costs per period (investment, grants, operation, operating aid, annual cost, present value, LCOH) and the net present cost. */
export function PathCosts({ r }: { r: Results }) {
  const { t } = useTranslation();
  const text = useChartText();
  const rows = useMemo(() => pathCostRows(r), [r]);
  const cols: [string, string, (row: (typeof rows)[number]) => number, number][] = [
    ['investment', '€', (x) => x.cost.investment_EUR, 0],
    ['grant', '€', (x) => x.cost.investmentGrant_EUR, 0],
    ['operation', '€/a', (x) => x.cost.operation_EUR_a, 0],
    ['aid', '€/a', (x) => x.cost.operatingAid_EUR_a, 0],
    ['annual', '€/a', (x) => x.cost.annualCost_EUR_a, 0],
    ['presentValue', '€', (x) => x.cost.presentValue_EUR, 0],
    ['lcoh', '€/MWh', (x) => x.lcoh_EUR_MWh, 1],
  ];
  const npc = r.objective.netPresentCost_EUR;
  const path = r.path;
  return (
    <section className="panel" aria-labelledby="path-costs">
      <h2 id="path-costs">{t('results.path.costs.title')}</h2>
      <div className="results-table-wrap">
        <table className="table path-costs" data-testid="path-costs">
          <thead>
            <tr>
              <th scope="col">{t('results.path.costs.period')}</th>
              {cols.map(([key, unit]) => (
                <th key={key} scope="col" className="num">
                  {t(`results.path.costs.${key}`)}
                  <br />
                  <span className="muted">[{unit}]</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.year} data-testid={`path-cost-${row.year}`}>
                <th scope="row">
                  {t('results.path.costs.periodYears', { year: row.year, count: row.years })}
                </th>
                {cols.map(([key, , get, digits]) => (
                  <td key={key} className="num">
                    {cell(text, get(row), digits)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="path-npc">
              <th scope="row" colSpan={6}>
                {path
                  ? t('results.path.costs.npcRange', {
                      ...pathHorizon(r),
                      rate: text.num(path.interestRate * 100, 2),
                    })
                  : t('results.path.costs.npc')}
              </th>
              <td className="num" colSpan={2}>
                <strong>{withUnit(text, npc, '€')}</strong>
              </td>
            </tr>
            {path && path.residualValue_EUR ? (
              <tr data-testid="path-residual">
                <th scope="row" colSpan={6} className="muted">
                  {t('results.path.costs.residual', { year: path.horizonEnd })}
                </th>
                <td className="num muted" colSpan={2}>
                  {withUnit(text, path.residualValue_EUR, '€')}
                </td>
              </tr>
            ) : null}
          </tfoot>
        </table>
      </div>
      <p className="muted">{t('results.path.costs.hint')}</p>
    </section>
  );
}
