import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts';
import { db } from '../db/schema';
import { useLiveQuery } from '../db/useLiveQuery';
import { files } from '../platform/files';
import { importInWorker } from '../solver/importClient';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useApp } from '../store/app';
import { chartLocale } from '../charts/locale';
import type { ImportResult, ImportSettings } from '../../../solver/src';
import { fillGaps, type FillRule, formatImportMessage, type ImportMessage } from '../../../solver/src';
import type { TimeSeriesKind } from '../db/schema';
import { useActiveProject } from '../components/UndoBar';
import { SavedSeries } from './profiles/SavedSeries';
import { useFollowProjectYear } from './profiles/ProjectYear';

type Loaded = { name: string; bytes: Uint8Array };

/** Units a column heading may end with: power and energy, temperature, yields, prices, shares. */
const UNIT = String.raw`(?:[kMG]?Wh?(?:\s?\/\s?(?:kWp|m2|m²|a|h))?|°\s?C|(?:EUR|€|ct)(?:\s?\/\s?[kM]?Wh)?|%)`;
const TRAILING_UNIT = new RegExp(
  String.raw`(?:\s*[[(]\s*(?:in\s+)?${UNIT}\s*[\])]|\s+in\s+${UNIT}|\s+${UNIT})\s*$`,
  'i',
);

/**
 * A column heading without the unit it brought ("Wirkleistung [kW]", "Leistung in kW", "Temperatur
 * (°C)" → the words before it): the preview adds the unit the series is read in, once. Anything
 * else in brackets ("Leistung (Zähler 2)") is the user's and stays.
 */
export const withoutUnit = (name: string) => name.replace(TRAILING_UNIT, '').trim() || name;

function Preview({ result, unit }: { result: ImportResult; unit: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const col = result.columns[result.selected];
  const language = useApp((s) => s.language);
  useEffect(() => {
    if (!ref.current) return;
    // German month names on the time axis in the German UI (charts/locale.ts)
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas', locale: chartLocale(language) });
    const start = Date.parse(result.start);
    const step = result.resolution_min * 60_000;
    const data = Array.from(col.values, (v, i) => [start + i * step, Number.isNaN(v) ? null : v]);
    chart.setOption({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: unit },
      dataZoom: [{ type: 'inside' }],
      series: [{ type: 'line', data, showSymbol: false, sampling: 'lttb', lineStyle: { width: 1 } }],
    });
    return () => chart.dispose();
  }, [result, col, language, unit]);
  return <div ref={ref} className="chart" role="img" aria-label={col.name} />;
}

/** What a saved series is: a load profile (kW), a temperature, a yield or a price in one of two units. */
type SeriesKind = 'demand' | 'temperature' | 'pvYield' | 'solarYield' | 'EUR/MWh' | 'EUR/kWh';

/** The stored unit and kind of each choice; everything but a load is read as it is (no kWh → kW). */
const SERIES_KINDS: Record<SeriesKind, { unit: string; kind: TimeSeriesKind }> = {
  demand: { unit: 'kW', kind: 'demand' },
  temperature: { unit: '°C', kind: 'weather' },
  pvYield: { unit: 'kWh/kWp', kind: 'yield' },
  solarYield: { unit: 'kWh/m2', kind: 'yield' },
  'EUR/MWh': { unit: 'EUR/MWh', kind: 'price' },
  'EUR/kWh': { unit: 'EUR/kWh', kind: 'price' },
};

/**
 * The unit the preview shows a column in: a load in kW (an energy column is converted), anything
 * else in its kind's unit, as it is read (a temperature is never kW).
 */
export const previewUnit = (kind: SeriesKind) => SERIES_KINDS[kind].unit.replace('m2', 'm²');

export default function ProfilesPage() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const projectId = useApp((s) => s.activeProjectId);
  useActiveProject();
  const platform = files();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [settings, setSettings] = useState<ImportSettings>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  // The import's message is kept coded, so it shows in the language chosen now.
  const [error, setError] = useState<{
    file: string;
    line: number | null;
    text: string;
    detail: ImportMessage | null;
  } | null>(null);
  // the coded message names its line itself ("Zeile 8077: …"); the file name goes in front once
  const errorText = error
    ? error.detail
      ? `${error.file}: ${formatImportMessage(error.detail, language)}`
      : `${error.line ? `${error.file}:${error.line}: ` : ''}${error.text}`
    : null;
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [seriesKind, setSeriesKind] = useState<SeriesKind>('demand');
  const [fill, setFill] = useState<FillRule | ''>('');
  const saved = useLiveQuery(
    () => (projectId ? db().timeSeries.where('projectId').equals(projectId).toArray() : Promise.resolve([])),
    [projectId],
  );
  useFollowProjectYear(saved);

  useEffect(() => {
    if (!loaded) return;
    let current = true;
    importInWorker(loaded.name, loaded.bytes, settings).then((r) => {
      if (!current) return;
      setBusy(false);
      if (r.ok) {
        setResult(r.result);
        setError(null);
      } else {
        setResult(null);
        setError({ file: loaded.name, line: r.line, text: r.message, detail: r.detail });
      }
    });
    return () => {
      current = false;
    };
  }, [loaded, settings]);

  if (!projectId)
    return (
      <section aria-labelledby="profiles-title">
        <h1 id="profiles-title">{t('profilesPage.title')}</h1>
        <p className="empty-state">{t('profilesPage.needProject')}</p>
      </section>
    );

  const accept = (f: { name: string; data: Uint8Array }) => {
    setBusy(true);
    setLoaded({ name: f.name, bytes: f.data });
    setSettings(seriesKind === 'demand' ? {} : { unit: 'kW' });
    setName(f.name.replace(/\.[^.]+$/, ''));
  };

  async function save() {
    if (!result || !projectId || !loaded) return;
    const col = result.columns[result.selected];
    const as = SERIES_KINDS[seriesKind];
    const filled = fill ? fillGaps(col.values, result.resolution_min, fill) : null;
    await db().timeSeries.add({
      id: crypto.randomUUID(),
      projectId,
      name: name.trim() || col.name,
      // A price, temperature or yield column is read as it is (the "kW" reading takes no conversion).
      unit: as.unit,
      resolution_min: result.resolution_min,
      start: result.start,
      values: filled ? filled.values : col.values,
      kind: as.kind,
      source: loaded.name,
      fillRule: filled ? filled.rule : undefined,
      filledIntervals: filled ? filled.filled : undefined,
    });
  }

  const col = result?.columns[result.selected];
  const gapCount = col ? col.values.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0) : 0;
  const fmt = (v: number, d = 1) => formatNumber(v, language, d);
  const unit = previewUnit(seriesKind);
  const set = (patch: Partial<ImportSettings>) => {
    setBusy(true);
    setSettings((s) => ({ ...s, ...patch }));
  };

  // Reachable whenever a file is loaded, also when detection failed: the user corrects and retries.
  const settingsForm = (
    <div className="import-settings">
      {result && col && (
        <>
          <label htmlFor="import-column">{t('profilesPage.column')}</label>
          <select
            id="import-column"
            value={col.index}
            onChange={(e) => set({ column: Number(e.target.value) })}
          >
            {result.columns.map((c) => (
              <option key={c.index} value={c.index}>
                {c.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="import-unit">{t('profilesPage.unit')}</label>
      <select
        id="import-unit"
        value={settings.unit ?? ''}
        onChange={(e) => set({ unit: (e.target.value || undefined) as ImportSettings['unit'] })}
      >
        <option value="">{col ? `${t('profilesPage.auto')} (${col.unit})` : t('profilesPage.auto')}</option>
        <option value="kW">{t('profilesPage.unitKW')}</option>
        <option value="kWh">{t('profilesPage.unitKWh')}</option>
      </select>
      <label htmlFor="import-stamp">{t('profilesPage.stamp')}</label>
      <select
        id="import-stamp"
        value={settings.stamp ?? ''}
        onChange={(e) => set({ stamp: (e.target.value || undefined) as ImportSettings['stamp'] })}
      >
        <option value="">
          {result && result.stamp !== 'none'
            ? `${t('profilesPage.auto')} (${result.stamp === 'end' ? t('profilesPage.stampEnd') : t('profilesPage.stampStart')})`
            : t('profilesPage.auto')}
        </option>
        <option value="start">{t('profilesPage.stampStart')}</option>
        <option value="end">{t('profilesPage.stampEnd')}</option>
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.standardTime ?? false}
          onChange={(e) => set({ standardTime: e.target.checked })}
        />
        {t('profilesPage.standardTime')}
      </label>
      <small className="hint">{t('profiles.import.standardTimeHint')}</small>
      <label htmlFor="import-delimiter">{t('profilesPage.delimiterLabel')}</label>
      <select
        id="import-delimiter"
        value={settings.delimiter ?? ''}
        onChange={(e) => set({ delimiter: (e.target.value || undefined) as ImportSettings['delimiter'] })}
      >
        <option value="">{t('profilesPage.auto')}</option>
        <option value=";">{t('profilesPage.semicolon')}</option>
        <option value=",">{t('profilesPage.comma')}</option>
        <option value={'\t'}>{t('profilesPage.tab')}</option>
      </select>
      <label htmlFor="import-decimal">{t('profilesPage.decimalLabel')}</label>
      <select
        id="import-decimal"
        value={settings.decimal ?? ''}
        onChange={(e) => set({ decimal: (e.target.value || undefined) as ImportSettings['decimal'] })}
      >
        <option value="">{t('profilesPage.auto')}</option>
        <option value=",">{t('profiles.import.decimalComma')}</option>
        <option value=".">{t('profiles.import.decimalPoint')}</option>
      </select>
      <label htmlFor="import-header">{t('profilesPage.headerLine')}</label>
      <input
        id="import-header"
        type="number"
        min={0}
        value={settings.headerLine ?? result?.headerLine ?? ''}
        onChange={(e) => set({ headerLine: e.target.value === '' ? undefined : Number(e.target.value) })}
      />
      <label htmlFor="import-zone">{t('profilesPage.timeZone')}</label>
      <select
        id="import-zone"
        value={settings.timeZone ?? 'Europe/Berlin'}
        onChange={(e) => set({ timeZone: e.target.value })}
      >
        <option value="Europe/Berlin">{t('profiles.import.zoneBerlin')}</option>
        <option value="UTC">{t('profiles.import.zoneUtc')}</option>
      </select>
      <label htmlFor="import-year">{t('profilesPage.yearLabel')}</label>
      <input
        id="import-year"
        type="number"
        min={1990}
        max={2100}
        value={settings.year ?? ''}
        onChange={(e) => set({ year: e.target.value === '' ? undefined : Number(e.target.value) })}
      />
      <label htmlFor="import-resolution">{t('profilesPage.resolutionLabel')}</label>
      <input
        id="import-resolution"
        type="number"
        min={1}
        value={settings.resolution_min ?? ''}
        placeholder={result ? String(result.resolution_min) : ''}
        onChange={(e) => set({ resolution_min: e.target.value === '' ? undefined : Number(e.target.value) })}
      />
    </div>
  );

  return (
    <section aria-labelledby="profiles-title">
      <h1 id="profiles-title">{t('profilesPage.title')}</h1>
      <div className="panel">
        {platform.kind === 'web' ? (
          <label>
            {t('profilesPage.choose')}
            <input
              type="file"
              accept=".csv,.txt,.xlsx"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                if (f) accept({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) });
              }}
            />
          </label>
        ) : (
          <button
            type="button"
            onClick={async () => {
              const f = await platform.openFile({
                filters: [{ name: 'Lastgang', extensions: ['csv', 'txt', 'xlsx'] }],
              });
              if (f) accept(f);
            }}
          >
            {t('profilesPage.open')}
          </button>
        )}
        <div className="field-row">
          <label htmlFor="series-kind">{t('profilesPage.seriesKind')}</label>
          <select
            id="series-kind"
            value={seriesKind}
            onChange={(e) => {
              const k = e.target.value as SeriesKind;
              setSeriesKind(k);
              // Prices are read as they are: no kWh → kW conversion.
              const unit = k === 'demand' ? undefined : ('kW' as const);
              if (loaded) set({ unit });
              else setSettings((st) => ({ ...st, unit }));
            }}
          >
            <option value="demand">{t('profilesPage.kindDemand')}</option>
            <option value="temperature">{t('profiles.kind.temperature')}</option>
            <option value="pvYield">{t('profiles.kind.pvYield')}</option>
            <option value="solarYield">{t('profiles.kind.solarYield')}</option>
            <option value="EUR/MWh">{t('profilesPage.kindPrice', { unit: 'EUR/MWh' })}</option>
            <option value="EUR/kWh">{t('profilesPage.kindPrice', { unit: 'EUR/kWh' })}</option>
          </select>
        </div>
        {busy && <p role="status">{t('profilesPage.reading')}</p>}
        {errorText && (
          <p className="field-error" role="alert">
            {t('profilesPage.error', { message: errorText })}
          </p>
        )}
      </div>

      {loaded && !result && error && (
        <div className="panel" data-testid="import-retry">
          <h2>{t('profiles.import.settingsTitle')}</h2>
          <p className="hint">{t('profiles.import.settingsHint')}</p>
          {settingsForm}
        </div>
      )}
      {result && col && (
        <>
          <div className="panel import-grid">
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
                  {result.decimal === ','
                    ? t('profiles.import.decimalComma')
                    : t('profiles.import.decimalPoint')}
                </dd>
                <dt>{t('profilesPage.header')}</dt>
                <dd>{result.headerLine || '—'}</dd>
                <dt>{t('profilesPage.timestamps')}</dt>
                <dd>{t(`profiles.import.stampFormat.${result.timestampFormat}`)}</dd>
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
            {settingsForm}
          </div>
          {result.warnings.length > 0 && (
            <div className="panel">
              <h2>{t('profilesPage.warnings')}</h2>
              <ul data-testid="import-warnings">
                {(result.messages?.length === result.warnings.length
                  ? result.messages.map((m) => formatImportMessage(m, language))
                  : result.warnings
                ).map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="panel">
            <h2>{t('profilesPage.preview')}</h2>
            <Preview result={result} unit={unit} />
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('profilesPage.time')}</th>
                  <th scope="col">
                    {withoutUnit(col.name)} [{unit}]
                  </th>
                </tr>
              </thead>
              <tbody>
                {Array.from(col.values.subarray(0, 8), (v, i) => (
                  <tr key={i}>
                    <td>
                      {formatDateTime(
                        Date.parse(result.start) + i * result.resolution_min * 60_000,
                        language,
                      )}
                    </td>
                    <td>{Number.isNaN(v) ? '—' : fmt(v, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {gapCount > 0 && (
              <div className="gap-fill">
                <label htmlFor="import-fill">{t('profilesPage.gaps', { count: gapCount })}</label>
                <select
                  id="import-fill"
                  value={fill}
                  onChange={(e) => setFill(e.target.value as FillRule | '')}
                >
                  <option value="">{t('profilesPage.fillNone')}</option>
                  <option value="linear">{t('profilesPage.fillLinear')}</option>
                  <option value="previous-week">{t('profilesPage.fillWeek')}</option>
                  <option value="zero">{t('profilesPage.fillZero')}</option>
                </select>
                {!fill && (
                  <p className="field-error" role="alert">
                    {t('profilesPage.needFill')}
                  </p>
                )}
              </div>
            )}
            <div className="field-row save-row">
              <label htmlFor="profile-name">{t('profilesPage.name')}</label>
              <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} />
              <button type="submit" onClick={save} disabled={gapCount > 0 && !fill}>
                {t('profilesPage.save')}
              </button>
            </div>
          </div>
        </>
      )}

      <div className="panel">
        <h2>{t('profilesPage.saved')}</h2>
        {saved && saved.length === 0 && <p className="muted">{t('profilesPage.none')}</p>}
        {saved && <SavedSeries records={saved} />}
      </div>
    </section>
  );
}
