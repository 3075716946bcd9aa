import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import type { ImportResult } from '../../../../solver/src';
import type { SeriesKind } from './seriesKinds';

/** What the import detected in the file: encoding, format, time range, energy and peak. */
export function ImportFacts({
  result,
  seriesKind,
  unit,
}: {
  result: ImportResult;
  seriesKind: SeriesKind;
  unit: string;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const col = result.columns[result.selected];
  const fmt = (v: number, d = 1) => formatNumber(v, language, d);
  return (
    <div>
      <h2>{t('profilesPage.detected')}</h2>
      <dl className="facts" data-testid="import-facts">
        <dt>{t('profilesPage.encoding')}</dt>
        <dd>{result.encoding}</dd>
        <dt>{t('profilesPage.delimiter')}</dt>
        <dd>
          {result.delimiter === '\t'
            ? t('profilesPage.tab')
            : result.delimiter === ';'
              ? t('profilesPage.semicolon')
              : result.delimiter === ','
                ? t('profilesPage.comma')
                : '—'}
        </dd>
        <dt>{t('profilesPage.decimal')}</dt>
        <dd>
          {result.decimal === ',' ? t('profiles.import.decimalComma') : t('profiles.import.decimalPoint')}
        </dd>
        <dt>{t('profilesPage.header')}</dt>
        <dd>{result.headerLine || '—'}</dd>
        <dt>{t('profilesPage.timestamps')}</dt>
        <dd>{t(`profiles.import.stampFormat.${result.timestampFormat}`)}</dd>
        <dt>{t('profiles.import.timeBasisFact')}</dt>
        <dd data-testid="import-time-basis">{t(`profiles.import.timeBasis.${result.timeBasis}`)}</dd>
        {seriesKind === 'demand' && (
          <>
            <dt>{t('profiles.import.unitFact')}</dt>
            <dd data-testid="import-unit">
              {col.unit}
              {col.unitSource === 'assumed' ? ` (${t('profiles.import.guessed')})` : ''}
            </dd>
          </>
        )}
        <dt>{t('profilesPage.resolution')}</dt>
        <dd>{result.resolution_min} min</dd>
        <dt>{t('profilesPage.intervals')}</dt>
        <dd>{result.count}</dd>
        <dt>{t('profilesPage.from')}</dt>
        <dd>{formatDateTime(Date.parse(result.start), language)}</dd>
        <dt>{t('profilesPage.to')}</dt>
        <dd>{formatDateTime(Date.parse(result.end), language)}</dd>
        {seriesKind === 'demand' ? (
          <>
            <dt>{t('profilesPage.energy')}</dt>
            <dd data-testid="import-energy">{fmt(col.energy_kWh)} kWh</dd>
            <dt>{t('profilesPage.peak')}</dt>
          </>
        ) : (
          // a temperature, yield or price has no energy and no load peak: its highest value
          <dt>{t('profilesPage.max')}</dt>
        )}
        <dd data-testid="import-peak">
          {Number.isFinite(col.peak_kW) ? `${fmt(col.peak_kW)} ${unit}` : '—'}
        </dd>
      </dl>
    </div>
  );
}
