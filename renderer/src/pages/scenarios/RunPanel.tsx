import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { listResults, type StoredResult } from '../../db/results';
import { useLiveQuery } from '../../db/useLiveQuery';
import { currentInputsHash, runOptionsOf } from '../../project/assemble';
import { useRuns } from '../../project/runs';
import { draftsConcern, invalidDrafts, useProject } from '../../project/store';
import { describeProblems, seriesNames } from '../../project/problems';
import { coverageProblems, withCoverage } from '../../project/seriesYear';
import { coverageText } from '../profiles/ProjectYear';
import { draftFields } from '../../components/UndoBar';
import { solverClient } from '../../solver/client';
import { formatNumber } from '../../i18n/format';
import { findings } from '../results/common';
import { useApp } from '../../store/app';
import type { StoredProject } from '../../project/document';
import { mainCapacity } from '../../../../solver/src';

/** A result with figures: solved to optimality or the best solution within the time limit. */
const solved = (r: StoredResult) =>
  r.payload.results.status === 'optimal' || r.payload.results.status === 'time_limit';

/** Which optimisation point k of a front is (computation order: minimum cost, minimum CO2, between). */
const paretoStep = (k: number | undefined) =>
  k === undefined ? 'starting' : k === 1 ? 'minCost' : k === 2 ? 'minCo2' : 'epsilon';

/** The sized plants as the user named them, each in its own capacity unit (storage kWh, PV kWp). */
export function capacityText(r: StoredResult, doc: StoredProject, language: 'de' | 'en'): string {
  return Object.entries(r.payload.results.capacities)
    .map(([id, c]) => {
      const tech = doc.technologies.find((x) => x.id === id);
      const { value, unit } = mainCapacity(tech?.type, c);
      return `${tech?.name || id} ${formatNumber(value, language, 1)} ${unit}`;
    })
    .join(', ');
}

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
  const [now, setNow] = useState(0);
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
  const [hashes, setHashes] = useState<Record<string, string | null> | null>(null);
  const ids = scenarios.map((s) => s.id).join('|');
  useEffect(() => {
    let live = true;
    void (async () => {
      const out: Record<string, string | null> = {};
      for (const id of ids.split('|')) out[id] = await currentInputsHash(db(), projectId, id);
      if (live) setHashes(out);
    })();
    return () => {
      live = false;
    };
  }, [projectId, doc, modesKey, ids, results]);

  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 200);
    return () => clearInterval(timer);
  }, [running]);

  const run = (ids: string[]) => void useRuns.getState().start(db(), solverClient(), projectId, ids);
  const cancel = () => useRuns.getState().cancel();
  // a front still running (started before a page switch) shows its own number of points
  const [paretoPoints, setParetoPoints] = useState(() => String(useRuns.getState().running?.points ?? 5));
  const points = Number(paretoPoints);
  const pointsOk = Number.isInteger(points) && points >= 2 && points <= 20;
  const pareto = () => void useRuns.getState().startPareto(db(), solverClient(), projectId, selected, points);
  const nameOf = (id: string) => scenarios.find((s) => s.id === id)?.name ?? id;

  // "pointer: message" lines of a project that cannot be run, as the input check words them; a
  // series outside the project year is one message naming it and both years (as in the input check)
  const readable = (lines: string[]) => {
    const findings = lines.map((l) => /^(\/[^:\s]*|\/): ([\s\S]*)$/.exec(l));
    if (findings.some((f) => !f)) return lines;
    const list = findings.map((f) => ({ pointer: f![1] === '/' ? '' : f![1], message: f![2] }));
    return withCoverage(
      describeProblems(list, doc, t, language, { seriesNames: seriesNames(doc, records ?? []) }).filter(
        (p) => p.kind === 'error' || list.some((f) => f.pointer === p.pointer),
      ),
      // only series this run was refused for (the list is of the run, the records are of now)
      coverageProblems(doc, records ?? []).filter((c) =>
        list.some(
          (f) => f.pointer === `/timeSeries/${c.key}` || f.pointer.startsWith(`/timeSeries/${c.key}/`),
        ),
      ),
      (c) => ({
        kind: 'error' as const,
        text: coverageText(c, t, language),
        pointer: `/timeSeries/${c.key}`,
      }),
    ).map((p) => p.text);
  };

  const byScenario = new Map((results ?? []).map((r) => [r.scenarioId, r]));
  const paretoNote = (r: StoredResult | undefined) => {
    const front = r?.payload.pareto;
    if (!front?.length) return null;
    return (
      <p className="muted" data-testid="pareto-stored">
        {front.length === 1 ? t('pareto.single') : t('pareto.stored', { count: front.length })}
      </p>
    );
  };
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
              void db().projects.update(projectId, {
                runOptions: {
                  mode: record?.runOptions?.mode ?? 'aggregated',
                  modes: {
                    ...record?.runOptions?.modes,
                    [selected]: e.target.value as 'aggregated' | 'full',
                  },
                },
              })
            }
          >
            <option value="aggregated">{t('planner.run.aggregated')}</option>
            <option value="full">{t('planner.run.full')}</option>
          </select>
          <p id="run-mode-hint" className="hint">
            {t('scenarios.run.modeFor', { name: nameOf(selected) })}
          </p>
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
      {blocked && (
        <p id="run-blocked" className="field-error" data-testid="run-blocked">
          {t('planner.run.blocked', { count: invalid.length, fields: draftFields(invalid) })}
        </p>
      )}
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
              onChange={(e) => setParetoPoints(e.target.value)}
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
            onClick={pareto}
          >
            {t('pareto.start', { name: nameOf(selected) })}
          </button>
        </div>
        {paretoNote(byScenario.get(selected))}
      </div>
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
                name: scenarios.find((s) => s.id === running.scenarioId)?.name ?? running.scenarioId,
                phase: running.phase ? t(`solver.phase.${running.phase}`) : t('planner.run.starting'),
                seconds: formatNumber(Math.max(0, now - running.started) / 1000, language, 1),
                queued: running.queue.length,
              })
            : cancelled
              ? t('planner.run.cancelled')
              : ''}
      </p>
      {running?.kind === 'pareto' && running.points ? (
        <progress
          aria-label={t('pareto.title')}
          value={Math.max(0, (running.point ?? 1) - 1)}
          max={running.points}
        />
      ) : (
        running && <progress aria-label={t('planner.run.title')} />
      )}
      {error && (
        <div className="field-error" role="alert">
          <p>{t(errorKind === 'pareto' ? 'pareto.failed' : 'planner.run.notRunnable')}</p>
          <ul>
            {(errorKind === 'pareto' ? error : readable(error)).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="table" data-testid="run-results">
        <thead>
          <tr>
            <th scope="col">{t('planner.run.scenario')}</th>
            <th scope="col">{t('planner.run.state')}</th>
            <th scope="col">{t('planner.run.totalCost')}</th>
            <th scope="col">{t('planner.run.co2')}</th>
            <th scope="col">{t('planner.run.capacities')}</th>
          </tr>
        </thead>
        <tbody>
          {scenarios.map((s) => {
            const r = byScenario.get(s.id);
            const stale = r && hashes && hashes[s.id] !== r.inputsHash;
            return (
              <tr key={s.id} data-testid={`result-${s.id}`}>
                <th scope="row">{s.name}</th>
                <td>
                  {!r ? (
                    <span className="muted">{t('planner.run.none')}</span>
                  ) : stale ? (
                    <span className="badge stale">{t('planner.run.stale')}</span>
                  ) : draftsConcern(drafts, s.id) ? (
                    // a value typed but not in the document: this result is not of what the form shows
                    <span className="badge stale">
                      {t(
                        invalid.some((d) => !d.variantId || d.variantId === s.id)
                          ? 'planner.run.draftInvalid'
                          : 'planner.run.draftPending',
                      )}
                    </span>
                  ) : (
                    <span className={`badge ${solved(r) ? 'ok' : 'error'}`}>
                      {t(`planner.run.status.${r.payload.results.status}`)}
                    </span>
                  )}
                </td>
                <td className="num">
                  {r && solved(r)
                    ? `${formatNumber(r.payload.results.objective.totalAnnualCost_EUR, language, 0)} EUR/a`
                    : r
                      ? '–'
                      : ''}
                </td>
                <td className="num">
                  {r && solved(r)
                    ? `${formatNumber(r.payload.results.emissions_tCO2, language, 1)} t`
                    : r
                      ? '–'
                      : ''}
                </td>
                <td data-testid={`capacities-${s.id}`}>{r ? capacityText(r, doc, language) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {scenarios.map((s) => {
        const r = byScenario.get(s.id);
        if (!r || r.payload.results.status === 'optimal' || r.payload.results.warnings.length === 0)
          return null;
        return (
          <div key={s.id} className="field-error" role="note" data-testid={`findings-${s.id}`}>
            <p>{t('planner.run.findings', { name: s.name })}</p>
            <ul>
              {findings(r.payload.results, language).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
