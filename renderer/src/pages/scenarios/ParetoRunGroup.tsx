import { useTranslation } from 'react-i18next';
import type { StoredResult } from '../../db/results';

/** The clean-end tolerance as typed (percent of the CO2 range, comma or point): its share, or null if invalid. */
export function cleanEndShare(percent: string): number | null {
  const text = percent.trim().replace(',', '.');
  const v = text === '' ? NaN : Number(text);
  return v >= 0 && v <= 50 ? v / 100 : null;
}

/**
 * Starts a Pareto front of the selected scenario with a number of points and a clean-end tolerance,
 * and notes a stored one.
 */
export function ParetoRunGroup({
  name,
  paretoPoints,
  onPoints,
  pointsOk,
  cleanEnd,
  onCleanEnd,
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
  /** Percent of the CO2 range, as typed. */
  cleanEnd: string;
  onCleanEnd: (value: string) => void;
  busy: boolean;
  blocked: boolean;
  blockedBy: string | undefined;
  onStart: () => void;
  stored: StoredResult | undefined;
}) {
  const { t } = useTranslation();
  const front = stored?.payload.pareto;
  const cleanEndOk = cleanEndShare(cleanEnd) !== null;
  return (
    <div className="pareto-run" role="group" aria-labelledby="pareto-title">
      <h3 id="pareto-title">{t('pareto.title')}</h3>
      <p className="muted">{t('pareto.intro')}</p>
      <div className="field-row pareto-fields">
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
        <div className="field">
          <label htmlFor="pareto-clean-end">{t('pareto.cleanEnd')}</label>
          <input
            id="pareto-clean-end"
            type="text"
            inputMode="decimal"
            value={cleanEnd}
            disabled={busy}
            aria-invalid={!cleanEndOk}
            aria-describedby={cleanEndOk ? 'pareto-clean-end-hint' : 'pareto-clean-end-error'}
            onChange={(e) => onCleanEnd(e.target.value)}
          />
        </div>
        <button
          type="button"
          disabled={busy || !pointsOk || !cleanEndOk || blocked}
          aria-describedby={blockedBy}
          onClick={onStart}
        >
          {t('pareto.start', { name })}
        </button>
      </div>
      {cleanEndOk ? (
        <p id="pareto-clean-end-hint" className="hint">
          {t('pareto.cleanEndHint')}
        </p>
      ) : (
        <p id="pareto-clean-end-error" className="field-error" role="alert">
          {t('pareto.cleanEndInvalid')}
        </p>
      )}
      {front?.length ? (
        <p className="muted" data-testid="pareto-stored">
          {front.length === 1 ? t('pareto.single') : t('pareto.stored', { count: front.length })}
        </p>
      ) : null}
    </div>
  );
}
