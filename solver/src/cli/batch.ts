import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from './main';
import { parseArgs, stringOption } from './args';
import { loadProjectOrReport } from './load';
import { BatchSpecError, parseBatchSpec } from '../batch/spec';
import { chunkJobs, planJobs } from '../batch/plan';
import type { BatchSettings } from '../batch/job';
import {
  jobFingerprint,
  readJobRecords,
  readPlanFile,
  sha256,
  writeAtomic,
  writePlanFile,
  type PlanFile,
} from '../batch/files.node.js';
import { runPool, type PoolJob } from '../batch/pool.node.js';
import { summaryCsv, summaryRows } from '../batch/summary';
import { jobLine, progressBar } from '../batch/progress';

const USAGE = [
  'usage: werkplan batch SPEC.json [--workers N] [--out DIR] [--chunk I/K | --chunks K] [--retry-failed]',
  '       werkplan batch merge DIR',
].join('\n');

/** The chunk this process runs: `--chunk I/K`, or `--chunks K` with I from JOB_COMPLETION_INDEX (Kubernetes). */
export function chunkOption(
  o: Record<string, string | true>,
  env: Record<string, string | undefined>,
): { index: number; count: number } | undefined {
  const whole = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : NaN);
  let index: number;
  let count: number;
  if (typeof o.chunk === 'string') {
    const m = /^(\d+)\/(\d+)$/.exec(o.chunk);
    if (!m) throw new Error('--chunk must be I/K, e.g. 0/8 (chunk I of K, counted from 0)');
    [index, count] = [Number(m[1]), Number(m[2])];
  } else if (o.chunks !== undefined) {
    count = whole(typeof o.chunks === 'string' ? o.chunks : undefined);
    index = whole(env.JOB_COMPLETION_INDEX);
    if (Number.isNaN(index))
      throw new Error(
        '--chunks K takes the chunk from JOB_COMPLETION_INDEX, which is not set to a whole number',
      );
  } else return undefined;
  if (!(count >= 1)) throw new Error('the number of chunks must be a whole number ≥ 1');
  if (!(index < count))
    throw new Error(`chunk ${index} does not exist: chunks are counted 0 to ${count - 1}`);
  return { index, count };
}

/** --workers N: default one less than the cores, at least 1. */
export function workersOption(o: Record<string, string | true>, cores = os.availableParallelism()): number {
  if (o.workers === undefined) return Math.max(1, cores - 1);
  const n = Number(o.workers);
  if (!(typeof o.workers === 'string' && Number.isInteger(n) && n >= 1 && n <= 256))
    throw new Error('--workers must be a whole number from 1 to 256');
  return n;
}

/** Writes DIR/summary.csv from the job files (and DIR/plan.json when there); prints what it holds. */
async function merge(dir: string, io: CliIo): Promise<number> {
  const plan = await readPlanFile(dir);
  const records = await readJobRecords(dir);
  if (!plan && records.size === 0)
    throw new Error(`${dir} holds no batch results (no plan.json, no jobs/*.json)`);
  const rows = summaryRows(records, plan?.jobs);
  const file = path.join(dir, 'summary.csv');
  await writeAtomic(file, summaryCsv(rows));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const list = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  io.stdout(`wrote ${file}: ${rows.length} rows (${list})\n`);
  const open = (counts.get('missing') ?? 0) + (counts.get('stale') ?? 0);
  if (open)
    io.stderr(`werkplan batch: ${open} job(s) have no current result; run the batch again to do them\n`);
  return open ? 1 : 0;
}

/** Prints progress: a redrawn bar on a terminal, one line per finished job otherwise. */
function reporter(io: CliIo, total: number, tty: boolean) {
  const t0 = performance.now();
  const state = { total, done: 0, failed: 0, running: 0, elapsed_s: 0 };
  const draw = () => {
    state.elapsed_s = (performance.now() - t0) / 1000;
    if (tty) io.stderr(`\r\x1b[2K${progressBar(state)}`);
  };
  const timer = tty ? setInterval(draw, 1000) : undefined;
  return {
    start: () => {
      state.running++;
      draw();
    },
    done: (d: Parameters<typeof jobLine>[0]) => {
      state.running--;
      state.done++;
      if (d.status !== 'optimal') state.failed++;
      const line = jobLine(d, state.done, total);
      if (!tty) io.stderr(`${line}\n`);
      else if (d.status !== 'optimal') io.stderr(`\r\x1b[2K${line}\n`);
      draw();
    },
    end: () => {
      clearInterval(timer);
      if (tty) io.stderr('\n');
    },
  };
}

/**
 * `werkplan batch SPEC.json [--workers N] [--out DIR] [--chunk I/K | --chunks K] [--retry-failed]`
 * and `werkplan batch merge DIR` (docs/formats/batch.md).
 */
export async function batchCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    workers: 'value',
    out: 'value',
    chunk: 'value',
    chunks: 'value',
    'retry-failed': 'flag',
    merge: 'flag',
  });
  const [first, second] = parsed.positional;
  const o = parsed.options;
  if (first === 'merge') {
    if (!second) throw new Error(USAGE);
    return merge(second, io);
  }
  if (!first) throw new Error(USAGE);
  const dir = stringOption(o, 'out') ?? 'batch';
  const chunk = chunkOption(o, process.env);
  const workers = workersOption(o);
  const text = await readFile(first, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${first}: ${err.code ?? err.message}`);
  });
  const spec = parseBatchSpec(text, first);
  const projectFile = path.resolve(path.dirname(first), spec.project);
  const project = await loadProjectOrReport(projectFile, io);
  if (!project) return 1;
  const { jobs, problems } = planJobs(spec, project);
  if (problems.length) throw new BatchSpecError(problems, first, text);
  const settings: BatchSettings = {
    mode: spec.mode ?? 'aggregated',
    solver: spec.solver ?? 'highs',
    timeLimit_s: spec.timeLimit_s,
    typicalDays: spec.typicalDays,
  };
  const digest = sha256(JSON.stringify(project));
  const planned = jobs.map((job) => ({ ...job, fingerprint: jobFingerprint(digest, job, settings) }));
  const plan: PlanFile = {
    format: 'werkplan-batch-plan',
    version: 1,
    spec: path.resolve(first),
    project: projectFile,
    settings,
    jobs: planned,
  };
  await writePlanFile(dir, plan);
  if (o.merge === true) return merge(dir, io);

  const mine = chunk ? chunkJobs(planned, chunk.index, chunk.count) : planned;
  const existing = await readJobRecords(dir);
  const todo: PoolJob[] = [];
  for (const { fingerprint, ...job } of mine) {
    const r = existing.get(job.id);
    const keep = r?.fingerprint === fingerprint && (o['retry-failed'] !== true || r.status === 'optimal');
    if (!keep) todo.push({ job, fingerprint });
  }
  const n = Math.min(workers, Math.max(1, todo.length));
  io.stderr(
    `${chunk ? `chunk ${chunk.index} of ${chunk.count}: ` : ''}${mine.length} job(s), ${mine.length - todo.length} done before, ` +
      `${todo.length} to run on ${n} worker(s) (${settings.mode}, ${settings.solver}) → ${dir}\n`,
  );
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = reporter(io, todo.length, io.stderrIsTTY === true);
  let result;
  try {
    result = await runPool(todo, {
      workers: n,
      project,
      settings,
      dir,
      signal: abort.signal,
      onStart: progress.start,
      onDone: progress.done,
    });
  } finally {
    progress.end();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const errors = result.done.filter((d) => d.status === 'error').length;
  if (result.cancelled)
    io.stderr(
      `werkplan batch: stopped; ${result.done.length} job(s) finished and kept, run again to go on\n`,
    );
  // A chunk leaves the summary to `werkplan batch merge` once all chunks are done.
  const merged = chunk ? 0 : await merge(dir, io);
  if (result.cancelled) return 130;
  return errors ? 1 : merged;
}
