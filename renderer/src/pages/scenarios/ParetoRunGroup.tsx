import { useTranslation } from 'react-i18next';
import type { StoredResult } from '../../db/results';

/** Starts a Pareto front of the selected scenario with a number of points, and notes a stored one. */
export function ParetoRunGroup({
  name,
  paretoPoints,
  onPoints,
  pointsOk,
  busy,
  blocked,
  blockedBy,
  onStart,
  stored,
}: {
  name: string;
  paretoPoints: string;
  onPoints: (value: string) => void;
  pointsOk: boolean;
  busy: boolean;
  blocked: boolean;
  blockedBy: string | undefined;
  onStart: () => void;
  stored: StoredResult | undefined;
}) {
  const { t } = useTranslation();
  const front = stored?.payload.pareto;
  return (
    <div className="pareto-run" role="group" aria-labelledby="pareto-title">
      <h3 id="pareto-title">{t('pareto.title')}</h3>
      <p className="muted">{t('pareto.intro')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="pareto-points">{t('pareto.points')}</label>
          <input
            id="pareto-points"
            type="number"
            inputMode="numeric"
            min={2}
            max={20}
            step={1}
            value={paretoPoints}
            disabled={busy}
            aria-invalid={!pointsOk}
            aria-describedby={pointsOk ? undefined : 'pareto-points-error'}
            onChange={(e) => onPoints(e.target.value)}
          />
          {!pointsOk && (
            <p id="pareto-points-error" className="field-error" role="alert">
              {t('pareto.pointsInvalid')}
            </p>
          )}
        </div>
        <button
          type="button"
          disabled={busy || !pointsOk || blocked}
          aria-describedby={blockedBy}
          onClick={onStart}
        >
          {t('pareto.start', { name })}
        </button>
      </div>
      {front?.length ? (
        <p className="muted" data-testid="pareto-stored">
          {front.length === 1 ? t('pareto.single') : t('pareto.stored', { count: front.length })}
        </p>
      ) : null}
    </div>
  );
}
