/// <reference lib="webworker" />
// The solver's Web Worker: one HiGHS-WASM instance lives here and is reused for every solve.
import { createSolverWorkerHandler, type SolverRequest } from '../../../solver/src/worker';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSolverWorkerHandler((msg) => scope.postMessage(msg));
scope.onmessage = (e: MessageEvent<SolverRequest>) => void handle(e.data);
