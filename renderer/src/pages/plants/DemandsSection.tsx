import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, type TimeSeriesKind, type TimeSeriesRecord } from '../../db/schema';
import { useProject } from '../../project/store';
import { yearStart_ms } from '../../project/document';
import { freeId } from '../../project/catalogue';
import {
  ELECTRICITY_PROFILES,
  HEAT_TYPES,
  type ElectricityProfile,
  type HeatType,
} from '../../project/profileTypes';
import { NumberField } from '../../components/NumberField';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import { SelectField, useEditor } from './editor';

type Which = 'heat' | 'electricity';

/** Annual energy of a series in kWh (mean kW per interval × interval length). */
export const annual_kWh = (r: Pick<TimeSeriesRecord, 'values' | 'resolution_min'>): number =>
  r.values.reduce((a, v) => a + (Number.isNaN(v) ? 0 : (v * r.resolution_min) / 60), 0);

/** Stores a generated hourly series on the site year and refers to it from the document. */
async function storeSeries(
  projectId: string,
  key: string,
  unit: string,
  kind: TimeSeriesKind,
  values: Float64Array,
  year: number,
  source: string,
  then: (key: string) => void,
) {
  const id = crypto.randomUUID();
  await db().timeSeries.add({
    id,
    projectId,
    name: key,
    unit,
    kind,
    resolution_min: 60,
    start: new Date(yearStart_ms(year)).toISOString(),
    values,
    source,
  });
  await useProject.getState().edit((d) => {
    d.timeSeries[key] = { unit, seriesId: id, source };
    then(key);
  });
}

export function DemandsSection({ records }: { records: TimeSeriesRecord[] }) {
  const { t } = useTranslation();
  const ed = useEditor();
  const language = useApp((s) => s.language);
  const projectId = useProject((s) => s.projectId);
  const [what, setWhat] = useState<Which>('heat');
  const [profile, setProfile] = useState<string>('MFH');
  const [energy, setEnergy] = useState<number | undefined>(500_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const doc = ed.doc;
  const keys = Object.keys(doc.timeSeries);
  const used = new Set(Object.values(doc.timeSeries).map((r) => r.seriesId));
  const unusedProfiles = records.filter((r) => !used.has(r.id) && r.kind === 'demand');
  const unusedPrices = records.filter((r) => !used.has(r.id) && r.kind === 'price');
  const byId = new Map(records.map((r) => [r.id, r]));
  const fmt = (v: number) => formatNumber(v, language, 0);

  /** An imported price series becomes a project series that prices can refer to (× scale + adder). */
  function attachPrice(rec: TimeSeriesRecord) {
    void useProject.getState().edit((d) => {
      const key = freeId(rec.name.replace(/\.[a-z]+$/i, ''), Object.keys(d.timeSeries));
      d.timeSeries[key] = { unit: rec.unit, seriesId: rec.id, ...(rec.source ? { source: rec.source } : {}) };
    });
  }

  function attach(rec: TimeSeriesRecord, which: Which) {
    void useProject.getState().edit((d) => {
      const key = freeId(rec.name.replace(/\.[a-z]+$/i, ''), Object.keys(d.timeSeries));
      d.timeSeries[key] = { unit: rec.unit, seriesId: rec.id, ...(rec.source ? { source: rec.source } : {}) };
      d.demands[which] = key;
    });
  }

  async function generate() {
    if (!projectId || !energy) return;
    setBusy(true);
    setError(null);
    try {
      const year = doc.site.year;
      const { electricityProfile, heatProfile } = await import('../../project/generate');
      const values =
        what === 'heat'
          ? await heatProfile(profile as HeatType, energy, year)
          : await electricityProfile(profile as ElectricityProfile, energy, year);
      const source =
        what === 'heat'
          ? `BDEW SigLinDe ${profile}, PVGIS TMY weather, ${energy} kWh/a (Werkplan)`
          : `BDEW standard load profile ${profile} (2025), ${energy} kWh/a (Werkplan)`;
      const key = freeId(`${what}_${profile}`, keys);
      await storeSeries(projectId, key, 'kW', 'demand', values, year, source, () => undefined);
      await useProject.getState().edit((d) => {
        d.demands[what] = key;
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function addWeather() {
    if (!projectId) return;
    setBusy(true);
    try {
      const year = doc.site.year;
      const { weatherSeries } = await import('../../project/generate');
      const w = await weatherSeries(year);
      const src = 'PVGIS 5.3 TMY 45° N 8° E (assets/weather), south 35°';
      await storeSeries(
        projectId,
        freeId('ambient', Object.keys(useProject.getState().doc!.timeSeries)),
        '°C',
        'weather',
        w.ambient,
        year,
        src,
        () => undefined,
      );
      const amb = Object.keys(useProject.getState().doc!.timeSeries).pop()!;
      await useProject.getState().edit((d) => {
        d.site.ambientTemperature = amb;
      });
      await storeSeries(
        projectId,
        freeId('pv_yield', Object.keys(useProject.getState().doc!.timeSeries)),
        'kWh/kWp',
        'yield',
        w.pvYield,
        year,
        src,
        () => undefined,
      );
      await storeSeries(
        projectId,
        freeId('solar_yield', Object.keys(useProject.getState().doc!.timeSeries)),
        'kWh/m2',
        'yield',
        w.solarYield,
        year,
        src,
        () => undefined,
      );
    } finally {
      setBusy(false);
    }
  }

  const demandInfo = (which: Which) => {
    const key = doc.demands[which];
    const rec = key ? byId.get(doc.timeSeries[key]?.seriesId ?? '') : undefined;
    return rec ? t('planner.demands.annual', { energy: fmt(annual_kWh(rec)) }) : t('planner.demands.missing');
  };

  return (
    <fieldset className="panel">
      <legend>{t('planner.demands.title')}</legend>
      <div className="form-grid">
        {(['heat', 'electricity'] as const).map((which) => (
          <div key={which}>
            <SelectField
              ptr={`/demands/${which}`}
              label={t(`planner.demands.${which}`)}
              options={keys.map((k) => ({ value: k, label: `${k} [${doc.timeSeries[k].unit}]` }))}
              empty={t('planner.none')}
              testId={`demand-${which}`}
            />
            <small className="hint" data-testid={`demand-${which}-info`}>
              {demandInfo(which)}
            </small>
          </div>
        ))}
      </div>
      {ed.variantId === null && (
        <>
          <h3>{t('planner.demands.profiles')}</h3>
          {unusedProfiles.length === 0 ? (
            <p className="empty">{t('planner.demands.noProfiles')}</p>
          ) : (
            <ul className="plain">
              {unusedProfiles.map((r) => (
                <li key={r.id}>
                  {r.name} ({fmt(annual_kWh(r))} kWh, {r.resolution_min} min){' '}
                  <button type="button" onClick={() => attach(r, 'heat')}>
                    {t('planner.demands.useAsHeat')}
                  </button>{' '}
                  <button type="button" onClick={() => attach(r, 'electricity')}>
                    {t('planner.demands.useAsElectricity')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {unusedPrices.length > 0 && (
            <ul className="plain" data-testid="imported-prices">
              {unusedPrices.map((r) => (
                <li key={r.id}>
                  {r.name} ({r.unit}, {r.resolution_min} min){' '}
                  <button type="button" onClick={() => attachPrice(r)}>
                    {t('planner.demands.useAsPrice')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('planner.demands.generate')}</h3>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="gen-what">{t('planner.demands.generateWhat')}</label>
              <select
                id="gen-what"
                value={what}
                onChange={(e) => {
                  const w = e.target.value as Which;
                  setWhat(w);
                  setProfile(w === 'heat' ? 'MFH' : 'G25');
                }}
              >
                <option value="heat">{t('planner.demands.heatSigLinDe')}</option>
                <option value="electricity">{t('planner.demands.electricityBdew')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="gen-profile">{t('planner.demands.profileType')}</label>
              <select id="gen-profile" value={profile} onChange={(e) => setProfile(e.target.value)}>
                {(what === 'heat' ? HEAT_TYPES : ELECTRICITY_PROFILES).map((p) => (
                  <option key={p} value={p}>
                    {t(`planner.demands.types.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <NumberField
              label={t('planner.demands.annualEnergy')}
              unit="kWh/a"
              value={energy}
              onCommit={setEnergy}
              min={0}
              exclusiveMin
              required
            />
            <button type="button" disabled={busy || !energy} onClick={() => void generate()}>
              {t('planner.demands.generateButton')}
            </button>
          </div>
          <h3>{t('planner.demands.weather')}</h3>
          <p className="hint">
            {doc.site.ambientTemperature
              ? t('planner.demands.weatherSet', { key: doc.site.ambientTemperature })
              : t('planner.demands.weatherMissing')}
          </p>
          <button type="button" disabled={busy} onClick={() => void addWeather()}>
            {t('planner.demands.addWeather')}
          </button>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
