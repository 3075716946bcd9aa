import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import type { RunningState } from '../../project/runs';
import { useProject } from '../../project/store';
import { fieldUnit } from '../../../../solver/src';
import { useApp } from '../../store/app';
import { useChartText } from '../results/common';
import { capacityList } from '../results/ParetoPanel';

/** Which optimisation point k of a front is (computation order: minimum cost, minimum CO2, between). */
const paretoStep = (k: number | undefined) =>
  k === undefined ? 'starting' : k === 1 ? 'minCost' : k === 2 ? 'minCo2' : 'epsilon';

/** The running solve's phase and elapsed time (ticking while it runs), or that it was cancelled. */
export function RunProgress({
  running,
  cancelled,
  points,
  nameOf,
}: {
  running: RunningState | null;
  cancelled: boolean;
  points: number;
  nameOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const text = useChartText();
  const techs = useProject((s) => s.doc?.technologies);
  const powerUnit = (id: string) => fieldUnit(techs?.find((x) => x.id === id)?.type, 'power_kW');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 200);
    return () => clearInterval(timer);
  }, [running]);
  return (
    <>
      <p role="status" aria-live="polite" className="run-status" data-testid="run-status">
        {running?.kind === 'pareto'
          ? t('pareto.progress', {
              name: nameOf(running.scenarioId),
              point: running.point ?? 1,
              points: running.points ?? points,
              step: t(`pareto.step.${running.step ?? paretoStep(running.point)}`),
              phase: t(`solver.phase.${running.phase || 'starting'}`),
              pointSeconds: formatNumber(
                Math.max(0, now - (running.pointStarted ?? running.started)) / 1000,
                language,
                0,
              ),
              seconds: formatNumber(Math.max(0, now - running.started) / 1000, language, 1),
            })
          : running
            ? t('planner.run.progress', {
                name: nameOf(running.scenarioId),
                phase: running.phase
                  ? running.checks
                    ? t('solver.periodsChecked', {
                        phase: t(`solver.phase.${running.phase}`),
                        done: running.checks.done,
                        of: running.checks.of,
                      })
                    : t(`solver.phase.${running.phase}`)
                  : t('planner.run.starting'),
                seconds: formatNumber(Math.max(0, now - running.started) / 1000, language, 1),
                queued: running.queue.length,
              })
            : cancelled
              ? t('planner.run.cancelled')
              : ''}
      </p>
      {!!running?.checks?.running?.length && (
        // The path's full-year checks under way, one per worker.
        <ul className="run-checks" data-testid="run-checks">
          {running.checks.running.map((c) => (
            <li key={c.year}>
              {t(c.worker ? 'planner.run.checkOnWorker' : 'planner.run.checkRunning', {
                year: c.year,
                worker: c.worker,
                seconds: formatNumber(Math.max(0, now - c.startedAt) / 1000, language, 0),
              })}
            </li>
          ))}
        </ul>
      )}
      {running?.preview && (
        // The typical-day sizing while the full-year check and refinement settle the plan.
        <p className="run-preview" data-testid="run-preview">
          {t('planner.run.preview', {
            items: capacityList(running.preview, text, powerUnit).join(', '),
            cost: formatNumber(running.preview.totalAnnualCost_EUR, language, 0),
          })}
        </p>
      )}
      {running?.pathPreview && (
        // The path's sizing on typical days while the periods' full years are checked.
        <div className="run-preview" data-testid="run-path-preview">
          <p>
            {t('planner.run.pathPreview', {
              cost: formatNumber(running.pathPreview.netPresentCost_EUR, language, 0),
            })}
          </p>
          <ul>
            {running.pathPreview.periods.map((q) => (
              <li key={q.year}>
                {q.year}: {capacityList(q, text, powerUnit).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {running?.kind === 'pareto' && running.points ? (
        <progress
          aria-label={t('pareto.title')}
          value={Math.max(0, (running.point ?? 1) - 1)}
          max={running.points}
        />
      ) : (
        running && <progress aria-label={t('planner.run.title')} />
      )}
    </>
  );
}
