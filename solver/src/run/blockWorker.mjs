// Worker-thread entry of the parallel block evaluator (solver/src/run/blockPool.node.ts starts it).
// A worker thread has no TypeScript loader of its own: tsx loads the worker's TypeScript here, as
// solver/src/batch/worker.mjs does for `werkplan batch`.
import { tsImport } from 'tsx/esm/api';

await tsImport('./blockWorker.node.ts', import.meta.url);
