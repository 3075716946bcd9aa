/// <reference lib="webworker" />
// The solver's Web Worker: one HiGHS-WASM instance lives here and is reused for every solve.
import { createSolverWorkerHandler } from '../../../solver/src/worker/handler';
import type { SolverRequest } from '../../../solver/src/worker/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSolverWorkerHandler((msg) => scope.postMessage(msg));
scope.onmessage = (e: MessageEvent<SolverRequest>) => void handle(e.data);
