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
  const typicalDays = o?.typicalDays ?? DEFAULT_TYPICAL_DAYS;
  const segments = o?.segments ?? DEFAULT_SEGMENTS;
  const save = (change: { typicalDays?: number; segments?: number }) =>
    void setSizingResolution(db(), projectId, change);
  return (
    <fieldset className="sub form-grid" aria-describedby="sizing-resolution-hint">
      <legend>{t('planner.run.resolution.title')}</legend>
      <div className="field">
        <label htmlFor="run-typical-days">{t('planner.run.resolution.typicalDays')}</label>
        <select
          id="run-typical-days"
          value={typicalDays}
          disabled={disabled}
          onChange={(e) => save({ typicalDays: Number(e.target.value) })}
        >
          {TYPICAL_DAYS.map((n) => (
            <option key={n} value={n}>
              {n === DEFAULT_TYPICAL_DAYS ? t('planner.run.resolution.default', { value: n }) : n}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="run-segments">{t('planner.run.resolution.segments')}</label>
        <select
          id="run-segments"
          value={segments}
          disabled={disabled}
          onChange={(e) => save({ segments: Number(e.target.value) })}
        >
          {SEGMENTS.map((n) => (
            <option key={n} value={n}>
              {n === 24
                ? t('planner.run.resolution.hourly')
                : n === DEFAULT_SEGMENTS
                  ? t('planner.run.resolution.default', { value: n })
                  : n}
            </option>
          ))}
        </select>
      </div>
      <p id="sizing-resolution-hint" className="hint">
        {t('planner.run.resolution.hint')}
      </p>
    </fieldset>
  );
}
