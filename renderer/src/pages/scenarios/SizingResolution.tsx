import { useTranslation } from 'react-i18next';
import { db, type ProjectRecord } from '../../db/schema';
import { DEFAULT_SEGMENTS, DEFAULT_TYPICAL_DAYS } from '../../../../solver/src';
import { setSizingResolution } from '../../project/runOptions';

const TYPICAL_DAYS = [12, 24, 36, 48];
const SEGMENTS = [4, 8, 12, 24];

/** The time grid of the typical-day sizing (aggregated runs of every scenario): typical days and segments per day. */
export function SizingResolution({
  projectId,
  record,
  disabled,
}: {
  projectId: string;
  record: ProjectRecord | undefined;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const o = record?.runOptions;
  const fields = [
    { key: 'typicalDays', id: 'run-typical-days', values: TYPICAL_DAYS, fallback: DEFAULT_TYPICAL_DAYS },
    { key: 'segments', id: 'run-segments', values: SEGMENTS, fallback: DEFAULT_SEGMENTS },
  ] as const;
  // 24 segments per day are the hours themselves.
  const label = (f: (typeof fields)[number], n: number) =>
    f.key === 'segments' && n === 24
      ? t('planner.run.resolution.hourly')
      : n === f.fallback
        ? t('planner.run.resolution.default', { value: n })
        : String(n);
  return (
    <fieldset className="sub form-grid" aria-describedby="sizing-resolution-hint">
      <legend>{t('planner.run.resolution.title')}</legend>
      {fields.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={f.id}>{t(`planner.run.resolution.${f.key}`)}</label>
          <select
            id={f.id}
            value={o?.[f.key] ?? f.fallback}
            disabled={disabled}
            onChange={(e) => void setSizingResolution(db(), projectId, { [f.key]: Number(e.target.value) })}
          >
            {f.values.map((n) => (
              <option key={n} value={n}>
                {label(f, n)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p id="sizing-resolution-hint" className="hint">
        {t('planner.run.resolution.hint')}
      </p>
    </fieldset>
  );
}
