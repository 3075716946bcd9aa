/// <reference lib="webworker" />
// The solver's Web Worker: one HiGHS-WASM instance lives here and is reused for every solve.
import {
  createSolverWorkerHandler,
  defaultWebBlockWorkers,
  webLpPool,
  type SolverRequest,
} from '../../../solver/src/worker';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// A path's full-year checks run in nested workers, one per core but one left for the page.
const handle = createSolverWorkerHandler((msg) => scope.postMessage(msg), {
  lpPool: (jobs, cores) => webLpPool(jobs, defaultWebBlockWorkers(jobs, cores)),
});
scope.onmessage = (e: MessageEvent<SolverRequest>) => void handle(e.data);
