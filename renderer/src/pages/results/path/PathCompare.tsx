import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredResult } from '../../../db/results';
import { EChart } from '../../../charts/EChart';
import { pathCompareOption } from '../../../charts/pathOptions';
import { comparePaths } from '../../../../../solver/src';
import { ChartPanel, useChartText, useScenarioName } from '../common';
import { cell, unitLabel } from './format';

type Row = ReturnType<typeof comparePaths>['rows'][number];

/** Lower is better for costs and emissions, higher for the renewable share. */
const better = (key: Row['key'], d: number): 'better' | 'worse' | '' => {
  if (Math.abs(d) < 1e-9) return '';
  const up = key === 'renewableHeatShare';
  return d > 0 === up ? 'better' : 'worse';
};

const digitsOf = (key: Row['key']) => (key === 'renewableHeatShare' ? 1 : 0);

/**
 * Two paths side by side (comparePaths): per period the emissions, renewable share, annual cost
 * and investment of each and their difference (second − first), the net present cost of each, and
 * the emissions and annual cost as grouped bars.
 */
export function PathCompare({ a, b }: { a: StoredResult; b: StoredResult }) {
  const { t } = useTranslation();
  const text = useChartText();
  const nameOf = useScenarioName();
  const names = [nameOf(a), nameOf(b)];
  const cmp = useMemo(() => comparePaths(a.payload.results, b.payload.results), [a, b]);
  const charts = useMemo(() => {
    const of = (key: Row['key']) => cmp.rows.find((r) => r.key === key)!;
    const option = (key: Row['key'], unit: string) =>
      pathCompareOption(
        cmp.years,
        [
          { name: names[0], values: of(key).a },
          { name: names[1], values: of(key).b },
        ],
        unit,
        text,
        digitsOf(key),
      );
    return { emissions: option('emissions', 't/a'), annualCost: option('annualCost', '€/a') };
    // names derive from a and b
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cmp, text, a, b]);
  const diff = (x: number | null, y: number | null) => (x === null || y === null ? null : y - x);
  const signed = (v: number | null, digits: number) => {
    const s = cell(text, v, digits);
    return v !== null && v > 0 && s !== '–' && s !== text.num(0, digits) ? `+${s}` : s;
  };
  const [npcA, npcB] = cmp.netPresentCost_EUR;
  const npcDiff = diff(npcA, npcB);
  return (
    <section className="panel path-compare" aria-labelledby="path-compare" data-testid="path-compare">
      <h2 id="path-compare">{t('results.path.compare.title', { a: names[0], b: names[1] })}</h2>
      <div className="results-table-wrap">
        <table className="table" data-testid="path-compare-table">
          <thead>
            <tr>
              <th scope="col">{t('results.path.compare.figure')}</th>
              <th scope="col">{t('results.scenario')}</th>
              {cmp.years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cmp.rows.map((row) => {
              const d = digitsOf(row.key);
              return (
                <Fragment key={row.key}>
                  <tr data-testid={`path-compare-${row.key}-a`}>
                    <th scope="row" rowSpan={3}>
                      {t(`results.path.compare.${row.key}`)}{' '}
                      <span className="muted">[{unitLabel(row.unit)}]</span>
                    </th>
                    <td>{names[0]}</td>
                    {row.a.map((v, i) => (
                      <td key={i} className="num">
                        {cell(text, v, d)}
                      </td>
                    ))}
                  </tr>
                  <tr data-testid={`path-compare-${row.key}-b`}>
                    <td>{names[1]}</td>
                    {row.b.map((v, i) => (
                      <td key={i} className="num">
                        {cell(text, v, d)}
                      </td>
                    ))}
                  </tr>
                  <tr data-testid={`path-compare-${row.key}-diff`}>
                    <td className="muted">{t('results.path.compare.diff')}</td>
                    {row.a.map((v, i) => {
                      const x = diff(v, row.b[i]);
                      return (
                        <td key={i} className={`num diff ${x === null ? '' : better(row.key, x)}`}>
                          {signed(x, d)}
                        </td>
                      );
                    })}
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-testid="path-compare-npc">
              <th scope="row">
                {t('results.path.costs.npc')} <span className="muted">[€]</span>
              </th>
              <td colSpan={cmp.years.length + 1}>
                {names[0]}: {cell(text, npcA)} · {names[1]}: {cell(text, npcB)} ·{' '}
                {t('results.path.compare.diff')}:{' '}
                <span className={`diff ${npcDiff === null ? '' : better('annualCost', npcDiff)}`}>
                  {signed(npcDiff, 0)}
                </span>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="results-charts">
        <ChartPanel id="path-compare-emissions" title={t('results.path.compare.emissions')}>
          <EChart
            option={charts.emissions}
            label={t('results.path.compare.emissions')}
            testId="chart-path-compare-emissions"
            height={280}
          />
        </ChartPanel>
        <ChartPanel id="path-compare-cost" title={t('results.path.compare.annualCost')}>
          <EChart
            option={charts.annualCost}
            label={t('results.path.compare.annualCost')}
            testId="chart-path-compare-cost"
            height={280}
          />
        </ChartPanel>
      </div>
    </section>
  );
}
