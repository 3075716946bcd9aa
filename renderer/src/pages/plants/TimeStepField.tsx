import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from './editor';

/** The model's time step: 1 hour (stored as absent) or 15 minutes (site.timeStep_min = 15). */
export function TimeStepField() {
  const { t } = useTranslation();
  const ed = useEditor();
  const id = useId();
  const ptr = '/site/timeStep_min';
  const quarter = ed.get(ptr) === 15;
  return (
    <div className={`field${ed.changed(ptr) ? ' changed' : ''}`}>
      <label htmlFor={id}>{t('planner.site.timeStep')}</label>
      <select
        id={id}
        data-testid="site-time-step"
        value={quarter ? '15' : '60'}
        onChange={(e) => void ed.set(ptr, e.target.value === '15' ? 15 : undefined)}
      >
        <option value="60">{t('planner.site.timeStep60')}</option>
        <option value="15">{t('planner.site.timeStep15')}</option>
      </select>
      <small className="hint">{t('planner.site.timeStepHint')}</small>
    </div>
  );
}
