import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../charts/EChart';
import {
  pathCapacityGroups,
  pathCapacityOption,
  pathColors,
  pathGenerationOption,
  pathTargetOption,
} from '../../../charts/pathOptions';
import {
  pathCapacitySeries,
  pathCapMet,
  pathGenerationMix,
  pathTargets,
  type Results,
  type TechInfos,
} from '../../../../../solver/src';
import { ChartPanel, useChartText } from '../common';

/** The path's charts: capacity per unit, heat generation mix, emissions against the cap, share against the target. */
export function PathCharts({ r, techs }: { r: Results; techs: TechInfos }) {
  const { t } = useTranslation();
  const text = useChartText();
  const charts = useMemo(() => {
    const cap = pathCapacitySeries(r);
    const mix = pathGenerationMix(r, 'heat');
    const colors = pathColors([...cap.series.map((s) => s.techId), ...mix.series.map((s) => s.techId)]);
    const targets = pathTargets(r);
    const capMet = pathCapMet(r);
    const powerName = (tech: string) => t('results.path.charts.powerOf', { tech });
    return {
      capacity: pathCapacityGroups(cap.series, techs).map((g) => ({
        key: g.key,
        option: pathCapacityOption(cap.years, g.series, g.unit, text, colors, powerName),
      })),
      generation: pathGenerationOption(mix, text, colors),
      emissions: pathTargetOption(
        targets.years,
        targets.emissions_tCO2,
        targets.co2Cap_t,
        capMet.map((ok) => !ok),
        { value: t('results.path.charts.emissionsSeries'), limit: t('results.path.charts.cap') },
        't/a',
        text,
      ),
      share: pathTargetOption(
        targets.years,
        targets.renewableHeatShare.map((v) => v * 100),
        targets.renewableHeatTarget.map((v) => (v === null ? null : v * 100)),
        targets.targetMet.map((ok) => !ok),
        { value: t('results.path.charts.shareSeries'), limit: t('results.path.charts.target') },
        '%',
        text,
        1,
      ),
      misses: [
        ...targets.years.flatMap((year, i) =>
          capMet[i]
            ? []
            : [
                t('results.path.missedCap', {
                  year,
                  value: text.num(targets.emissions_tCO2[i], 0),
                  cap: text.num(targets.co2Cap_t[i] ?? 0, 0),
                }),
              ],
        ),
        ...targets.years.flatMap((year, i) =>
          targets.targetMet[i]
            ? []
            : [
                t('results.path.missedTarget', {
                  year,
                  value: text.num(targets.renewableHeatShare[i] * 100, 1),
                  target: text.num((targets.renewableHeatTarget[i] ?? 0) * 100, 1),
                }),
              ],
        ),
      ],
      anyCap: targets.co2Cap_t.some((v) => v !== null),
      anyShareTarget: targets.renewableHeatTarget.some((v) => v !== null),
    };
  }, [r, techs, text, t]);

  // A chart names the limit only where some period has one.
  const emissionsTitle = t(
    charts.anyCap ? 'results.path.charts.emissions' : 'results.path.charts.emissionsOnly',
  );
  const shareTitle = t(charts.anyShareTarget ? 'results.path.charts.share' : 'results.path.charts.shareOnly');
  return (
    <>
      {charts.misses.length ? (
        <div className="results-stale path-misses" role="status" data-testid="path-misses">
          <p>{t('results.path.missesTitle')}</p>
          <ul>
            {charts.misses.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : charts.anyCap || charts.anyShareTarget ? (
        <p className="muted" data-testid="path-misses-none">
          {t('results.path.allMet')}
        </p>
      ) : null}
      <div className="results-charts">
        {charts.capacity.map((c) => {
          const title = t(`results.path.charts.capacity.${c.key}`);
          return (
            <ChartPanel key={c.key} id={`path-capacity-${c.key}`} title={title}>
              <EChart option={c.option} label={title} testId={`chart-path-capacity-${c.key}`} height={300} />
            </ChartPanel>
          );
        })}
        <ChartPanel id="path-generation" title={t('results.path.charts.generation')}>
          <EChart
            option={charts.generation}
            label={t('results.path.charts.generation')}
            testId="chart-path-generation"
            height={300}
          />
        </ChartPanel>
        <ChartPanel id="path-emissions" title={emissionsTitle}>
          <EChart
            option={charts.emissions}
            label={emissionsTitle}
            testId="chart-path-emissions"
            height={280}
          />
        </ChartPanel>
        <ChartPanel id="path-share" title={shareTitle}>
          <EChart option={charts.share} label={shareTitle} testId="chart-path-share" height={280} />
        </ChartPanel>
      </div>
    </>
  );
}
