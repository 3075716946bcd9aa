import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../../../solver/src/report';

const FORMATS: ReportFormat[] = ['pdf', 'xlsx', 'csv'];

export interface ReportOptionValues {
  format: ReportFormat;
  lang: 'de' | 'en';
  csvStyle: 'de' | 'intl';
  csvTable: 'summary' | 'dispatch';
}

/**
 * The report's format, language and CSV choices; `dispatchOf` names the scenario a dispatch CSV
 * is written for.
 */
export function ReportOptions({
  value,
  onChange,
  dispatchOf,
}: {
  value: ReportOptionValues;
  onChange: (patch: Partial<ReportOptionValues>) => void;
  dispatchOf: string | null;
}) {
  const { t } = useTranslation();
  const { format, lang, csvStyle, csvTable } = value;
  return (
    <>
      <fieldset>
        <legend>{t('reports.formatLabel')}</legend>
        {FORMATS.map((f) => (
          <label key={f} style={{ marginRight: 16 }}>
            <input
              type="radio"
              name="format"
              value={f}
              checked={format === f}
              onChange={() => onChange({ format: f })}
            />{' '}
            {t(`reports.format.${f}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('reports.languageLabel')}</legend>
        <select
          aria-label={t('reports.languageLabel')}
          value={lang}
          onChange={(e) => onChange({ lang: e.target.value as 'de' | 'en' })}
        >
          <option value="de">{t('reports.language.de')}</option>
          <option value="en">{t('reports.language.en')}</option>
        </select>
      </fieldset>
      {format === 'csv' && (
        <fieldset>
          <legend>{t('reports.csvLabel')}</legend>
          <label>
            {t('reports.csvStyleLabel')}{' '}
            <select
              value={csvStyle}
              onChange={(e) => onChange({ csvStyle: e.target.value as 'de' | 'intl' })}
            >
              <option value="de">{t('reports.csvStyle.de')}</option>
              <option value="intl">{t('reports.csvStyle.intl')}</option>
            </select>
          </label>{' '}
          <label>
            {t('reports.csvTableLabel')}{' '}
            <select
              value={csvTable}
              onChange={(e) => onChange({ csvTable: e.target.value as 'summary' | 'dispatch' })}
            >
              <option value="summary">{t('reports.csvTable.summary')}</option>
              <option value="dispatch">{t('reports.csvTable.dispatch')}</option>
            </select>
          </label>
          {csvTable === 'dispatch' && dispatchOf !== null && (
            <p className="muted">{t('reports.csvDispatchOf', { scenario: dispatchOf })}</p>
          )}
        </fieldset>
      )}
    </>
  );
}
