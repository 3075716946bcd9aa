import { useTranslation } from 'react-i18next';
import type { Results } from '../../../../solver/src';
import { useChartText } from './common';

/**
 * Typical-day sizing, the full-year check and their gap; with minimum part loads (`--milp`) also the
 * full-year MILP plan and its proven gap to the check, which bounds it from below; with the full-year
 * refinement (the default) the refined plan and how far it can at most lie above the optimum.
 */
export function GapPanel({ r }: { r: Results }) {
  const { t } = useTranslation();
  const text = useChartText();
  const s = r.solve;
  // A quarter-hourly year (site.timeStep_min = 15): what the figures and the hourly dispatch stand for.
  const quarter = s.timeStep_min === 15 && (
    <p className="muted" data-testid="quarter-hours">
      {t('results.gap.quarterHours')}
    </p>
  );
  if (!s.sizing || !s.fullYearCheck)
    return s.mode === 'full' ? (
      <>
        <p className="muted">{t('results.gap.none')}</p>
        {quarter}
      </>
    ) : null;
  const milp = s.dispatchMilp;
  const ref = s.refinement;
  return (
    <section className="panel" aria-labelledby="results-gap">
      <h2 id="results-gap">{t('results.gap.title')}</h2>
      <table className="table results-gap">
        <tbody>
          <tr>
            <th scope="row">
              {s.sizing.segmentsPerPeriod
                ? t('results.gap.sizingSegments', {
                    periods: s.sizing.typicalPeriods,
                    segments: s.sizing.segmentsPerPeriod,
                  })
                : t('results.gap.sizing', { periods: s.sizing.typicalPeriods })}
            </th>
            <td className="num">{text.num(s.sizing.objective_EUR, 0)} €/a</td>
          </tr>
          <tr>
            <th scope="row">
              {t(milp ? 'results.gap.checkBound' : 'results.gap.check', {
                status: t(`results.status.${s.fullYearCheck.status}`),
              })}
            </th>
            <td className="num">{text.num(s.fullYearCheck.objective_EUR, 0)} €/a</td>
          </tr>
          {milp && milp.upperBound_EUR !== null && (
            <tr>
              <th scope="row">
                {t('results.gap.milpPlan', {
                  windows: milp.windows,
                  window: milp.window_h,
                  overlap: milp.overlap_h,
                })}
              </th>
              <td className="num">{text.num(milp.upperBound_EUR, 0)} €/a</td>
            </tr>
          )}
          {milp && milp.gap !== null && (
            <tr>
              <th scope="row">{t('results.gap.milpGap')}</th>
              <td className="num" data-testid="milp-gap">
                {text.num(milp.gap * 100, 2)} %
              </td>
            </tr>
          )}
          {ref && (
            <tr>
              <th scope="row">{t('results.gap.refined', { steps: ref.steps })}</th>
              <td className="num">{text.num(ref.objective_EUR, 0)} €/a</td>
            </tr>
          )}
          {ref && (
            <tr>
              <th scope="row">{t('results.gap.refinedBound')}</th>
              <td className="num" data-testid="refinement-gap">
                {ref.proven
                  ? t('results.gap.proven')
                  : ref.gap !== null && ref.gap < 1 && ref.lowerBound_EUR !== null
                    ? t('results.gap.atMost', {
                        gap: text.num(ref.gap * 100, 2),
                        bound: text.num(ref.lowerBound_EUR, 0),
                      })
                    : t('results.gap.noBound')}
              </td>
            </tr>
          )}
          <tr>
            <th scope="row">{t('results.gap.gap')}</th>
            <td className="num" data-testid="aggregation-gap">
              {text.num((s.aggregationGap ?? 0) * 100, 2)} %
            </td>
          </tr>
        </tbody>
      </table>
      {quarter}
    </section>
  );
}
