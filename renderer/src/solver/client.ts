import type { SolverRequest, SolverResponse } from '../../../solver/src/worker';
import { isSolverAbort, type Project, type SolveProgress } from '../../../solver/src';
import { i18next } from '../i18n';
import { WorkerRpc, type DistributiveOmit, type Reply } from '../workers/rpc';

type SolveResult = Extract<SolverResponse, { type: 'result' }>;
export type ParetoResult = Extract<SolverResponse, { type: 'paretoResult' }>;
/** Progress of a front: the solver's phase and the point being computed (`point` of `points`). */
export type ParetoRunProgress = SolveProgress & { point?: number; points?: number };

export interface SolveHandle<R = SolveResult> {
  result: Promise<R>;
  /**
   * Stops the run: its result rejects with a {@link SolveCancelled} at once, the solver worker is ended
   * (and with it any HiGHS solve and nested worker) and the next run starts a fresh one. While the
   * worker has another call, a cancel message stops the run at its next solve instead.
   */
  cancel: () => void;
}

/** The rejection of a cancelled run's result. */
export class SolveCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'SolveCancelled';
  }
}

/**
 * The error of a run the worker answered with `message`. HiGHS-WASM aborts ("Aborted(…)") on any C++
 * exception, in practice when its heap cannot grow past 2 GiB: that is said in the planner's language.
 */
export function solverError(message: string): Error {
  return isSolverAbort(message) ? new Error(i18next.t('workers.solverAborted')) : new Error(message);
}

type CallRequest = Extract<SolverRequest, { type: 'solve' | 'pareto' }>;

/** Runs solves in a dedicated Web Worker so the UI never freezes; the worker keeps its WASM instance alive. */
export class SolverClient {
  private readonly rpc = new WorkerRpc<Extract<SolverRequest, { id: string }>, SolverResponse>(
    'solver',
    () => new Worker(new URL('../workers/solver.worker.ts', import.meta.url), { type: 'module' }),
  );

  solve(
    project: Project,
    options: Extract<SolverRequest, { type: 'solve' }>['options'],
    onProgress?: (p: SolveProgress) => void,
  ): SolveHandle {
    // The page's core count sizes the solver's nested workers (a path's full-year checks).
    const cores = globalThis.navigator?.hardwareConcurrency;
    return this.request<SolveResult>({ type: 'solve', project, options, cores }, onProgress);
  }

  /** A cost–CO2 Pareto front of one scenario (see solver/src/run/pareto.ts). */
  pareto(
    project: Project,
    options: Extract<SolverRequest, { type: 'pareto' }>['options'],
    onProgress?: (p: ParetoRunProgress) => void,
  ): SolveHandle<ParetoResult> {
    const cores = globalThis.navigator?.hardwareConcurrency;
    return this.request<ParetoResult>({ type: 'pareto', project, options, cores }, onProgress);
  }

  private request<R extends SolveResult | ParetoResult>(
    req: DistributiveOmit<CallRequest, 'id' | 'cancelFlag'>,
    onProgress?: (p: ParetoRunProgress) => void,
  ): SolveHandle<R> {
    // No shared cancel flag: a solve that looks for one pays HiGHS a callback on every simplex
    // iteration (20–35 % of its time); a cancel ends the worker instead.
    const { id, result } = this.rpc.call<R>(req, (m): Reply<R> => {
      if (m.type === 'progress') {
        onProgress?.({ ...m.progress, point: m.point, points: m.points });
        return 'progress';
      }
      return m.type === 'error' ? { error: solverError(m.message) } : { done: m as R };
    });
    return {
      result,
      cancel: () => {
        if (!this.rpc.abort(id, new SolveCancelled()))
          this.rpc.post({ type: 'cancel', id } satisfies SolverRequest);
      },
    };
  }

  dispose(): void {
    this.rpc.dispose({ type: 'dispose' } satisfies SolverRequest);
  }
}

let shared: SolverClient | undefined;
export const solverClient = (): SolverClient => (shared ??= new SolverClient());
