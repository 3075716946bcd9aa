import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import type { ImportResult } from '../../../../solver/src';
import type { FillRule } from '../../../../solver/src';
import { ImportChart } from './ImportChart';
import { withoutUnit } from './seriesKinds';

/** The selected column's chart and first values, how to fill its gaps, and where to save it. */
export function ImportPreviewPanel({
  result,
  unit,
  fill,
  onFill,
  name,
  onName,
  onSave,
}: {
  result: ImportResult;
  unit: string;
  fill: FillRule | '';
  onFill: (fill: FillRule | '') => void;
  name: string;
  onName: (name: string) => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const col = result.columns[result.selected];
  const gapCount = col.values.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0);
  const fmt = (v: number, d = 1) => formatNumber(v, language, d);
  return (
    <div className="panel">
      <h2>{t('profilesPage.preview')}</h2>
      <ImportChart result={result} unit={unit} />
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
                {formatDateTime(Date.parse(result.start) + i * result.resolution_min * 60_000, language)}
              </td>
              <td>{Number.isNaN(v) ? '—' : fmt(v, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {gapCount > 0 && (
        <div className="gap-fill">
          <label htmlFor="import-fill">{t('profilesPage.gaps', { count: gapCount })}</label>
          <select id="import-fill" value={fill} onChange={(e) => onFill(e.target.value as FillRule | '')}>
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
        <input id="profile-name" value={name} onChange={(e) => onName(e.target.value)} />
        <button type="submit" onClick={onSave} disabled={gapCount > 0 && !fill}>
          {t('profilesPage.save')}
        </button>
      </div>
    </div>
  );
}
