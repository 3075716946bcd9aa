import { create } from 'zustand';
import type { WerkplanDb } from '../db/schema';
import type { SolverClient } from '../solver/client';
import type { Capacity, ResultStatus, Project } from '../../../solver/src';
import { assembleProject, hashInputs, runOptionsOf } from './assemble';
import type { RunOptions } from './document';
import { checkRunnable, NotRunnableError, solvePoint } from './run';
import { axisValues, sweepGrid, type SweepAxis } from './sweep';
import { useProject } from './store';

/** Where one grid point is: waiting, being solved, solved, failed (solver error or no optimum), stopped. */
export type SweepPointState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface SweepPointResult {
  /** Index along parameter 1 and parameter 2 (0 without a second parameter). */
  i: number;
  j: number;
  overrides: Record<string, number>;
  state: SweepPointState;
  /** The solver's status when it answered. */
  status?: ResultStatus;
  totalAnnualCost_EUR?: number;
  emissions_tCO2?: number;
  capacities?: Record<string, Capacity>;
  /** Wall-clock time of this point. */
  seconds?: number;
  /** Why a failed point has no result (the solver's message, English). */
  error?: string;
}

export interface SweepRun {
  projectId: string;
  a: SweepAxis;
  b?: SweepAxis;
  /** The base's run options when the sweep started (mode, and the sizing's time grid). */
  options: RunOptions;
  /**
   * A screening: each point the typical-day sizing alone, without the full-year check (asked for,
   * and the base runs on typical days and is no transformation path; else the points are checked).
   */
  screening?: boolean;
  /** Values of parameter 1 and 2 ([] without a second parameter). */
  xs: number[];
  ys: number[];
  /** In solving order: parameter 1 varies fastest. */
  points: SweepPointResult[];
  state: 'running' | 'done' | 'cancelled';
  started: number;
  finished?: number;
  /** Inputs hash of the base when the sweep started: another current hash marks it stale. */
  inputsHash: string;
}

interface SweepsStore {
  /** The latest sweep of each project (running or finished); replaced by the next one. */
  sweeps: Record<string, SweepRun>;
  /** Why the last start of a project's sweep was refused (located problems). */
  errors: Record<string, string[]>;
  /** Runs every point of the grid one after the other; resolves when all are done or cancelled. */
  start(
    db: WerkplanDb,
    client: Pick<SolverClient, 'solve'>,
    projectId: string,
    a: SweepAxis,
    b?: SweepAxis,
    opts?: { screening?: boolean },
  ): Promise<void>;
  cancel(): void;
  /** Shows the last finished sweep stored for the project (after a reload), unless one is in memory. */
  load(db: WerkplanDb, projectId: string): Promise<void>;
}

/** The settings row that keeps a project's last finished sweep (no schema change: settings hold any value). */
export const sweepSettingKey = (projectId: string): string => `sweep:${projectId}`;

/** Points solved (with or without a result) and all points of the grid. */
export function sweepProgress(run: SweepRun): { done: number; total: number } {
  return {
    done: run.points.filter((p) => p.state === 'done' || p.state === 'failed').length,
    total: run.points.length,
  };
}

export const isSweepRunning = (s: Pick<SweepsStore, 'sweeps'>): boolean =>
  Object.values(s.sweeps).some((r) => r.state === 'running');

function isStoredSweep(v: unknown, projectId: string): v is SweepRun {
  const r = v as Partial<SweepRun> | undefined;
  return (
    !!r &&
    r.projectId === projectId &&
    (r.state === 'done' || r.state === 'cancelled') &&
    Array.isArray(r.points) &&
    Array.isArray(r.xs) &&
    typeof r.a?.pointer === 'string'
  );
}

/** Whether a sweep of the base can be a screening: a single year, run on typical days. */
export const canScreen = (project: Pick<Project, 'periods'>, options: RunOptions): boolean =>
  options.mode !== 'full' && (project.periods?.years.length ?? 1) < 2;

/** The grid of a new sweep of the base, after the same checks as a run; throws NotRunnableError. */
async function prepare(
  db: WerkplanDb,
  projectId: string,
  a: SweepAxis,
  b: SweepAxis | undefined,
  screening: boolean,
): Promise<{ run: SweepRun; project: Project }> {
  const grid = sweepGrid(a, b);
  await useProject.getState().saved;
  const project = await assembleProject(db, projectId);
  const record = await db.projects.get(projectId);
  if (!project || !record) throw new NotRunnableError(['/: the project has no inputs yet']);
  checkRunnable(project, 'base');
  const options = runOptionsOf(record, 'base'); // the sweep varies the base
  const run: SweepRun = {
    projectId,
    a,
    b,
    options,
    ...(screening && canScreen(project, options) ? { screening: true } : {}),
    xs: axisValues(a),
    ys: b ? axisValues(b) : [],
    points: grid.map((p) => ({ ...p, state: 'pending' })),
    state: 'running',
    started: Date.now(),
    inputsHash: await hashInputs(project, 'base', options),
  };
  return { run, project };
}

let cancelCurrent: (() => void) | null = null;
let stop = false;
let busy = false;

/**
 * Sensitivity sweeps outlive the page that started them (like solver runs in runs.ts): the grid,
 * each point's outcome and the progress live here, so switching pages keeps them. One sweep runs
 * at a time; a point that fails is recorded and the sweep goes on; cancel stops the current point
 * and skips the rest. A finished sweep is kept in the settings store, so a reload shows it again.
 */
export const useSweeps = create<SweepsStore>((set, get) => {
  const update = (projectId: string, f: (r: SweepRun) => SweepRun) => {
    const r = get().sweeps[projectId];
    if (r) set({ sweeps: { ...get().sweeps, [projectId]: f(r) } });
  };
  const setPoint = (projectId: string, k: number, p: Partial<SweepPointResult>) =>
    update(projectId, (r) => ({
      ...r,
      points: r.points.map((x, n) => (n === k ? { ...x, ...p } : x)),
    }));

  /** Solves the points in grid order; a failed point is recorded and the next one follows. */
  async function solveAll(client: Pick<SolverClient, 'solve'>, project: Project, run: SweepRun) {
    const { projectId } = run;
    for (let k = 0; k < run.points.length && !stop; k++) {
      const t0 = Date.now();
      const seconds = () => (Date.now() - t0) / 1000;
      setPoint(projectId, k, { state: 'running' });
      try {
        const h = solvePoint(client, project, run.points[k].overrides, run.options, run.screening);
        cancelCurrent = h.cancel;
        const r = await h.result;
        if (stop || r.status === 'cancelled') setPoint(projectId, k, { state: 'cancelled' });
        else if (r.status === 'optimal' || r.status === 'time_limit')
          setPoint(projectId, k, {
            state: 'done',
            status: r.status,
            totalAnnualCost_EUR: r.objective.totalAnnualCost_EUR,
            emissions_tCO2: r.emissions_tCO2,
            capacities: r.capacities,
            seconds: seconds(),
          });
        else
          setPoint(projectId, k, {
            state: 'failed',
            status: r.status,
            error: r.warnings[0],
            seconds: seconds(),
          });
      } catch (e) {
        if (stop) setPoint(projectId, k, { state: 'cancelled' });
        else
          setPoint(projectId, k, {
            state: 'failed',
            status: 'error',
            error: e instanceof Error ? e.message : String(e),
            seconds: seconds(),
          });
      }
    }
  }

  return {
    sweeps: {},
    errors: {},
    async start(db, client, projectId, a, b, opts = {}) {
      if (busy || isSweepRunning(get())) return;
      busy = true;
      stop = false;
      try {
        const { [projectId]: _, ...errors } = get().errors;
        set({ errors });
        let prepared: { run: SweepRun; project: Project };
        try {
          prepared = await prepare(db, projectId, a, b, opts.screening === true);
        } catch (e) {
          const problems =
            e instanceof NotRunnableError ? e.problems : [e instanceof Error ? e.message : String(e)];
          set({ errors: { ...get().errors, [projectId]: problems } });
          return;
        }
        set({ sweeps: { ...get().sweeps, [projectId]: prepared.run } });
        await solveAll(client, prepared.project, prepared.run);
        const cancelled = stop;
        update(projectId, (r) => ({
          ...r,
          state: cancelled ? 'cancelled' : 'done',
          finished: Date.now(),
          points: r.points.map((p) => (p.state === 'pending' ? { ...p, state: 'cancelled' } : p)),
        }));
        try {
          await db.settings.put({ key: sweepSettingKey(projectId), value: get().sweeps[projectId] });
        } catch (e) {
          // the sweep stays on screen; only a reload would not show it again
          console.warn('sweep not stored', e);
        }
      } finally {
        cancelCurrent = null;
        busy = false;
      }
    },
    cancel() {
      stop = true;
      cancelCurrent?.();
    },
    async load(db, projectId) {
      if (get().sweeps[projectId]) return;
      const row = await db.settings.get(sweepSettingKey(projectId));
      if (!get().sweeps[projectId] && isStoredSweep(row?.value, projectId))
        set({ sweeps: { ...get().sweeps, [projectId]: row.value } });
    },
  };
});
