import { Worker } from 'node:worker_threads';
import type { Project } from '../project/types';
import { writeJobRecord } from './files.node.js';
import type { BatchSettings } from './job';
import type { BatchJob } from './plan';
import type { FromWorker, JobDone, ToWorker, WorkerInit } from './worker.node.js';

export interface PoolJob {
  job: BatchJob;
  fingerprint: string;
}

export interface PoolOptions {
  workers: number;
  project: Project;
  settings: BatchSettings;
  dir: string;
  /** Stops the run: running jobs are abandoned (no file), waiting ones not started. */
  signal?: AbortSignal;
  onStart?: (job: BatchJob) => void;
  onDone?: (done: JobDone) => void;
}

const WORKER_ENTRY = new URL('./worker.mjs', import.meta.url);

/**
 * Runs jobs on `workers` worker threads (node:worker_threads), heaviest first so a long front does not
 * start last. Each worker writes its results itself; a worker that dies (out of memory, a crash in the
 * solver) has its job recorded as 'error' and is replaced while jobs wait.
 */
export function runPool(
  jobs: PoolJob[],
  opts: PoolOptions,
): Promise<{ done: JobDone[]; cancelled: boolean }> {
  const queue = [...jobs].sort((a, b) => b.job.weight - a.job.weight);
  const done: JobDone[] = [];
  const live = new Set<Worker>();
  let cancelled = false;
  return new Promise((resolve, reject) => {
    const finish = () => {
      if (live.size === 0) resolve({ done, cancelled });
    };
    const stop = () => {
      cancelled = true;
      queue.length = 0;
      for (const w of live) void w.terminate();
    };
    if (opts.signal?.aborted) stop();
    opts.signal?.addEventListener('abort', stop, { once: true });

    const start = () => {
      const init: WorkerInit = { project: opts.project, settings: opts.settings, dir: opts.dir };
      const worker = new Worker(WORKER_ENTRY, { workerData: init });
      live.add(worker);
      let current: PoolJob | undefined;
      let failure = '';
      const next = () => {
        current = queue.shift();
        if (!current) return void worker.terminate();
        opts.onStart?.(current.job);
        worker.postMessage({ type: 'job', ...current } satisfies ToWorker);
      };
      const record = (d: JobDone) => {
        done.push(d);
        opts.onDone?.(d);
      };
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'done') {
          const { type: _type, ...d } = msg;
          record(d);
        }
        next();
      });
      worker.on('error', (err) => (failure = err.message));
      worker.on('exit', (code) => {
        live.delete(worker);
        const lost = current;
        current = undefined;
        if (lost && !cancelled) {
          const reason = `the worker stopped (exit code ${code}${failure ? `: ${failure}` : ''})`;
          const d: JobDone = { id: lost.job.id, status: 'error', seconds: 0, reasons: [reason] };
          void writeJobRecord(opts.dir, {
            format: 'werkplan-batch-job',
            version: 1,
            id: lost.job.id,
            kind: lost.job.kind,
            scenario: lost.job.scenario,
            fingerprint: lost.fingerprint,
            status: 'error',
            seconds: 0,
            reasons: [reason],
          })
            .then(() => record(d))
            .then(() => (queue.length ? start() : finish()), reject);
          return;
        }
        finish();
      });
    };
    const n = Math.max(1, Math.min(opts.workers, queue.length));
    if (queue.length === 0) return resolve({ done, cancelled });
    for (let k = 0; k < n; k++) start();
  });
}
