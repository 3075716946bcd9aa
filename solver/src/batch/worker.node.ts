import { parentPort, workerData } from 'node:worker_threads';
import { createBackend } from '../lp/index';
import type { SolverBackend } from '../lp/backend';
import type { Project } from '../project/types';
import { writeJobRecord } from './files.node.js';
import { runJob, type BatchSettings, type JobRecord } from './job';
import { disposeWarmSizing, warmSizing } from '../run/sizingOnly';
import type { BatchJob } from './plan';

/** What a batch worker is started with (workerData). */
export interface WorkerInit {
  project: Project;
  settings: BatchSettings;
  dir: string;
}

export type ToWorker = { type: 'job'; job: BatchJob; fingerprint: string };

/** A finished job as the main thread hears of it (the result itself is in its file already). */
export interface JobDone {
  id: string;
  status: string;
  seconds: number;
  reasons: string[];
  totalAnnualCost_EUR?: number;
  emissions_tCO2?: number;
}

export type FromWorker = { type: 'ready' } | ({ type: 'done' } & JobDone);

export function doneOf(r: JobRecord): JobDone {
  return {
    id: r.id,
    status: r.status,
    seconds: r.seconds,
    reasons: r.reasons,
    totalAnnualCost_EUR: r.results?.objective.totalAnnualCost_EUR,
    emissions_tCO2: r.results?.emissions_tCO2,
  };
}

/**
 * The worker's loop: one solver backend kept for all its jobs (a new one after a job that broke
 * off), and the last screening point's LP for the next to start from; one job at a time; each result is written to its file here, before the main thread hears
 * of it, so a result the main thread counts is on disk.
 */
if (parentPort) {
  const port = parentPort;
  const { project, settings, dir } = workerData as WorkerInit;
  let backend: SolverBackend | undefined;
  // The last screening point's sizing LP, for the next one to start from.
  const warm = warmSizing();
  port.on('message', (msg: ToWorker) => {
    void (async () => {
      backend ??= await createBackend(settings.solver);
      const record = await runJob(project, msg.job, settings, msg.fingerprint, backend, warm);
      if (record.status === 'error') {
        disposeWarmSizing(warm);
        backend.dispose();
        backend = undefined;
      }
      await writeJobRecord(dir, record);
      port.postMessage({ type: 'done', ...doneOf(record) } satisfies FromWorker);
    })();
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
