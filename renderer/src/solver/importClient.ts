import type { ImportRequest, ImportResponse } from '../workers/import.worker';
import type { ImportSettings } from '../../../solver/src';
import { WorkerRpc } from '../workers/rpc';

const rpc = new WorkerRpc<ImportRequest, ImportResponse>(
  'import',
  () => new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' }),
);

/**
 * Runs the profile import in a Web Worker so that large files never freeze the page. A refused file
 * resolves with ok: false and the located message; a worker that stops rejects (WorkerFailure).
 */
export function importInWorker(
  name: string,
  bytes: Uint8Array,
  settings: ImportSettings,
): Promise<ImportResponse> {
  return rpc.call<ImportResponse>({ name, bytes, settings }, (reply) => ({ done: reply })).result;
}
