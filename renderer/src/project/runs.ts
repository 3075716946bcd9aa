import { create } from 'zustand';
import type { WerkplanDb } from '../db/schema';
import type { SolverClient } from '../solver/client';
import type { ParetoStep, PathPreview, SizingPreview, SolvePhase } from '../../../solver/src';
import { useProject } from './store';
import { NotRunnableError, ParetoFailedError, runPareto, runScenario, type RunHandle } from './run';

export interface RunningState {
  /** An ordinary run of scenarios, or the cost–CO2 front of one scenario. */
  kind: 'run' | 'pareto';
  projectId: string;
  scenarioId: string;
  /** Solver phase (a code, translated as `solver.phase.<code>`) or '' while starting. */
  phase: SolvePhase | '';
  started: number;
  queue: string[];
  /** Pareto front: the point being computed (1-based) and how many there are. */
  point?: number;
  points?: number;
  /** Pareto front: its clean-end tolerance (share of the CO2 range), shown again after a page switch. */
  cleanEndTolerance?: number;
  /** Pareto front: the kind of the point being computed and when it started (ms since epoch). */
  step?: ParetoStep;
  pointStarted?: number;
  /**
   * Transformation path: periods whose full-year check is done, of how many (during the checks), and
   * the checks under way: the period's year, the worker that has it (from 1; none: the run's own
   * thread) and when it started (ms since epoch).
   */
  checks?: { done: number; of: number; running?: { year: number; worker?: number; startedAt: number }[] };
  /** The typical-day sizing, shown while the full-year check and refinement settle the plan. */
  preview?: SizingPreview;
  /** A transformation path's sizing on typical days, shown while the periods' full years are checked. */
  pathPreview?: PathPreview;
}

interface RunsStore {
  running: RunningState | null;
  error: string[] | null;
  /** What the error came from: a run (not runnable, solver error) or a Pareto front (its points' reasons). */
  errorKind: 'run' | 'pareto' | null;
  cancelled: boolean;
  /** Runs the scenarios one after the other; resolves when all are done, failed or cancelled. */
  start(db: WerkplanDb, client: Pick<SolverClient, 'solve'>, projectId: string, ids: string[]): Promise<void>;
  /**
   * Computes the cost–CO2 front of one scenario with `points` points and stores it with its result;
   * its clean end within `cleanEndTolerance` (share of the CO2 range, default 0) of the least CO2.
   */
  startPareto(
    db: WerkplanDb,
    client: Pick<SolverClient, 'pareto'>,
    projectId: string,
    scenarioId: string,
    points: number,
    cleanEndTolerance?: number,
  ): Promise<void>;
  cancel(): void;
}

let handle: RunHandle | null = null;
let stop = false;

/**
 * Solver runs outlive the page that started them: the state lives here, not in a component, so
 * switching pages during a run keeps its progress, elapsed time and cancel button.
 */
export const useRuns = create<RunsStore>((set, get) => ({
  running: null,
  error: null,
  errorKind: null,
  cancelled: false,
  async start(db, client, projectId, ids) {
    if (get().running) return;
    set({ error: null, errorKind: null, cancelled: false });
    stop = false;
    await useProject.getState().saved;
    for (let k = 0; k < ids.length && !stop; k++) {
      const scenarioId = ids[k];
      set({
        running: {
          kind: 'run',
          projectId,
          scenarioId,
          phase: '',
          started: Date.now(),
          queue: ids.slice(k + 1),
        },
      });
      const h = runScenario(db, client, projectId, scenarioId, (p) => {
        const r = get().running;
        if (r)
          set({
            running: {
              ...r,
              phase: p.phase,
              checks: p.checks && {
                done: p.checks.done,
                of: p.checks.of,
                // The solver counts from its own start: each check's start as a time on this clock.
                running: p.checks.running?.map(({ since_s, ...r }) => ({
                  ...r,
                  startedAt: Date.now() - (p.elapsed_s - since_s) * 1000,
                })),
              },
              preview: p.preview ?? r.preview,
              pathPreview: p.pathPreview ?? r.pathPreview,
            },
          });
      });
      handle = h;
      try {
        await h.done;
        if (stop) {
          set({ cancelled: true });
          break;
        }
      } catch (e) {
        if (stop) set({ cancelled: true });
        else
          set({
            error: e instanceof NotRunnableError ? e.problems : [e instanceof Error ? e.message : String(e)],
            errorKind: 'run',
          });
        break;
      }
    }
    handle = null;
    set({ running: null });
  },
  async startPareto(db, client, projectId, scenarioId, points, cleanEndTolerance = 0) {
    if (get().running) return;
    set({ error: null, errorKind: null, cancelled: false });
    stop = false;
    await useProject.getState().saved;
    set({
      running: {
        kind: 'pareto',
        projectId,
        scenarioId,
        phase: '',
        started: Date.now(),
        queue: [],
        points,
        cleanEndTolerance,
      },
    });
    const h = runPareto(
      db,
      client,
      projectId,
      scenarioId,
      points,
      (p) => {
        const r = get().running;
        if (r)
          set({
            running: {
              ...r,
              phase: p.phase,
              point: p.point ?? r.point,
              points: p.points ?? r.points,
              step: p.step ?? r.step,
              pointStarted:
                p.point !== undefined && p.point !== r.point ? Date.now() : (r.pointStarted ?? r.started),
            },
          });
      },
      cleanEndTolerance,
    );
    handle = h;
    try {
      await h.done;
      if (stop) set({ cancelled: true });
    } catch (e) {
      if (stop) set({ cancelled: true });
      else
        set({
          error:
            e instanceof NotRunnableError
              ? e.problems
              : e instanceof ParetoFailedError
                ? e.reasons
                : [e instanceof Error ? e.message : String(e)],
          errorKind: e instanceof NotRunnableError ? 'run' : 'pareto',
        });
    }
    handle = null;
    set({ running: null });
  },
  cancel() {
    stop = true;
    handle?.cancel();
  },
}));
