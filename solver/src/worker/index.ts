/** The solver worker's entry: the request handler and its message protocol (renderer/src/workers). */
export { createSolverWorkerHandler } from './handler';
export { defaultWebBlockWorkers, webLpPool } from '../run/blockPool.web';
export type * from './protocol';
