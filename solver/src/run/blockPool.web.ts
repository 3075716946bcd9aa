import type { BlockEvaluator, BlockTask } from './blockEval';
import {
  poolEvaluator,
  workerCount,
  type BlockPort,
  type FromBlockWorker,
  type ToBlockWorker,
} from './blockPool';
import { poolSolver, type LpPool } from './lpPool';

/** The part of a Web Worker the pool uses (the solver's types carry no DOM library). */
interface WebWorker {
  postMessage(msg: ToBlockWorker, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', l: (e: { data: FromBlockWorker }) => void): void;
  addEventListener(type: 'error' | 'messageerror', l: (e: { message?: string }) => void): void;
  terminate(): void;
}
declare const Worker: new (url: URL, options: { type: 'module'; name?: string }) => WebWorker;
declare const navigator: { hardwareConcurrency?: number } | undefined;

/**
 * Default worker count in the planner: one core left for the page (the solver worker that runs the
 * master only waits meanwhile), at least 1 and at most one per block.
 */
export function defaultWebBlockWorkers(
  blocks: number,
  cores = (typeof navigator !== 'undefined' && navigator?.hardwareConcurrency) || 2,
): number {
  return workerCount(cores - 1, blocks);
}

/**
 * One nested module worker (started from the solver's worker) as a {@link BlockPort}. The
 * `new Worker(new URL(…, import.meta.url))` form is what the bundler (Vite) recognises and bundles.
 */
function webPort(): BlockPort {
  const worker = new Worker(new URL('./blockWorker.web.ts', import.meta.url), {
    type: 'module',
    name: 'werkplan-blocks',
  });
  return {
    postMessage: (msg, transfer = []) => worker.postMessage(msg, transfer),
    onMessage: (handler) => worker.addEventListener('message', (e) => handler(e.data)),
    onFailure: (handler) => {
      worker.addEventListener('error', (e) => handler(e.message ?? 'error'));
      worker.addEventListener('messageerror', () => handler('a message could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * The blocks spread over Web Workers, each with its own HiGHS-WASM instance (see blockPool.ts). The
 * cancel flag is a SharedArrayBuffer when the page is cross-origin isolated (the planner's COOP/COEP
 * headers); without it a cancel takes effect at the end of the running pass.
 */
export function webBlockEvaluator(
  tasks: BlockTask[],
  workers = defaultWebBlockWorkers(tasks.length),
): Promise<BlockEvaluator> {
  const n = workerCount(workers, tasks.length);
  return poolEvaluator(
    tasks,
    Array.from({ length: n }, () => webPort()),
  );
}

/**
 * Independent LPs (a path's full-year checks) over Web Workers: one core left for the page, at most
 * one worker per LP; nothing where that leaves fewer than two workers, since the solver's own worker
 * is then as fast.
 */
export function webLpPool(jobs: number, workers = defaultWebBlockWorkers(jobs)): Promise<LpPool | undefined> {
  const n = workerCount(workers, jobs);
  return n < 2 ? Promise.resolve(undefined) : poolSolver(Array.from({ length: n }, () => webPort()));
}
