// Web Worker entry of the parallel block evaluator (blockPool.web.ts starts it from the solver's
// worker): blockPool.ts's handler with this worker's own HiGHS-WASM instance.
import { createHighsBackend } from '../lp/highs';
import { blockWorkerHandler, type ToBlockWorker } from './blockPool';

interface WorkerScope {
  postMessage(msg: unknown, transfer: ArrayBuffer[]): void;
  onmessage: ((e: { data: ToBlockWorker }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = blockWorkerHandler(
  (msg, transfer = []) => scope.postMessage(msg, transfer),
  createHighsBackend,
);
scope.onmessage = (e) => void handle(e.data);
