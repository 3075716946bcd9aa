import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../charts/EChart';
import type { Language } from '../../i18n';
import { monthlySums_MWh } from './designTables';
import { figure } from './format';

const monthNames = (language: Language) => {
  const f = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
  return Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2001, m, 1)));
};

/** The pipes' heat losses per month of the site year (MWh), as bars. */
export function LossesChart({
  lossesHourly_kW,
  year,
  timeZone,
  language,
}: {
  lossesHourly_kW: Float64Array;
  year: number;
  timeZone: string;
  language: Language;
}) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    const sums = monthlySums_MWh(lossesHourly_kW, year, timeZone);
    return {
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 60, right: 16, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${figure(v, language, 1)} MWh` : ''),
      },
      xAxis: { type: 'category', data: monthNames(language) },
      yAxis: {
        type: 'value',
        name: t('network.losses.axis'),
        axisLabel: { formatter: (v: number) => figure(v, language, 1) },
      },
      series: [{ type: 'bar', name: t('network.losses.title'), data: sums, itemStyle: { color: '#c0392b' } }],
    };
  }, [lossesHourly_kW, year, timeZone, language, t]);
  return (
    <section className="panel" aria-labelledby="network-losses-title">
      <h2 id="network-losses-title">{t('network.losses.title')}</h2>
      <EChart option={option} label={t('network.losses.label')} testId="network-losses" height={260} />
    </section>
  );
}
