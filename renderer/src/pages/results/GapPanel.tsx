import { useTranslation } from 'react-i18next';
import type { Results } from '../../../../solver/src';
import { useChartText } from './common';

/**
 * Typical-day sizing, the full-year check and their gap; with minimum part loads (`--milp`) also the
 * full-year MILP plan and its proven gap to the check, which bounds it from below.
 */
export function GapPanel({ r }: { r: Results }) {
  const { t } = useTranslation();
  const text = useChartText();
  const s = r.solve;
  if (!s.sizing || !s.fullYearCheck)
    return s.mode === 'full' ? <p className="muted">{t('results.gap.none')}</p> : null;
  const milp = s.dispatchMilp;
  return (
    <section className="panel" aria-labelledby="results-gap">
      <h2 id="results-gap">{t('results.gap.title')}</h2>
      <table className="table results-gap">
        <tbody>
          <tr>
            <th scope="row">{t('results.gap.sizing', { periods: s.sizing.typicalPeriods })}</th>
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
          <tr>
            <th scope="row">{t('results.gap.gap')}</th>
            <td className="num" data-testid="aggregation-gap">
              {text.num((s.aggregationGap ?? 0) * 100, 2)} %
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
