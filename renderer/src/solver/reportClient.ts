import type { ReportInput, ReportOptions } from '../../../solver/src/report';
import { WorkerRpc } from '../workers/rpc';

/** Message to the report worker. */
export interface ReportRequest {
  id: string;
  input: ReportInput;
  options: ReportOptions;
}

export type ReportResponse =
  { id: string; ok: true; data: Uint8Array } | { id: string; ok: false; error: string };

const rpc = new WorkerRpc<ReportRequest, ReportResponse>(
  'report',
  () => new Worker(new URL('../workers/report.worker.ts', import.meta.url), { type: 'module' }),
);

/** Writes a report in the report worker (the UI stays responsive); rejects with the worker's reason. */
export async function generateReport(input: ReportInput, options: ReportOptions): Promise<Uint8Array> {
  // Without Web Workers (unit tests in happy-dom) the same writer runs on this thread.
  if (typeof Worker === 'undefined')
    return (await import('../../../solver/src/report')).writeReport(input, options);
  return rpc.call<Uint8Array>({ input, options }, (m) =>
    m.ok ? { done: m.data } : { error: new Error(m.error) },
  ).result;
}
