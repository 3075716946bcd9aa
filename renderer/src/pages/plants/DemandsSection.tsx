import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeSeriesRecord } from '../../db/schema';
import { useProject } from '../../project/store';
import { attachSeries, roleOf, seriesOptions } from '../../project/seriesActions';
import { YearMismatch, useFollowProjectYear } from '../profiles/ProjectYear';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import { SelectField, useEditor } from './editor';
import { annual_kWh } from './annualEnergy';
import { addDefaultWeather, generateDemand, type Which } from './generatedSeries';
import { UnusedSeriesLists } from './UnusedSeriesLists';
import { GenerateDemandForm } from './GenerateDemandForm';

export { annual_kWh } from './annualEnergy';

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

  /** Runs a generation with the buttons disabled meanwhile; its error is shown below them. */
  async function busyWhile(task: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function generate() {
    if (!projectId || !energy) return;
    const name = `${t(`planner.demands.types.${profile}`)}, ${fmt(energy)} kWh/a`;
    const current = recordOf(doc.demands[what]);
    await busyWhile(() =>
      generateDemand(projectId, what, profile, energy, doc.site.year, current, name, language),
    );
  }

  async function addWeather() {
    if (!projectId) return;
    await busyWhile(() => addDefaultWeather(projectId, doc.site.year, records, t, language));
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
          <UnusedSeriesLists
            profiles={unusedProfiles}
            prices={unusedPrices}
            onAttach={attach}
            onAttachPrice={attachPrice}
          />
          <h3>{t('planner.demands.generate')}</h3>
          <GenerateDemandForm
            what={what}
            onWhat={setWhat}
            profile={profile}
            onProfile={setProfile}
            energy={energy}
            onEnergy={setEnergy}
            busy={busy}
            onGenerate={() => void generate()}
          />
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
