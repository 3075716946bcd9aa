import { useTranslation } from 'react-i18next';
import type { TimeSeriesRecord } from '../../db/schema';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import { YearMismatch } from '../profiles/ProjectYear';
import { annual_kWh } from './annualEnergy';
import type { Which } from './generatedSeries';

/**
 * Imported load profiles and price series the project does not use yet, each with the buttons
 * that make it a demand or a price series.
 */
export function UnusedSeriesLists({
  profiles,
  prices,
  onAttach,
  onAttachPrice,
}: {
  profiles: TimeSeriesRecord[];
  prices: TimeSeriesRecord[];
  onAttach: (rec: TimeSeriesRecord, which: Which) => void;
  onAttachPrice: (rec: TimeSeriesRecord) => void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const fmt = (v: number) => formatNumber(v, language, 0);
  return (
    <>
      <h3>{t('planner.demands.profiles')}</h3>
      {profiles.length === 0 ? (
        <p className="empty">{t('planner.demands.noProfiles')}</p>
      ) : (
        <ul className="plain">
          {profiles.map((r) => (
            <li key={r.id}>
              {r.name} ({fmt(annual_kWh(r))} kWh, {r.resolution_min} min){' '}
              <button type="button" onClick={() => onAttach(r, 'heat')}>
                {t('planner.demands.useAsHeat')}
              </button>{' '}
              <button type="button" onClick={() => onAttach(r, 'electricity')}>
                {t('planner.demands.useAsElectricity')}
              </button>
              <YearMismatch record={r} />
            </li>
          ))}
        </ul>
      )}
      {prices.length > 0 && (
        <ul className="plain" data-testid="imported-prices">
          {prices.map((r) => (
            <li key={r.id}>
              {r.name} ({r.unit}, {r.resolution_min} min){' '}
              <button type="button" onClick={() => onAttachPrice(r)}>
                {t('planner.demands.useAsPrice')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
