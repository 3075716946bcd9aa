import { create } from 'zustand';
import type { WerkplanDb } from '../db/schema';
import type { SolverClient } from '../solver/client';
import { useProject } from './store';
import { NotRunnableError, runScenario, type RunHandle } from './run';

export interface RunningState {
  projectId: string;
  scenarioId: string;
  /** Solver phase (English, from the solver) or '' while starting. */
  phase: string;
  started: number;
  queue: string[];
}

interface RunsStore {
  running: RunningState | null;
  error: string[] | null;
  cancelled: boolean;
  /** Runs the scenarios one after the other; resolves when all are done, failed or cancelled. */
  start(db: WerkplanDb, client: Pick<SolverClient, 'solve'>, projectId: string, ids: string[]): Promise<void>;
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
  cancelled: false,
  async start(db, client, projectId, ids) {
    if (get().running) return;
    set({ error: null, cancelled: false });
    stop = false;
    await useProject.getState().saved;
    for (let k = 0; k < ids.length && !stop; k++) {
      const scenarioId = ids[k];
      set({ running: { projectId, scenarioId, phase: '', started: Date.now(), queue: ids.slice(k + 1) } });
      const h = runScenario(db, client, projectId, scenarioId, (p) => {
        const r = get().running;
        if (r) set({ running: { ...r, phase: p.phase } });
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
          });
        break;
      }
    }
    handle = null;
    set({ running: null });
  },
  cancel() {
    stop = true;
    handle?.cancel();
  },
}));
