/// <reference lib="webworker" />
// Builds a report off the UI thread: the same report module as the CLI (solver/src/report).
import { writeReport } from '../../../solver/src/report';
import type { ReportRequest, ReportResponse } from '../solver/reportClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (e: MessageEvent<ReportRequest>) => {
  const { id, input, options } = e.data;
  try {
    const data = await writeReport(input, options);
    const msg: ReportResponse = { id, ok: true, data };
    scope.postMessage(msg, [data.buffer]);
  } catch (err) {
    const msg: ReportResponse = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
    scope.postMessage(msg);
  }
};
