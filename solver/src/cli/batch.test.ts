import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { usage } from './main';
import { runCli } from './testing';
import { chunkOption, workersOption } from './batch';
import { gasOrElectricBoiler } from '../model/testing';
import { runPool } from '../batch/pool.node.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-batch-'));
  writeFileSync(path.join(dir, 'p.json'), JSON.stringify(gasOrElectricBoiler()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A spec beside p.json: the base and one sweep point, the exact full-year LP (three hours). */
function writeSpec(extra: object = {}): string {
  const file = path.join(dir, 'spec.json');
  const spec = {
    version: 1,
    project: 'p.json',
    mode: 'full',
    scenarios: ['base'],
    sweeps: [{ axes: [{ pointer: '/fuels/gas/price_EUR_kWh', values: [0.04] }] }],
    ...extra,
  };
  writeFileSync(file, JSON.stringify(spec, null, 2));
  return file;
}

// Hand values (solver/src/batch/job.test.ts): gas boiler at the 200 kW peak, 450 kWh heat at 95 %.
const SUMMARY_HEAD =
  'id,job,kind,scenario,/fuels/gas/price_EUR_kWh,status,totalAnnualCost_EUR,emissions_tCO2,co2Limit_t,seconds,message,gb.power_kW,eb.power_kW';
function checkSummary(out: string) {
  const [head, base, sweep, end] = readFileSync(path.join(out, 'summary.csv'), 'utf8').split('\n');
  expect(head).toBe(SUMMARY_HEAD);
  const cells = (line: string) => line.split(',');
  expect(cells(base).slice(0, 6)).toEqual([
    'scenario-base',
    'scenario-base',
    'scenario',
    'base',
    '',
    'optimal',
  ]);
  expect(cells(sweep).slice(0, 6)).toEqual(['sweep-0001', 'sweep-0001', 'sweep', 'base', '0.04', 'optimal']);
  expect(Number(cells(base)[6])).toBeCloseTo(200 + (450 / 0.95) * 0.05, 6);
  expect(Number(cells(sweep)[6])).toBeCloseTo(200 + (450 / 0.95) * 0.04, 6);
  expect(cells(sweep).slice(-2).map(Number)).toEqual([200, 0]);
  expect(end).toBe('');
}

describe('werkplan batch', () => {
  it('is listed in the usage', () => {
    expect(usage()).toContain(
      'werkplan batch SPEC.json [--workers N] [--out DIR] [--chunk I/K | --chunks K] [--retry-failed] | batch merge DIR',
    );
  });

  it('runs the jobs on two worker threads, writes a file per job and the summary, and resumes', async () => {
    const out = path.join(dir, 'run');
    const spec = writeSpec();
    const r = await runCli('batch', spec, '--workers', '2', '--out', out);
    expect(r.err).toContain(`2 job(s), 0 done before, 2 to run on 2 worker(s) (full, highs) → ${out}\n`);
    expect(r.err).toMatch(/\[\d\/2\] sweep-0001 optimal: 219 EUR\/a, 0\.1 t CO2\/a \([\d.]+ s\)\n/);
    expect(r.out).toBe(`wrote ${path.join(out, 'summary.csv')}: 2 rows (2 optimal)\n`);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(out, 'jobs'))).toEqual(['scenario-base.json', 'sweep-0001.json']);
    checkSummary(out);

    // A re-run skips finished jobs; a file from other inputs (another fingerprint) is done again.
    const again = await runCli('batch', spec, '--out', out);
    expect(again.err).toContain('2 job(s), 2 done before, 0 to run');
    expect(again.code).toBe(0);
    const file = path.join(out, 'jobs', 'sweep-0001.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"fingerprint": "\w+"/, '"fingerprint": "old"'));
    const redo = await runCli('batch', spec, '--out', out);
    expect(redo.err).toContain('2 job(s), 1 done before, 1 to run on 1 worker(s)');
    expect(redo.err).toMatch(/\[1\/1\] sweep-0001 optimal/);
    checkSummary(out);
  });

  it('runs its worker threads through tsx from `npx werkplan` too (the bin entry, a child process)', () => {
    const out = path.join(dir, 'npx');
    const r = spawnSync(
      'npx',
      ['--no-install', 'werkplan', 'batch', writeSpec(), '--workers', '2', '--out', out],
      {
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
        encoding: 'utf8',
        timeout: 120_000,
        shell: process.platform === 'win32',
      },
    );
    expect(r.stderr).toContain('2 to run on 2 worker(s)');
    expect(r.stdout).toContain('2 rows (2 optimal)');
    expect(r.status).toBe(0);
    checkSummary(out);
  });

  it('keeps a job without a solution on a re-run and redoes it with --retry-failed', async () => {
    const out = path.join(dir, 'retry');
    // An efficiency of −1 is refused by the project format: status invalid, no solve.
    const spec = writeSpec({
      scenarios: undefined,
      sweeps: [{ axes: [{ pointer: '/technologies/gb/efficiency', values: [-1] }] }],
    });
    const r = await runCli('batch', spec, '--out', out);
    expect(r.err).toMatch(/\[1\/1\] sweep-0001 invalid \([\d.]+ s\) – \/technologies\/0\/efficiency: /);
    expect(r.out).toContain('1 rows (1 invalid)');
    expect(r.code).toBe(0);
    expect((await runCli('batch', spec, '--out', out)).err).toContain('1 job(s), 1 done before, 0 to run');
    const retry = await runCli('batch', spec, '--out', out, '--retry-failed');
    expect(retry.err).toContain('1 job(s), 0 done before, 1 to run');
  });

  it('runs chunk by chunk as an Indexed Job does, and merges the chunks', async () => {
    const out = path.join(dir, 'chunks');
    const spec = writeSpec();
    const first = await runCli('batch', spec, '--chunk', '0/2', '--out', out);
    expect(first.err).toContain('chunk 0 of 2: 1 job(s), 0 done before, 1 to run');
    expect(first.code).toBe(0);
    expect(existsSync(path.join(out, 'summary.csv'))).toBe(false);
    const early = await runCli('batch', 'merge', out);
    expect(early.out).toContain('2 rows (1 optimal, 1 missing)');
    expect(early.code).toBe(1);
    process.env.JOB_COMPLETION_INDEX = '1';
    try {
      const second = await runCli('batch', spec, '--chunks', '2', '--out', out);
      expect(second.err).toContain('chunk 1 of 2: 1 job(s), 0 done before, 1 to run');
    } finally {
      delete process.env.JOB_COMPLETION_INDEX;
    }
    const merged = await runCli('batch', 'merge', out);
    expect(merged.code).toBe(0);
    checkSummary(out);
  });

  it('names the field of a bad spec and the spec problems against the project', async () => {
    const bad = writeSpec({
      mode: 'fast',
      sweeps: [{ axes: [{ pointer: '/fuels/oil/price_EUR_kWh', values: [1] }] }],
    });
    const r = await runCli('batch', bad, '--out', path.join(dir, 'bad'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`werkplan batch: ${bad}:4:11: /mode: must be one of "aggregated", "full"\n`);
    const pointer = writeSpec({ sweeps: [{ axes: [{ pointer: '/fuels/oil/price_EUR_kWh', values: [1] }] }] });
    const p = await runCli('batch', pointer, '--out', path.join(dir, 'bad'));
    expect(p.code).toBe(1);
    expect(p.err).toBe(
      `werkplan batch: ${pointer}:12:22: /sweeps/0/axes/0/pointer: '/fuels/oil/price_EUR_kWh' is not a number in the project\n`,
    );
    expect((await runCli('batch', path.join(dir, 'none.json'))).err).toBe(
      `werkplan batch: cannot read ${path.join(dir, 'none.json')}: ENOENT\n`,
    );
    expect((await runCli('batch', 'merge', path.join(dir, 'empty'))).err).toContain('holds no batch results');
    expect((await runCli('batch')).err).toContain('usage: werkplan batch SPEC.json');
  });

  it('reads the chunk and the workers from options and the environment', () => {
    expect(chunkOption({ chunk: '2/8' }, {})).toEqual({ index: 2, count: 8 });
    expect(chunkOption({ chunks: '8' }, { JOB_COMPLETION_INDEX: '7' })).toEqual({ index: 7, count: 8 });
    expect(chunkOption({}, { JOB_COMPLETION_INDEX: '7' })).toBeUndefined();
    expect(() => chunkOption({ chunk: '8/8' }, {})).toThrow(
      'chunk 8 does not exist: chunks are counted 0 to 7',
    );
    expect(() => chunkOption({ chunk: '1-8' }, {})).toThrow(/--chunk must be I\/K/);
    expect(() => chunkOption({ chunks: '0' }, { JOB_COMPLETION_INDEX: '0' })).toThrow(/≥ 1/);
    expect(() => chunkOption({ chunks: '8' }, {})).toThrow(/JOB_COMPLETION_INDEX/);
    expect(workersOption({}, 8)).toBe(7);
    expect(workersOption({}, 1)).toBe(1);
    expect(workersOption({ workers: '3' }, 8)).toBe(3);
    expect(() => workersOption({ workers: '0' }, 8)).toThrow(/--workers/);
  });

  it('records the job of a worker that dies as error and goes on with a new worker', async () => {
    const out = path.join(dir, 'crash');
    const job = (id: string) => ({
      job: { id, kind: 'scenario' as const, scenario: 'base', weight: 1 },
      fingerprint: 'f',
    });
    // An unknown solver makes the worker's job handler throw outside runJob: the thread dies.
    const r = await runPool([job('scenario-a'), job('scenario-b')], {
      workers: 1,
      project: gasOrElectricBoiler(),
      settings: { mode: 'full', solver: 'cplex' as 'highs' },
      dir: out,
    });
    expect(r.cancelled).toBe(false);
    expect(r.done.map((d) => [d.id, d.status])).toEqual([
      ['scenario-a', 'error'],
      ['scenario-b', 'error'],
    ]);
    expect(r.done[0].reasons[0]).toMatch(/^the worker stopped \(exit code 1: unknown solver 'cplex'/);
    const file = JSON.parse(readFileSync(path.join(out, 'jobs', 'scenario-a.json'), 'utf8')) as {
      status: string;
    };
    expect(file.status).toBe('error');
  });

  it('stops on the signal: no job started after it, none written', async () => {
    const out = path.join(dir, 'stopped');
    const abort = new AbortController();
    const job = (id: string) => ({
      job: { id, kind: 'scenario' as const, scenario: 'base', weight: 1 },
      fingerprint: 'f',
    });
    const started: string[] = [];
    const r = await runPool([job('scenario-a'), job('scenario-b')], {
      workers: 1,
      project: gasOrElectricBoiler(),
      settings: { mode: 'full', solver: 'highs' },
      dir: out,
      signal: abort.signal,
      onStart: (j) => {
        started.push(j.id);
        abort.abort();
      },
    });
    expect(r).toEqual({ done: [], cancelled: true });
    expect(started).toEqual(['scenario-a']);
    expect(existsSync(path.join(out, 'jobs'))).toBe(false);
  });
});
