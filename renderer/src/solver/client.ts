import type { SolverRequest, SolverResponse } from '../../../solver/src/worker';
import type { ProjectV1, SolveProgress } from '../../../solver/src';

type SolveResult = Extract<SolverResponse, { type: 'result' }>;
export type ParetoResult = Extract<SolverResponse, { type: 'paretoResult' }>;
/** Progress of a front: the solver's phase and the point being computed (`point` of `points`). */
export type ParetoRunProgress = SolveProgress & { point?: number; points?: number };

export interface SolveHandle<R = SolveResult> {
  result: Promise<R>;
  /** Stops the run: through a shared flag read inside the solver when the page is cross-origin isolated. */
  cancel(): void;
}

/** Runs solves in a dedicated Web Worker so the UI never freezes; the worker keeps its WASM instance alive. */
export class SolverClient {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<
    string,
    {
      resolve(r: SolveResult | ParetoResult): void;
      reject(e: Error): void;
      onProgress?: (p: ParetoRunProgress) => void;
    }
  >();

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('../workers/solver.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<SolverResponse>) => {
        const m = e.data;
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.type === 'progress') p.onProgress?.({ ...m.progress, point: m.point, points: m.points });
        else {
          this.pending.delete(m.id);
          if (m.type === 'error') p.reject(new Error(m.message));
          else p.resolve(m);
        }
      };
      this.worker.onerror = (e) => {
        for (const p of this.pending.values()) p.reject(new Error(e.message || 'solver worker failed'));
        this.pending.clear();
        this.worker?.terminate();
        this.worker = null;
      };
    }
    return this.worker;
  }

  solve(
    project: ProjectV1,
    options: Extract<SolverRequest, { type: 'solve' }>['options'],
    onProgress?: (p: SolveProgress) => void,
  ): SolveHandle {
    return this.request<SolveResult>({ type: 'solve', project, options }, onProgress);
  }

  /** A cost–CO2 Pareto front of one scenario (see solver/src/run/pareto.ts). */
  pareto(
    project: ProjectV1,
    options: Extract<SolverRequest, { type: 'pareto' }>['options'],
    onProgress?: (p: ParetoRunProgress) => void,
  ): SolveHandle<ParetoResult> {
    return this.request<ParetoResult>({ type: 'pareto', project, options }, onProgress);
  }

  private request<R extends SolveResult | ParetoResult>(
    req:
      | Omit<Extract<SolverRequest, { type: 'solve' }>, 'id' | 'cancelFlag'>
      | Omit<Extract<SolverRequest, { type: 'pareto' }>, 'id' | 'cancelFlag'>,
    onProgress?: (p: ParetoRunProgress) => void,
  ): SolveHandle<R> {
    const id = `s${++this.next}`;
    const flag = globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : undefined;
    const worker = this.ensure();
    const result = new Promise<R>((resolve, reject) =>
      this.pending.set(id, {
        resolve: resolve as (r: SolveResult | ParetoResult) => void,
        reject,
        onProgress,
      }),
    );
    worker.postMessage({ ...req, id, cancelFlag: flag } as SolverRequest);
    return {
      result,
      cancel: () => {
        if (flag) Atomics.store(new Int32Array(flag), 0, 1);
        worker.postMessage({ type: 'cancel', id } satisfies SolverRequest);
      },
    };
  }

  dispose(): void {
    this.worker?.postMessage({ type: 'dispose' } satisfies SolverRequest);
    this.worker?.terminate();
    this.worker = null;
  }
}

let shared: SolverClient | undefined;
export const solverClient = (): SolverClient => (shared ??= new SolverClient());
