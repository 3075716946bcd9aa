import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { useLiveQuery } from '../../db/useLiveQuery';
import { currentInputsHash, runOptionsOf } from '../../project/assemble';
import { sweepableParameters, type SweepAxis } from '../../project/sweep';
import { canScreen, isSweepRunning, sweepProgress, useSweeps, type SweepRun } from '../../project/sweeps';
import { getPointer } from '../../project/pointer';
import { invalidDrafts, useProject } from '../../project/store';
import { draftFields } from '../../components/UndoBar';
import { solverClient } from '../../solver/client';
import { NumberField } from '../../components/NumberField';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import type { StoredProject } from '../../project/document';
import { parameterLabel } from './labels';
import { SweepResults } from './SweepResults';

interface AxisState {
  pointer: string;
  from?: number;
  to?: number;
  steps?: number;
}

function AxisForm({
  n,
  doc,
  axis,
  options,
  optional,
  onChange,
}: {
  n: 1 | 2;
  doc: StoredProject;
  axis: AxisState;
  options: string[];
  optional: boolean;
  onChange: (a: AxisState) => void;
}) {
  const { t } = useTranslation();
  const { unit, scale } = axis.pointer ? parameterLabel(doc, axis.pointer, t) : { unit: '', scale: 1 };
  const title = (o: string) => {
    const l = parameterLabel(doc, o, t);
    return l.unit ? `${l.label} [${l.unit}]` : l.label;
  };
  return (
    <fieldset className="sub form-grid">
      <legend>{t('planner.sweep.parameter', { n })}</legend>
      <div className="field">
        <label htmlFor={`sweep-p${n}`}>{t('planner.sweep.which')}</label>
        <select
          id={`sweep-p${n}`}
          value={axis.pointer}
          onChange={(e) => onChange({ ...axis, pointer: e.target.value })}
        >
          {optional && <option value="">{t('planner.none')}</option>}
          {options.map((o) => (
            <option key={o} value={o} title={o}>
              {title(o)}
            </option>
          ))}
        </select>
      </div>
      {axis.pointer && (
        <>
          <NumberField
            label={t('planner.sweep.from')}
            unit={unit}
            scale={scale}
            value={axis.from}
            required
            onCommit={(v) => onChange({ ...axis, from: v })}
          />
          <NumberField
            label={t('planner.sweep.to')}
            unit={unit}
            scale={scale}
            value={axis.to}
            required
            onCommit={(v) => onChange({ ...axis, to: v })}
          />
          <NumberField
            label={t('planner.sweep.steps')}
            value={axis.steps}
            integer
            min={2}
            max={20}
            required
            onCommit={(v) => onChange({ ...axis, steps: v })}
          />
        </>
      )}
    </fieldset>
  );
}

/**
 * The quick screening's checkbox and what it means; disabled, with the reason, where the base cannot
 * be screened (`screenable` false), and without a hint until that is known.
 */
function ScreeningField({
  screenable,
  checked,
  onChange,
}: {
  screenable: boolean | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field check">
        <input
          id="sweep-screening"
          type="checkbox"
          checked={checked && screenable === true}
          disabled={!screenable}
          aria-describedby="sweep-screening-hint"
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor="sweep-screening">{t('planner.sweep.screening')}</label>
      </div>
      {screenable !== undefined && (
        <p id="sweep-screening-hint" className="hint">
          {t(screenable ? 'planner.sweep.screeningHint' : 'planner.sweep.screeningUnavailable')}
        </p>
      )}
    </>
  );
}

/** Base value × 0.5 … × 1.5 in 3 steps: a first range for a newly chosen parameter. */
function defaultAxis(doc: StoredProject, p: string | undefined): AxisState {
  const v = p ? getPointer(doc, p) : undefined;
  if (typeof v !== 'number' || !p) return { pointer: '' };
  const r = (x: number) => Number.parseFloat(x.toPrecision(6));
  return v === 0
    ? { pointer: p, from: 0, to: 1, steps: 3 }
    : { pointer: p, from: r(v * 0.5), to: r(v * 1.5), steps: 3 };
}

const axisOf = (a: SweepAxis | undefined): AxisState => (a ? { ...a } : { pointer: '' });

const complete = (x: AxisState): SweepAxis | null =>
  x.pointer && x.from !== undefined && x.to !== undefined && x.steps !== undefined
    ? { pointer: x.pointer, from: x.from, to: x.to, steps: x.steps }
    : null;

/** Elapsed seconds of a sweep: up to now while it runs, else up to its end. */
function useElapsed(run: SweepRun | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const running = run?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  if (!run) return 0;
  return ((running ? Math.max(now, run.started) : (run.finished ?? run.started)) - run.started) / 1000;
}

/**
 * Sensitivity sweep: one or two base parameters over a range; each grid point is a solver run of
 * the base with those values. The sweep lives in a store (project/sweeps.ts): switching pages
 * keeps its progress and finished points; the last finished sweep comes back after a reload.
 */
export function SweepPanel({ doc }: { doc: StoredProject }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const projectId = useProject((s) => s.projectId)!;
  const run = useSweeps((s) => s.sweeps[projectId]);
  const problems = useSweeps((s) => s.errors[projectId]);
  const busy = useSweeps(isSweepRunning);
  // a sweep varies the base: an invalid value typed into a base field blocks it (the run panel says why)
  const invalid = invalidDrafts(useProject((s) => s.drafts)).filter((d) => !d.variantId);
  const options = sweepableParameters(doc);
  // the form starts with the shown sweep's grid, so coming back to the page shows what was run
  const [a, setA] = useState<AxisState>(() => (run ? axisOf(run.a) : defaultAxis(doc, options[0])));
  const [b, setB] = useState<AxisState>(() => axisOf(run?.b));
  const [incomplete, setIncomplete] = useState(false);
  const [screening, setScreening] = useState(() => run?.screening ?? false);
  const elapsed = useElapsed(run);

  useEffect(() => {
    void useSweeps.getState().load(db(), projectId);
  }, [projectId]);

  // the base's inputs hash now (document and run options): another one marks a finished sweep stale
  const record = useLiveQuery(() => db().projects.get(projectId), [projectId]);
  const [currentHash, setCurrentHash] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void currentInputsHash(db(), projectId, 'base').then((h) => live && setCurrentHash(h));
    return () => {
      live = false;
    };
  }, [projectId, record]);
  const stale = !!run && run.state !== 'running' && currentHash !== null && currentHash !== run.inputsHash;
  // a screening needs a single year sized on typical days (the base's run mode)
  const screenable = record ? canScreen(doc, runOptionsOf(record, 'base')) : undefined;

  function start() {
    const ax = complete(a);
    const bx = b.pointer ? complete(b) : undefined;
    setIncomplete(!ax || bx === null);
    if (!ax || bx === null) return;
    void useSweeps.getState().start(db(), solverClient(), projectId, ax, bx, {
      screening: screening && screenable === true,
    });
  }

  const running = run?.state === 'running';
  const progress = run ? sweepProgress(run) : null;
  const progressText =
    run &&
    progress &&
    t('planner.sweep.progress', {
      done: progress.done,
      total: progress.total,
      seconds: formatNumber(elapsed, language, 0),
    });

  return (
    <section className="panel" aria-labelledby="sweep-title">
      <h2 id="sweep-title">{t('planner.sweep.title')}</h2>
      <p className="hint">{t('planner.sweep.intro')}</p>
      {options.length === 0 ? (
        <p className="empty">{t('planner.sweep.noParameters')}</p>
      ) : (
        <>
          <div className="sweep-axes">
            <AxisForm
              n={1}
              doc={doc}
              axis={a}
              options={options}
              optional={false}
              onChange={(x) => setA(x.pointer !== a.pointer ? defaultAxis(doc, x.pointer) : x)}
            />
            <AxisForm
              n={2}
              doc={doc}
              axis={b}
              options={options.filter((o) => o !== a.pointer)}
              optional
              onChange={(x) => setB(x.pointer !== b.pointer ? defaultAxis(doc, x.pointer) : x)}
            />
          </div>
          <ScreeningField screenable={screenable} checked={screening} onChange={setScreening} />
          <div className="field-row">
            <button
              type="button"
              disabled={busy || invalid.length > 0}
              aria-describedby={invalid.length ? 'sweep-blocked' : undefined}
              onClick={start}
            >
              {t('planner.sweep.start')}
            </button>
            {invalid.length > 0 && (
              <p id="sweep-blocked" className="field-error">
                {t('planner.run.blocked', { count: invalid.length, fields: draftFields(invalid) })}
              </p>
            )}
            {running && (
              <button type="button" className="danger" onClick={() => useSweeps.getState().cancel()}>
                {t('planner.run.cancel')}
              </button>
            )}
          </div>
          {busy && !running && <p className="hint">{t('scenarios.sweep.otherProject')}</p>}
        </>
      )}
      <p role="status" aria-live="polite" data-testid="sweep-status" className="run-status">
        {run && (run.state === 'cancelled' ? `${t('planner.sweep.stopped')} ${progressText}` : progressText)}
        {run && stale && (
          <>
            {' '}
            <span className="badge stale">{t('scenarios.sweep.stale')}</span>
          </>
        )}
      </p>
      {running && progress && (
        <progress value={progress.done} max={progress.total} aria-label={t('planner.sweep.title')} />
      )}
      {incomplete && (
        <p className="field-error" role="alert">
          {t('planner.sweep.incomplete')}
        </p>
      )}
      {problems && (
        <div className="problems" role="alert">
          <p>{t('planner.run.notRunnable')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {run && <SweepResults run={run} doc={doc} />}
    </section>
  );
}
