import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, type TimeSeriesRecord } from '../../db/schema';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import { deleteSeries, renameSeries, roleOf } from '../../project/seriesActions';
import { seriesYear } from '../../project/seriesYear';
import { YearMismatch, usesText } from './ProjectYear';
import { StandInAction } from './StandInAction';
import { canMakeStandIn } from './standIn';

/** What a series amounts to, by its kind: energy for loads, mean/min/max for temperatures, never a sum of °C. */
export function seriesSummary(
  r: Pick<TimeSeriesRecord, 'values' | 'resolution_min' | 'unit' | 'kind'>,
  language: 'de' | 'en',
  t: (key: string, o?: Record<string, unknown>) => string,
): string {
  let sum = 0;
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of r.values)
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  if (n === 0) return '—';
  const f = (v: number, d: number) => formatNumber(v, language, d);
  switch (roleOf(r)) {
    case 'temperature':
      return t('profiles.list.temperature', { mean: f(sum / n, 1), min: f(min, 1), max: f(max, 1) });
    case 'price':
      return t('profiles.list.price', { mean: f(sum / n, 2), unit: r.unit });
    case 'yield':
      return t('profiles.list.yield', { sum: f(sum, 0), unit: r.unit.replace('m2', 'm²') });
    default: {
      // a short file (a few kWh) keeps a decimal; a year of a building is read in whole kWh
      const kWh = (sum * r.resolution_min) / 60;
      return t('profiles.list.energy', { energy: f(kWh, Math.abs(kWh) < 1000 ? 1 : 0) });
    }
  }
}

function SeriesItem({ r }: { r: TimeSeriesRecord }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <li data-testid={`series-${r.id}`}>
      {renaming === null ? (
        <>
          <strong>{r.name}</strong>: {formatNumber(r.values.length, language, 0)} × {r.resolution_min} min
          {r.fillRule
            ? ` (${formatNumber(r.filledIntervals ?? 0, language, 0)} × ${t(`profiles.list.fillRule.${r.fillRule}`)})`
            : ''}
          , <span data-testid="series-summary">{seriesSummary(r, language, t)}</span>{' '}
          <span className="muted">
            ({t('profiles.list.year', { year: seriesYear(r) })}
            {r.generated ? `, ${t('profiles.list.generated')}` : ''})
          </span>{' '}
          <button type="button" onClick={() => setRenaming(r.name)}>
            {t('profiles.list.rename')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              if (!window.confirm(t('profiles.list.confirmDelete', { name: r.name }))) return;
              void deleteSeries(db(), r.id).then((uses) =>
                setRefused(
                  uses.length ? t('profiles.list.inUse', { name: r.name, uses: usesText(uses, t) }) : null,
                ),
              );
            }}
          >
            {t('profiles.list.delete')}
          </button>
          {roleOf(r) === 'load' && canMakeStandIn(r) && (
            <>
              {' '}
              <StandInAction r={r} />
            </>
          )}
        </>
      ) : (
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            void renameSeries(db(), r.id, renaming).then(() => setRenaming(null));
          }}
        >
          <label htmlFor={`rename-${r.id}`}>{t('profiles.list.renameLabel', { name: r.name })}</label>
          <input id={`rename-${r.id}`} value={renaming} onChange={(e) => setRenaming(e.target.value)} />
          <button type="submit" disabled={!renaming.trim()}>
            {t('profiles.list.saveName')}
          </button>
          <button type="button" onClick={() => setRenaming(null)}>
            {t('profiles.list.cancel')}
          </button>
        </form>
      )}
      {refused && (
        <p className="field-error" role="alert">
          {refused}
        </p>
      )}
      <YearMismatch record={r} generated={!!r.generated} />
    </li>
  );
}

/** The project's series: name, year, a summary by kind; rename, delete, and the year actions. */
export function SavedSeries({ records }: { records: TimeSeriesRecord[] }) {
  return (
    <ul data-testid="saved-profiles" className="plain saved-series">
      {records.map((r) => (
        <SeriesItem key={r.id} r={r} />
      ))}
    </ul>
  );
}
