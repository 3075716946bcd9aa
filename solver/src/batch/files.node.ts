import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BatchSettings, JobRecord } from './job';
import type { BatchJob } from './plan';

/**
 * The files of a batch directory: DIR/jobs/<id>.json (one per finished job, each written atomically),
 * DIR/plan.json (the job list, for `batch merge`) and DIR/summary.csv. Several processes (the pods of
 * an Indexed Job) may write into one directory: each writes other jobs' files, each through its own
 * temporary name, so no reader ever sees half a file.
 */

export const jobsDir = (dir: string): string => path.join(dir, 'jobs');
export const jobFile = (dir: string, id: string): string => path.join(jobsDir(dir), `${id}.json`);

/** Writes a file whole or not at all: a temporary file beside it, then a rename (atomic on one file system). */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export const writeJobRecord = (dir: string, record: JobRecord): Promise<void> =>
  writeAtomic(jobFile(dir, record.id), JSON.stringify(record, null, 2) + '\n');

/** SHA-256 of a text, hex. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * What a job's result depends on: the project (its digest), the job's own definition and the solve
 * settings. A result file with another fingerprint is from an earlier spec or project and is redone.
 */
export function jobFingerprint(projectDigest: string, job: BatchJob, settings: BatchSettings): string {
  // A front's clean-end tolerance only when set: the fingerprints of specs without it stay as they were.
  const { id, kind, scenario, overrides, points, cleanEndTolerance } = job;
  const { mode, solver, timeLimit_s, typicalDays } = settings;
  return sha256(
    JSON.stringify({
      projectDigest,
      job: { id, kind, scenario, overrides, points, cleanEndTolerance },
      settings: { mode, solver, timeLimit_s, typicalDays },
    }),
  ).slice(0, 32);
}

/** Every readable job file of DIR (temporary files and broken files are left out), by id. */
export async function readJobRecords(dir: string): Promise<Map<string, JobRecord>> {
  const out = new Map<string, JobRecord>();
  let names: string[];
  try {
    names = await readdir(jobsDir(dir));
  } catch {
    return out;
  }
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    try {
      const r = JSON.parse(await readFile(path.join(jobsDir(dir), name), 'utf8')) as JobRecord;
      if (r.format === 'werkplan-batch-job' && `${r.id}.json` === name) out.set(r.id, r);
    } catch {
      // not a job file: ignored
    }
  }
  return out;
}

/** DIR/plan.json: the job list of the spec (all chunks) with fingerprints, for the merge. */
export interface PlanFile {
  format: 'werkplan-batch-plan';
  version: 1;
  spec: string;
  project: string;
  settings: BatchSettings;
  jobs: (BatchJob & { fingerprint: string })[];
}

export const writePlanFile = (dir: string, plan: PlanFile): Promise<void> =>
  writeAtomic(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2) + '\n');

export async function readPlanFile(dir: string): Promise<PlanFile | undefined> {
  try {
    const p = JSON.parse(await readFile(path.join(dir, 'plan.json'), 'utf8')) as PlanFile;
    return p.format === 'werkplan-batch-plan' ? p : undefined;
  } catch {
    return undefined;
  }
}
