import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { assembleProject, runOptionsOf } from '../../project/assemble';
import { checkRunnable, NotRunnableError, solvePoint } from '../../project/run';
import { axisValues, sweepGrid, sweepableParameters, type SweepAxis } from '../../project/sweep';
import { unitOf } from '../../project/pointer';
import { getPointer } from '../../project/pointer';
import { useProject } from '../../project/store';
import { solverClient } from '../../solver/client';
import { NumberField } from '../../components/NumberField';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import type { StoredProject } from '../../project/document';

interface AxisState {
  pointer: string;
  from?: number;
  to?: number;
  steps?: number;
}

function AxisForm({
  n,
  axis,
  options,
  optional,
  onChange,
}: {
  n: 1 | 2;
  axis: AxisState;
  options: string[];
  optional: boolean;
  onChange(a: AxisState): void;
}) {
  const { t } = useTranslation();
  const unit = unitOf(axis.pointer);
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
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      {axis.pointer && (
        <>
          <NumberField
            label={t('planner.sweep.from')}
            unit={unit}
            value={axis.from}
            required
            onCommit={(v) => onChange({ ...axis, from: v })}
          />
          <NumberField
            label={t('planner.sweep.to')}
            unit={unit}
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
 * Sensitivity sweep: one or two parameters over a range; each grid point is a solver run of the
 * base with those values (not stored). Shows a table of total annual cost, shaded like a heat map.
 */
export function SweepPanel({ doc }: { doc: StoredProject }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const projectId = useProject((s) => s.projectId)!;
  const options = sweepableParameters(doc);
  const init = (p: string | undefined): AxisState => {
    const v = p ? getPointer(doc, p) : undefined;
    return typeof v === 'number' && p
      ? {
          pointer: p,
          from: Number.parseFloat((v * 0.5).toPrecision(6)),
          to: Number.parseFloat((v * 1.5).toPrecision(6)),
          steps: 3,
        }
      : { pointer: '' };
  };
  const [a, setA] = useState<AxisState>(() => init(options[0]));
  const [b, setB] = useState<AxisState>({ pointer: '' });
  const [cells, setCells] = useState<(number | null | string)[][] | null>(null);
  const [axes, setAxes] = useState<{ xs: number[]; ys: number[]; a: string; b: string } | null>(null);
  const [progress, setProgress] = useState<{
    done: number;
    total: number;
    started: number;
    at: number;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const stop = useRef(false);

  const full = (x: AxisState): SweepAxis | null =>
    x.pointer && x.from !== undefined && x.to !== undefined && x.steps !== undefined
      ? { pointer: x.pointer, from: x.from, to: x.to, steps: x.steps }
      : null;

  async function start() {
    setError(null);
    const ax = full(a);
    const bx = b.pointer ? full(b) : undefined;
    if (!ax || bx === null) return setError(t('planner.sweep.incomplete'));
    try {
      const grid = sweepGrid(ax, bx ?? undefined);
      await useProject.getState().saved;
      const project = await assembleProject(db(), projectId);
      const record = await db().projects.get(projectId);
      if (!project || !record) return;
      checkRunnable(project, 'base');
      const xs = axisValues(ax);
      const ys = bx ? axisValues(bx) : [0];
      const table: (number | null | string)[][] = ys.map(() => xs.map(() => null));
      setAxes({ xs, ys, a: ax.pointer, b: bx?.pointer ?? '' });
      setCells(table.map((r) => [...r]));
      stop.current = false;
      const started = Date.now();
      setProgress({ done: 0, total: grid.length, started, at: started });
      for (let k = 0; k < grid.length && !stop.current; k++) {
        const pt = grid[k];
        const run = solvePoint(solverClient(), project, pt.overrides, runOptionsOf(record).mode);
        cancelRef.current = run.cancel;
        try {
          const r = await run.result;
          table[pt.j][pt.i] =
            r.status === 'optimal' || r.status === 'time_limit' ? r.objective.totalAnnualCost_EUR : r.status;
        } catch (e) {
          if (stop.current) break;
          table[pt.j][pt.i] = e instanceof Error ? e.message : String(e);
        }
        setCells(table.map((r) => [...r]));
        setProgress({ done: k + 1, total: grid.length, started, at: Date.now() });
      }
    } catch (e) {
      setError(
        e instanceof NotRunnableError ? e.problems.join('; ') : e instanceof Error ? e.message : String(e),
      );
    } finally {
      cancelRef.current = null;
      setProgress((p) => (p ? { ...p, total: p.done === p.total ? p.total : -1 } : p));
    }
  }

  const numbers = (cells ?? []).flat().filter((v): v is number => typeof v === 'number');
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  const shade = (v: number) => {
    const f = hi > lo ? (v - lo) / (hi - lo) : 0;
    return `hsl(${120 - 120 * f}, 55%, ${88 - 10 * f}%)`;
  };
  const running = progress !== null && progress.done < progress.total && progress.total > 0;
  const fmt = (v: number) => formatNumber(v, language, 4);

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
              axis={a}
              options={options}
              optional={false}
              onChange={(x) => setA(x.pointer !== a.pointer ? init(x.pointer) : x)}
            />
            <AxisForm
              n={2}
              axis={b}
              options={options.filter((o) => o !== a.pointer)}
              optional
              onChange={(x) => setB(x.pointer !== b.pointer ? init(x.pointer) : x)}
            />
          </div>
          <div className="field-row">
            <button type="button" disabled={running} onClick={() => void start()}>
              {t('planner.sweep.start')}
            </button>
            {running && (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  stop.current = true;
                  cancelRef.current?.();
                }}
              >
                {t('planner.run.cancel')}
              </button>
            )}
          </div>
        </>
      )}
      <p role="status" aria-live="polite" data-testid="sweep-status">
        {progress &&
          (progress.total === -1
            ? t('planner.sweep.stopped')
            : t('planner.sweep.progress', {
                done: progress.done,
                total: progress.total,
                seconds: formatNumber((progress.at - progress.started) / 1000, language, 0),
              }))}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {cells && axes && (
        <table className="table heatmap" data-testid="sweep-table">
          <caption>{t('planner.sweep.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                {axes.b ? `${axes.b} ↓ / ` : ''}
                {axes.a} →
              </th>
              {axes.xs.map((x) => (
                <th key={x} scope="col" className="num">
                  {fmt(x)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map((row, j) => (
              <tr key={j}>
                <th scope="row" className="num">
                  {axes.b ? fmt(axes.ys[j]) : t('planner.sweep.totalCost')}
                </th>
                {row.map((v, i) => (
                  <td
                    key={i}
                    className="num"
                    style={typeof v === 'number' ? { background: shade(v) } : undefined}
                  >
                    {v === null ? '…' : typeof v === 'number' ? formatNumber(v, language, 0) : v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
