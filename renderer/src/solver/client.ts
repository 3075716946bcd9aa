import type { SolverRequest, SolverResponse } from '../../../solver/src/worker/protocol';
import type { ProjectV1 } from '../../../solver/src/project/types';
import type { SolveProgress } from '../../../solver/src/lp/backend';

type SolveResult = Extract<SolverResponse, { type: 'result' }>;

export interface SolveHandle {
  result: Promise<SolveResult>;
  /** Stops the run: through a shared flag read inside the solver when the page is cross-origin isolated. */
  cancel(): void;
}

/** Runs solves in a dedicated Web Worker so the UI never freezes; the worker keeps its WASM instance alive. */
export class SolverClient {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<
    string,
    { resolve(r: SolveResult): void; reject(e: Error): void; onProgress?: (p: SolveProgress) => void }
  >();

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('../workers/solver.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<SolverResponse>) => {
        const m = e.data;
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.type === 'progress') p.onProgress?.(m.progress);
        else {
          this.pending.delete(m.id);
          if (m.type === 'result') p.resolve(m);
          else p.reject(new Error(m.message));
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
    const id = `s${++this.next}`;
    const flag = globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : undefined;
    const worker = this.ensure();
    const result = new Promise<SolveResult>((resolve, reject) =>
      this.pending.set(id, { resolve, reject, onProgress }),
    );
    worker.postMessage({ type: 'solve', id, project, options, cancelFlag: flag } satisfies SolverRequest);
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
