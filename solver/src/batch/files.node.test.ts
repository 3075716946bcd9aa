import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  jobFingerprint,
  readJobRecords,
  readPlanFile,
  sha256,
  writeAtomic,
  writeJobRecord,
  writePlanFile,
} from './files.node.js';
import type { JobRecord } from './job';
import type { BatchJob } from './plan';

const dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-batch-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (id: string): JobRecord => ({
  format: 'werkplan-batch-job',
  version: 1,
  id,
  kind: 'scenario',
  scenario: 'base',
  fingerprint: 'f',
  status: 'optimal',
  seconds: 1,
  reasons: [],
});

describe('batch files', () => {
  it('writes a file whole through a temporary one and leaves no temporary file', async () => {
    const file = path.join(dir, 'a', 'x.txt');
    await writeAtomic(file, 'one');
    await writeAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(path.dirname(file))).toEqual(['x.txt']);
  });

  it('reads back job files, leaving out temporary, foreign and broken ones', async () => {
    await writeJobRecord(dir, record('scenario-base'));
    await writeJobRecord(dir, record('sweep-0001'));
    writeFileSync(path.join(dir, 'jobs', '.sweep-0002.json.77-abcd.tmp'), '{"format":');
    writeFileSync(path.join(dir, 'jobs', 'broken.json'), '{"format":');
    writeFileSync(path.join(dir, 'jobs', 'renamed.json'), JSON.stringify(record('sweep-0009')));
    const got = await readJobRecords(dir);
    expect([...got.keys()]).toEqual(['scenario-base', 'sweep-0001']);
    expect(await readJobRecords(path.join(dir, 'nothing'))).toEqual(new Map());
  });

  it('keeps the plan for the merge', async () => {
    const plan = {
      format: 'werkplan-batch-plan' as const,
      version: 1 as const,
      spec: 's.json',
      project: 'p.json',
      settings: { mode: 'full' as const, solver: 'highs' as const },
      jobs: [],
    };
    await writePlanFile(dir, plan);
    expect(await readPlanFile(dir)).toEqual(plan);
    expect(await readPlanFile(path.join(dir, 'nothing'))).toBeUndefined();
  });

  it('fingerprints what a result depends on: project, job and settings', () => {
    const job: BatchJob = {
      id: 'sweep-0001',
      kind: 'sweep',
      scenario: 'base',
      overrides: { '/x': 1 },
      weight: 1,
    };
    const settings = { mode: 'full' as const, solver: 'highs' as const };
    const f = jobFingerprint('p1', job, settings);
    expect(f).toMatch(/^[0-9a-f]{32}$/);
    expect(jobFingerprint('p1', { ...job }, { ...settings })).toBe(f);
    expect(jobFingerprint('p2', job, settings)).not.toBe(f);
    expect(jobFingerprint('p1', { ...job, overrides: { '/x': 2 } }, settings)).not.toBe(f);
    expect(jobFingerprint('p1', job, { ...settings, timeLimit_s: 10 })).not.toBe(f);
    // A front's clean-end tolerance counts when set; unset, the fingerprint is the one of before it existed.
    const front: BatchJob = { id: 'pareto-base', kind: 'pareto', scenario: 'base', points: 5, weight: 5 };
    const before = sha256(
      JSON.stringify({
        projectDigest: 'p1',
        job: { id: 'pareto-base', kind: 'pareto', scenario: 'base', points: 5 },
        settings: { mode: 'full', solver: 'highs' },
      }),
    ).slice(0, 32);
    expect(jobFingerprint('p1', front, settings)).toBe(before);
    expect(jobFingerprint('p1', { ...front, cleanEndTolerance: 0.01 }, settings)).not.toBe(before);
  });
});
