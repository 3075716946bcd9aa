import type { ImportRequest, ImportResponse } from '../workers/import.worker';
import type { ImportSettings } from '../../../solver/src';

let worker: Worker | null = null;
let next = 0;
const pending = new Map<number, (r: ImportResponse) => void>();

/** Runs the profile import in a Web Worker so that large files never freeze the page. */
export function importInWorker(
  name: string,
  bytes: Uint8Array,
  settings: ImportSettings,
): Promise<ImportResponse> {
  if (!worker) {
    worker = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ImportResponse>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
  }
  const id = ++next;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, name, bytes, settings } satisfies ImportRequest);
  });
}
