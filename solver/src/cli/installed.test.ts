import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The command-line tool as a user runs it: `npx werkplan …` from the repository, through npm, the
 * package's bin entry and tsx, in a child process (cli.test.ts calls main() in-process).
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'werkplan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function npx(...args: string[]) {
  return spawnSync('npx', ['--no-install', 'werkplan', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    shell: process.platform === 'win32',
  });
}

describe('npx werkplan, as installed', () => {
  it('--help lists the commands', () => {
    const r = npx('--help');
    expect(r.status).toBe(0);
    for (const c of [
      'validate',
      'solve',
      'pareto',
      'export-lp',
      'report',
      'profile import',
      'weather',
      'yield pv',
      'batch',
      'network design',
    ])
      expect(r.stdout).toContain(`werkplan ${c}`);
  });

  it('solves the single-building example and writes results.json and dispatch.csv', () => {
    const out = path.join(tmp, 'sb');
    const r = npx('solve', 'assets/examples/single-building.json', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // plants as the project names them, each size in its own unit
    expect(r.stdout).toMatch(/^ {2}Photovoltaik \(pv\): [\d.]+ kWp$/m);
    expect(r.stdout).toMatch(/^ {2}Pufferspeicher \(tank\): [\d.]+ kW, [\d.]+ kWh$/m);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      status: string;
      objective: { totalAnnualCost_EUR: number };
    };
    expect(results.status).toBe('optimal');
    expect(Number.isFinite(results.objective.totalAnnualCost_EUR)).toBe(true);
    expect(readFileSync(path.join(out, 'dispatch.csv'), 'utf8').split('\n').length).toBeGreaterThan(8760);
  }, 120_000);

  it('refuses an invalid project with exit code 1 and the reason on stderr', () => {
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{ "format": "werkplan-project", ');
    const r = npx('validate', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.json/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
