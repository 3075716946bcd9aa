import type { ReportInput, ReportOptions } from '../../../../solver/src/report';

/** Message to the report worker. */
export interface ReportRequest {
  id: number;
  input: ReportInput;
  options: ReportOptions;
}

export type ReportResponse =
  { id: number; ok: true; data: Uint8Array } | { id: number; ok: false; error: string };

let worker: Worker | null = null;
let next = 1;

/** Writes a report in the report worker (the UI stays responsive); rejects with the worker's reason. */
export async function generateReport(input: ReportInput, options: ReportOptions): Promise<Uint8Array> {
  // Without Web Workers (unit tests in happy-dom) the same writer runs on this thread.
  if (typeof Worker === 'undefined')
    return (await import('../../../../solver/src/report')).writeReport(input, options);
  worker ??= new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = next++;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<ReportResponse>) => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      if (e.data.ok) resolve(e.data.data);
      else reject(new Error(e.data.error));
    };
    const onError = (e: ErrorEvent) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      worker = null;
      w.terminate();
      reject(new Error(e.message || 'report worker failed'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, input, options } satisfies ReportRequest);
  });
}
