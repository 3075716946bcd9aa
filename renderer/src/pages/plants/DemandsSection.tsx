import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeSeriesKind, TimeSeriesRecord } from '../../db/schema';
import { useProject } from '../../project/store';
import { yearStart_ms } from '../../project/document';
import {
  ELECTRICITY_PROFILES,
  HEAT_TYPES,
  type ElectricityProfile,
  type GeneratedSpec,
  type HeatType,
} from '../../project/profileTypes';
import { attachSeries, keysOf, roleOf, seriesKey, seriesOptions } from '../../project/seriesActions';
import { YearMismatch, useFollowProjectYear } from '../profiles/ProjectYear';
import { NumberField } from '../../components/NumberField';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import { SelectField, useEditor } from './editor';

type Which = 'heat' | 'electricity';

/** Annual energy of a series in kWh (mean kW per interval × interval length). */
export const annual_kWh = (r: Pick<TimeSeriesRecord, 'values' | 'resolution_min'>): number =>
  r.values.reduce((a, v) => a + (Number.isNaN(v) ? 0 : (v * r.resolution_min) / 60), 0);

/**
 * Stores a generated hourly series on the site year: in place of `replace` (same record, so no
 * copies pile up) or as a new record, with its source note in the planner's language; returns the
 * document key that refers to it.
 */
async function storeGenerated(
  projectId: string,
  spec: GeneratedSpec,
  name: string,
  unit: string,
  kind: TimeSeriesKind,
  values: Float64Array,
  year: number,
  replace: TimeSeriesRecord | undefined,
  keyBase: string,
  language: 'de' | 'en',
): Promise<string> {
  const { generatedSource } = await import('../../project/generate');
  const source = generatedSource(spec, language);
  const id = replace?.id ?? crypto.randomUUID();
  const rec: TimeSeriesRecord = {
    id,
    projectId,
    name,
    unit,
    kind,
    resolution_min: 60,
    start: new Date(yearStart_ms(year)).toISOString(),
    values,
    source,
    generated: spec,
  };
  let key = '';
  await useProject.getState().edit(
    (d) => {
      key = keysOf(d, id)[0] ?? seriesKey(keyBase, Object.keys(d.timeSeries));
      d.timeSeries[key] = { unit, seriesId: id, source };
    },
    undefined,
    (tx) => tx.timeSeries.put(rec),
  );
  return key;
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
  useFollowProjectYear(records);
  const doc = ed.doc;
  const used = new Set(Object.values(doc.timeSeries).map((r) => r.seriesId));
  const unusedProfiles = records.filter((r) => !used.has(r.id) && roleOf(r) === 'load');
  const unusedPrices = records.filter((r) => !used.has(r.id) && roleOf(r) === 'price');
  const byId = new Map(records.map((r) => [r.id, r]));
  const recordOf = (key: string | undefined) =>
    key ? byId.get(doc.timeSeries[key]?.seriesId ?? '') : undefined;
  const fmt = (v: number) => formatNumber(v, language, 0);
  const loadOptions = seriesOptions(doc, records, 'load');

  /** An imported price series becomes a project series that prices can refer to (× scale + adder). */
  function attachPrice(rec: TimeSeriesRecord) {
    void useProject.getState().edit((d) => {
      attachSeries(d, rec);
    });
  }

  function attach(rec: TimeSeriesRecord, which: Which) {
    void useProject.getState().edit((d) => {
      d.demands[which] = attachSeries(d, rec);
    });
  }

  async function generate() {
    if (!projectId || !energy) return;
    setBusy(true);
    setError(null);
    try {
      const year = doc.site.year;
      const { electricityProfile, heatProfile, generatedSpecOf } = await import('../../project/generate');
      const spec: GeneratedSpec =
        what === 'heat'
          ? { kind: 'heat', type: profile as HeatType, annual_kWh: energy }
          : { kind: 'electricity', profile: profile as ElectricityProfile, annual_kWh: energy };
      const values =
        spec.kind === 'heat'
          ? await heatProfile(spec.type, energy, year)
          : await electricityProfile(spec.profile, energy, year);
      // a generated demand is replaced in place; an imported one stays in the list
      const current = recordOf(doc.demands[what]);
      const replace = current && generatedSpecOf(current) ? current : undefined;
      const name = `${t(`planner.demands.types.${profile}`)}, ${fmt(energy)} kWh/a`;
      const key = await storeGenerated(
        projectId,
        spec,
        name,
        'kW',
        'demand',
        values,
        year,
        replace,
        `${what}_${profile}`,
        language,
      );
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
    setError(null);
    try {
      const year = doc.site.year;
      const { weatherSeries, generatedSpecOf } = await import('../../project/generate');
      const w = await weatherSeries(year);
      // the default weather is there once: taking it again rewrites the same series
      const existing = (kind: GeneratedSpec['kind']) =>
        records.find((r) => generatedSpecOf(r)?.kind === kind);
      const parts = [
        ['ambient', '°C', 'weather', w.ambient, 'ambient'],
        ['pvYield', 'kWh/kWp', 'yield', w.pvYield, 'pv_yield'],
        ['solarYield', 'kWh/m2', 'yield', w.solarYield, 'solar_yield'],
      ] as const;
      for (const [kind, unit, seriesKind, values, keyBase] of parts) {
        const key = await storeGenerated(
          projectId,
          { kind },
          t(`profiles.weatherName.${kind}`),
          unit,
          seriesKind,
          values,
          year,
          existing(kind),
          keyBase,
          language,
        );
        if (kind === 'ambient')
          await useProject.getState().edit((d) => {
            d.site.ambientTemperature = key;
          });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const demandInfo = (which: Which) => {
    const rec = recordOf(doc.demands[which]);
    return rec ? t('planner.demands.annual', { energy: fmt(annual_kWh(rec)) }) : t('planner.demands.missing');
  };
  const ambient = recordOf(doc.site.ambientTemperature);

  return (
    <fieldset className="panel">
      <legend>{t('planner.demands.title')}</legend>
      <div className="form-grid">
        {(['heat', 'electricity'] as const).map((which) => (
          <div key={which}>
            <SelectField
              ptr={`/demands/${which}`}
              label={t(`planner.demands.${which}`)}
              options={loadOptions}
              empty={t('planner.none')}
              testId={`demand-${which}`}
            />
            <small className="hint" data-testid={`demand-${which}-info`}>
              {demandInfo(which)}
            </small>
            {ed.variantId === null && recordOf(doc.demands[which]) && (
              <YearMismatch
                record={recordOf(doc.demands[which])!}
                generated={!!recordOf(doc.demands[which])?.generated}
              />
            )}
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
                  <YearMismatch record={r} />
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
              ? t('planner.demands.weatherSet', { key: ambient?.name ?? doc.site.ambientTemperature })
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
