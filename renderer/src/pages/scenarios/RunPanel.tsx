import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { listResults } from '../../db/results';
import { useLiveQuery } from '../../db/useLiveQuery';
import { runOptionsOf } from '../../project/assemble';
import { setScenarioMode } from '../../project/runOptions';
import { useRuns } from '../../project/runs';
import { invalidDrafts, useProject } from '../../project/store';
import { draftFields } from '../../components/UndoBar';
import { solverClient } from '../../solver/client';
import { useApp } from '../../store/app';
import type { StoredProject } from '../../project/document';
import { readableRunErrors } from './runErrors';
import { useScenarioHashes } from './useScenarioHashes';
import { RunFindings, RunResultsTable } from './RunResultsTable';
import { RunProgress } from './RunProgress';
import { cleanEndShare, ParetoRunGroup } from './ParetoRunGroup';
import { formatNumber } from '../../i18n/format';
import { SizingResolution } from './SizingResolution';
import { EXACT_PATH_MINUTES_MEASURED } from '../../../../solver/src';

export { capacityText } from './capacityText';

/**
 * Runs scenarios in the solver worker (the UI stays responsive), shows phase, elapsed time and a
 * cancel button, and lists the stored results with their state: current, stale or missing.
 */
export function RunPanel({ doc, selected }: { doc: StoredProject; selected: string }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const projectId = useProject((s) => s.projectId)!;
  const running = useRuns((s) => (s.running?.projectId === projectId ? s.running : null));
  const busy = useRuns((s) => s.running !== null);
  const error = useRuns((s) => s.error);
  const cancelled = useRuns((s) => s.cancelled);
  const errorKind = useRuns((s) => s.errorKind);
  // Values typed into the forms but invalid: the document still has the old ones, so no run.
  const drafts = useProject((s) => s.drafts);
  const invalid = invalidDrafts(drafts);
  const blocked = invalid.length > 0;
  const blockedBy = blocked ? 'run-blocked' : undefined;
  const record = useLiveQuery(() => db().projects.get(projectId), [projectId]);
  // The run mode is the selected scenario's own: changing it leaves the other scenarios' results current.
  const mode = record ? runOptionsOf(record, selected).mode : 'aggregated';
  const modesKey = JSON.stringify(record?.runOptions ?? null);
  const results = useLiveQuery(() => listResults(db(), projectId), [projectId]);
  const records = useLiveQuery(
    () => db().timeSeries.where('projectId').equals(projectId).toArray(),
    [projectId],
  );
  const scenarios = [{ id: 'base', name: t('planner.scenarios.base') }, ...(doc.scenarios ?? [])];
  const ids = scenarios.map((s) => s.id).join('|');
  const hashes = useScenarioHashes(projectId, ids, doc, modesKey, results);

  const run = (ids: string[]) => void useRuns.getState().start(db(), solverClient(), projectId, ids);
  const cancel = () => useRuns.getState().cancel();
  // a front still running (started before a page switch) shows its own number of points
  const [paretoPoints, setParetoPoints] = useState(() => String(useRuns.getState().running?.points ?? 5));
  const points = Number(paretoPoints);
  const pointsOk = Number.isInteger(points) && points >= 2 && points <= 20;
  // as the points: a front still running shows its own tolerance (percent, in the app's number format)
  const [cleanEnd, setCleanEnd] = useState(() =>
    formatNumber(100 * (useRuns.getState().running?.cleanEndTolerance ?? 0), language, 2),
  );
  const pareto = () =>
    void useRuns
      .getState()
      .startPareto(db(), solverClient(), projectId, selected, points, cleanEndShare(cleanEnd) ?? 0);
  const periods = doc.periods?.years.length ?? 1;
  const nameOf = (id: string) => scenarios.find((s) => s.id === id)?.name ?? id;

  const byScenario = new Map((results ?? []).map((r) => [r.scenarioId, r]));
  return (
    <section className="panel" aria-labelledby="run-title">
      <h2 id="run-title">{t('planner.run.title')}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="run-mode">{t('planner.run.mode')}</label>
          <select
            id="run-mode"
            value={mode}
            disabled={busy}
            aria-describedby="run-mode-hint"
            onChange={(e) =>
              void setScenarioMode(db(), projectId, selected, e.target.value as 'aggregated' | 'full')
            }
          >
            <option value="aggregated">{t('planner.run.aggregated')}</option>
            <option value="full">{t('planner.run.full')}</option>
          </select>
          <p id="run-mode-hint" className="hint">
            {t('scenarios.run.modeFor', { name: nameOf(selected) })}
          </p>
          {mode === 'full' && periods > 1 && (
            <p className="hint" data-testid="run-mode-full-path">
              {t('scenarios.run.fullPath', { count: periods, minutes: EXACT_PATH_MINUTES_MEASURED })}
            </p>
          )}
        </div>
        <button
          type="button"
          disabled={busy || blocked}
          aria-describedby={blockedBy}
          onClick={() => run([selected])}
        >
          {t('planner.run.runSelected', { name: scenarios.find((s) => s.id === selected)?.name ?? selected })}
        </button>
        <button
          type="button"
          disabled={busy || blocked}
          aria-describedby={blockedBy}
          onClick={() => run(scenarios.map((s) => s.id))}
        >
          {t('planner.run.runAll')}
        </button>
        {running && (
          <button type="button" className="danger" onClick={cancel}>
            {t('planner.run.cancel')}
          </button>
        )}
      </div>
      {mode === 'aggregated' && <SizingResolution projectId={projectId} record={record} disabled={busy} />}
      {blocked && (
        <p id="run-blocked" className="field-error" data-testid="run-blocked">
          {t('planner.run.blocked', { count: invalid.length, fields: draftFields(invalid) })}
        </p>
      )}
      <ParetoRunGroup
        name={nameOf(selected)}
        paretoPoints={paretoPoints}
        onPoints={setParetoPoints}
        pointsOk={pointsOk}
        cleanEnd={cleanEnd}
        onCleanEnd={setCleanEnd}
        busy={busy}
        blocked={blocked}
        blockedBy={blockedBy}
        onStart={pareto}
        stored={byScenario.get(selected)}
      />
      <RunProgress running={running} cancelled={cancelled} points={points} nameOf={nameOf} />
      {error && (
        <div className="field-error" role="alert">
          <p>{t(errorKind === 'pareto' ? 'pareto.failed' : 'planner.run.notRunnable')}</p>
          <ul>
            {(errorKind === 'pareto' ? error : readableRunErrors(error, doc, records ?? [], t, language)).map(
              (e) => (
                <li key={e}>{e}</li>
              ),
            )}
          </ul>
        </div>
      )}
      <RunResultsTable
        doc={doc}
        scenarios={scenarios}
        byScenario={byScenario}
        hashes={hashes}
        drafts={drafts}
        invalid={invalid}
      />
      <RunFindings scenarios={scenarios} byScenario={byScenario} />
    </section>
  );
}
