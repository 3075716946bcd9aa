import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BlockEvaluator, BlockTask } from './blockEval';
import { poolEvaluator, workerCount, type BlockPort, type FromBlockWorker } from './blockPool';
import { poolSolver, type LpPool } from './lpPool';

const WORKER_ENTRY = new URL('./blockWorker.mjs', import.meta.url);

/**
 * Default worker count of the CLI: every core (the master's thread only waits while the blocks
 * are solved), at least 1 and at most one per block.
 */
export function defaultNodeBlockWorkers(blocks: number): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return workerCount(cores, blocks);
}

/** One worker thread as a {@link BlockPort}. */
function nodePort(): BlockPort {
  const worker = new Worker(WORKER_ENTRY);
  let failure = '';
  let terminated = false;
  return {
    postMessage: (msg, transfer) => worker.postMessage(msg, transfer),
    onMessage: (handler) => worker.on('message', (m: FromBlockWorker) => handler(m)),
    onFailure: (handler) => {
      worker.on('error', (err) => (failure = err.message));
      worker.on('exit', (code) => {
        if (!terminated) handler(`exit code ${code}${failure ? `: ${failure}` : ''}`);
      });
    },
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
  };
}

/**
 * The blocks spread over `workers` worker threads (node:worker_threads), each with its own
 * HiGHS-WASM instance and warm sessions for its blocks (see blockPool.ts).
 */
export function nodeBlockEvaluator(
  tasks: BlockTask[],
  workers = defaultNodeBlockWorkers(tasks.length),
): Promise<BlockEvaluator> {
  const n = workerCount(workers, tasks.length);
  return poolEvaluator(
    tasks,
    Array.from({ length: n }, () => nodePort()),
  );
}

/**
 * Independent LPs (a path's full-year checks) over worker threads: one per core and at most one per
 * LP; nothing with a single core or a single LP, where the caller's own thread is as fast.
 */
export function nodeLpPool(
  jobs: number,
  workers = defaultNodeBlockWorkers(jobs),
): Promise<LpPool | undefined> {
  const n = workerCount(workers, jobs);
  return n < 2 ? Promise.resolve(undefined) : poolSolver(Array.from({ length: n }, () => nodePort()));
}
