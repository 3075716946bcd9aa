import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  siteWeather,
  summarizeWeather,
  TRY_REGIONS,
  type Site,
  type WeatherSummary,
  type WeatherYear,
} from '../../../../solver/src';
import { formatNumber } from '../../i18n/format';
import { changeSiteWeather } from '../../project/seriesActions';
import { useApp } from '../../store/app';
import { useEditor } from './editor';
import { importWeatherFile, WEATHER_FILE_ACCEPT } from './weatherFile';

type SiteLike = Pick<Site, 'latitude_deg' | 'longitude_deg' | 'weather'>;

/**
 * Which weather the site uses and what it is like: the DWD test reference year of the nearest region
 * (or the one chosen, or the 2045 projection), its monthly mean temperature and irradiation, position,
 * time basis and DWD's source note.
 */
export function WeatherPanel() {
  const { t } = useTranslation();
  const ed = useEditor();
  const language = useApp((s) => s.language);
  const site = ed.doc.site;
  const choice = siteWeather(site);
  const [loaded, setLoaded] = useState<{ key: string; w: WeatherYear; s: WeatherSummary } | null>(null);
  const [failed, setFailed] = useState<{ key: string; message: string } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const onFile = (file: File | undefined) => {
    if (!file) return;
    void file
      .text()
      .then((text) => importWeatherFile(file.name, text, t))
      .then(setImportError, (e: unknown) => setImportError(e instanceof Error ? e.message : String(e)));
  };
  const key = choice.kind === 'dwd-try' ? `${choice.region.region}/${choice.year}` : `file/${choice.name}`;
  useEffect(() => {
    let live = true;
    import('../../project/generate')
      .then(({ projectWeather }) => projectWeather(site as SiteLike))
      .then((w) => {
        if (live) setLoaded({ key, w, s: summarizeWeather(w) });
      })
      .catch((e: unknown) => {
        const message =
          e instanceof Error && e.name === 'WeatherFileMissing'
            ? t('planner.weather.fileMissing', { name: (e as Error & { fileName: string }).fileName })
            : e instanceof Error
              ? e.message
              : String(e);
        if (live) setFailed({ key, message });
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names the weather
  }, [key]);
  const fmt = (v: number, digits = 1) => formatNumber(v, language, digits);
  const data = loaded?.key === key ? loaded : null;
  const error = failed?.key === key ? failed.message : null;
  const which =
    choice.kind === 'dwd-try'
      ? t('planner.weather.try', {
          year: choice.year,
          region: choice.region.region,
          place: choice.region.place,
          climateRegion: t(`planner.weather.climateRegions.${choice.region.region}`),
        }) +
        (choice.noPosition
          ? ` – ${t('planner.weather.noPosition')}`
          : `, ${t('planner.weather.distance', { km: fmt(choice.distance_km, 0) })}`)
      : t('planner.weather.file', {
          name: choice.name,
          format: t(`planner.weather.formats.${choice.format}`),
        });
  const editable = ed.variantId === null;
  const tryWeather = site.weather?.kind === 'dwd-try' ? site.weather : undefined;
  const set = (region: number | undefined, year: 2015 | 2045) =>
    void changeSiteWeather(
      region === undefined && year === 2015
        ? undefined
        : { kind: 'dwd-try', year, ...(region ? { region } : {}) },
    );
  const region = tryWeather?.region;
  const year = tryWeather?.year ?? 2015;
  return (
    <section className="weather" data-testid="site-weather" aria-label={t('planner.weather.title')}>
      <h3>{t('planner.weather.title')}</h3>
      <p data-testid="weather-which">{which}</p>
      {editable && (
        <div className="form-grid">
          <div className="field">
            <label htmlFor="weather-region">{t('planner.weather.region')}</label>
            <select
              id="weather-region"
              value={region ?? ''}
              onChange={(e) => set(e.target.value ? Number(e.target.value) : undefined, year)}
            >
              <option value="">{t('planner.weather.nearest')}</option>
              {TRY_REGIONS.map((r) => (
                <option key={r.region} value={r.region}>
                  {r.region} {r.place} ({t(`planner.weather.climateRegions.${r.region}`)})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="weather-year">{t('planner.weather.year')}</label>
            <select
              id="weather-year"
              value={year}
              onChange={(e) => set(region, Number(e.target.value) === 2045 ? 2045 : 2015)}
            >
              <option value={2015}>{t('planner.weather.year2015')}</option>
              <option value={2045}>{t('planner.weather.year2045')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="weather-file">{t('planner.weather.importFile')}</label>
            <input
              id="weather-file"
              type="file"
              accept={WEATHER_FILE_ACCEPT}
              onChange={(e) => onFile(e.target.files?.[0])}
            />
          </div>
        </div>
      )}
      {importError && (
        <p className="field-error" role="alert" data-testid="weather-import-error">
          {importError}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {data && <WeatherFacts w={data.w} s={data.s} />}
    </section>
  );
}

/** A weather year's months, position, time basis and source note, as the planner shows them. */
function WeatherFacts({ w, s }: { w: WeatherYear; s: WeatherSummary }) {
  const { t } = useTranslation();
  const language = useApp((st) => st.language);
  const fmt = (v: number, digits = 1) => formatNumber(v, language, digits);
  const months = Array.from({ length: 12 }, (_, m) =>
    new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2001, m, 1)),
  );
  const data = { w, s };
  return (
    <>
      <table className="weather-months" data-testid="weather-months">
        <thead>
          <tr>
            <th />
            {months.map((m) => (
              <th key={m}>{m}</th>
            ))}
            <th>{t('planner.weather.yearTotal')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('planner.weather.temperature')}</th>
            {data.s.months.map((m, i) => (
              <td key={i}>{fmt(m.meanTemperature_C)}</td>
            ))}
            <td>{fmt(data.s.meanTemperature_C)}</td>
          </tr>
          <tr>
            <th scope="row">{t('planner.weather.irradiation')}</th>
            {data.s.months.map((m, i) => (
              <td key={i}>{fmt(m.globalHorizontal_kWh_m2, 0)}</td>
            ))}
            <td>{fmt(data.s.globalHorizontal_kWh_m2, 0)}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">
        {t('planner.weather.position', {
          lat: fmt(data.w.latitude_deg, 3),
          lon: fmt(data.w.longitude_deg, 3),
          elevation: fmt(data.w.elevation_m, 0),
        })}
      </p>
      <p className="hint">
        {data.w.source === 'dwd-try'
          ? t('planner.weather.timeBasisTry')
          : t('planner.weather.timeBasisFile', {
              clock:
                data.w.utcOffset_h === 0
                  ? 'UTC'
                  : `UTC${data.w.utcOffset_h > 0 ? '+' : '−'}${fmt(Math.abs(data.w.utcOffset_h), 0)}`,
              at: fmt(data.w.irradianceAt_h, 2),
            })}
      </p>
      <p className="source" data-testid="weather-source">
        {data.w.attribution}
      </p>
    </>
  );
}
