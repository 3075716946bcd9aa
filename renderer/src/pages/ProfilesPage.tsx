import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../db/schema';
import { useLiveQuery } from '../db/useLiveQuery';
import { useApp } from '../store/app';
import { useProject } from '../project/store';
import type { FillRule } from '../../../solver/src';
import { formatImportMessage } from '../../../solver/src';
import { useActiveProject } from '../components/UndoBar';
import { SavedSeries } from './profiles/SavedSeries';
import { useFollowProjectYear } from './profiles/ProjectYear';
import { previewUnit, type SeriesKind } from './profiles/seriesKinds';
import { useProfileImport } from './profiles/useProfileImport';
import { ImportSettingsForm } from './profiles/ImportSettingsForm';
import { ImportFacts } from './profiles/ImportFacts';
import { ImportPreviewPanel } from './profiles/ImportPreviewPanel';
import { ImportFilePicker } from './profiles/ImportFilePicker';
import { saveImportedSeries } from './profiles/saveImportedSeries';

export { previewUnit, withoutUnit } from './profiles/seriesKinds';

export default function ProfilesPage() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const projectId = useApp((s) => s.activeProjectId);
  useActiveProject();
  const { loaded, settings, setSettings, result, error, errorText, busy, load, set } =
    useProfileImport(language);
  const [name, setName] = useState('');
  const [seriesKind, setSeriesKind] = useState<SeriesKind>('demand');
  const [fill, setFill] = useState<FillRule | ''>('');
  const saved = useLiveQuery(
    () => (projectId ? db().timeSeries.where('projectId').equals(projectId).toArray() : Promise.resolve([])),
    [projectId],
  );
  useFollowProjectYear(saved);
  // A file without timestamps goes onto the project year (shown and changeable in the settings).
  const projectYear = useProject((s) => s.doc?.site.year);
  const needsYear = error?.detail?.code === 'noTimestampsYear' && settings.year === undefined;
  useEffect(() => {
    if (needsYear && projectYear) set({ year: projectYear });
  }, [needsYear, projectYear, set]);

  if (!projectId)
    return (
      <section aria-labelledby="profiles-title">
        <h1 id="profiles-title">{t('profilesPage.title')}</h1>
        <p className="empty-state">{t('profilesPage.needProject')}</p>
      </section>
    );

  const accept = (f: { name: string; data: Uint8Array }) => {
    load(f, seriesKind === 'demand' ? {} : { unit: 'kW' });
    setName(f.name.replace(/\.[^.]+$/, ''));
  };

  async function save() {
    if (!result || !projectId || !loaded) return;
    await saveImportedSeries(projectId, loaded.name, result, seriesKind, name, fill);
  }

  const col = result?.columns[result.selected];
  const unit = previewUnit(seriesKind);
  const settingsForm = <ImportSettingsForm result={result} settings={settings} set={set} />;

  return (
    <section aria-labelledby="profiles-title">
      <h1 id="profiles-title">{t('profilesPage.title')}</h1>
      <div className="panel">
        <ImportFilePicker onFile={accept} />
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
            <ImportFacts result={result} seriesKind={seriesKind} unit={unit} />
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
          <ImportPreviewPanel
            result={result}
            unit={unit}
            fill={fill}
            onFill={setFill}
            name={name}
            onName={setName}
            onSave={() => void save()}
          />
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
