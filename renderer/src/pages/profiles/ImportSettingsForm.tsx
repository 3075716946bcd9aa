import { useTranslation } from 'react-i18next';
import type { ImportResult, ImportSettings } from '../../../../solver/src';

/**
 * The settings an import is read with. Reachable whenever a file is loaded, also when detection
 * failed: the user corrects and retries.
 */
export function ImportSettingsForm({
  result,
  settings,
  set,
}: {
  result: ImportResult | null;
  settings: ImportSettings;
  set: (patch: Partial<ImportSettings>) => void;
}) {
  const { t } = useTranslation();
  const col = result?.columns[result.selected];
  return (
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
        <option value="">
          {col
            ? `${t('profilesPage.auto')} (${col.unit}${col.unitSource === 'assumed' ? `, ${t('profiles.import.guessed')}` : ''})`
            : t('profilesPage.auto')}
        </option>
        <option value="kW">{t('profilesPage.unitKW')}</option>
        <option value="kWh">{t('profilesPage.unitKWh')}</option>
      </select>
      <label htmlFor="import-scale">{t('profiles.import.scale')}</label>
      <select
        id="import-scale"
        value={settings.scale ?? ''}
        onChange={(e) => set({ scale: (e.target.value || undefined) as ImportSettings['scale'] })}
      >
        <option value="">
          {col && col.unitSource === 'assumed'
            ? `${t('profilesPage.auto')} (${scaleName(col.scale)}, ${t('profiles.import.guessed')})`
            : `${t('profilesPage.auto')} (${t('profiles.import.scaleFile')})`}
        </option>
        <option value="W">W</option>
        <option value="kW">kW</option>
        <option value="MW">MW</option>
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
          checked={settings.standardTime ?? result?.timeBasis === 'standard'}
          onChange={(e) => set({ standardTime: e.target.checked })}
        />
        {t('profilesPage.standardTime')}
      </label>
      <small className="hint">{t('profiles.import.standardTimeHint')}</small>
      {result?.timeBasis === 'none' && <small className="hint">{t('profiles.import.yearFromProject')}</small>}
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
}

/** The scale of a column's numbers as a unit prefix (factor to kW or kWh). */
const scaleName = (scale: number) => (scale === 1000 ? 'MW' : scale === 0.001 ? 'W' : 'kW');
