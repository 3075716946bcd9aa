import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failureText } from './main';
import { runCli } from './testing';
import { boiler, testProject } from '../model/testing';
import type { Results } from '../results/results';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-cli-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

function writeProject(name: string, doc: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/** `werkplan solve FILE --mode full --out DIR` on a project written as `name`. */
const solveFull = (name: string, doc: unknown, out: string) =>
  run('solve', writeProject(name, doc), '--mode', 'full', '--out', path.join(dir, out));

// A year with 200 kW heat in the first hours (the rest 0) and one boiler.
const project = () => {
  const p = testProject({
    heat: [200, 400, 300],
    gasPrice: 0.1,
    technologies: [boiler('gb', 0.9, 50, { lifetime_a: 20, fixedOm_share: 0.02 })],
  });
  p.economics.interestRate = 0.05;
  p.scenarios = [{ id: 'teuer', name: 'Gas teuer', overrides: { '/fuels/gas/price_EUR_kWh': 0.2 } }];
  return p;
};

describe('werkplan CLI', () => {
  it('validate: exit 0 with a summary for a valid file', async () => {
    const r = await run('validate', writeProject('ok.json', project()));
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid project format v2');
  });

  it('validate: exit 1 with located errors on stderr', async () => {
    const p = project() as unknown as Record<string, unknown>;
    p.colour = 'blau';
    const r = await run('validate', writeProject('bad.json', p));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.json:\d+:\d+: \/colour: unknown key 'colour'/);
  });

  it('validate: a missing file is a clear error', async () => {
    const r = await run('validate', path.join(dir, 'nope.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('ENOENT');
  });

  it('solve --mode full writes results.json with the contract fields and dispatch.csv', async () => {
    const out = path.join(dir, 'out-full');
    const r = await run('solve', writeProject('p.json', project()), '--mode', 'full', '--out', out);
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
    expect(res.status).toBe('optimal');
    expect(res.capacities.gb.power_kW).toBeCloseTo(400, 6);
    // 50 €/kW · (annuity 0.0802426 + 0.02) · 400 kW + 900 kWh / 0.9 · 0.1 €/kWh
    expect(res.objective.totalAnnualCost_EUR).toBeCloseTo(50 * (0.0802425872 + 0.02) * 400 + 100, 4);
    expect(res.annual.gb.heat_out_MWh).toBeCloseTo(0.9, 9);
    expect(typeof res.emissions_tCO2).toBe('number');
    expect(res.solve).toMatchObject({ solver: 'highs', mode: 'full' });
    expect(res.solve.gap).toBeLessThanOrEqual(1e-6);
    expect(typeof res.solve.seconds).toBe('number');
    const csv = readFileSync(path.join(out, 'dispatch.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('hour,time_local_standard,weight_h,gb.heat_out_kW');
    expect(csv[2]).toBe('1,2023-01-01 01:00,1.000,400.000');
    expect(csv).toHaveLength(8760 + 2);
  });

  it('solve --mode full on a path says what it costs before it starts', async () => {
    const p = project();
    p.periods = { years: [p.site.year, p.site.year + 5] };
    const r = await solveFull('path.json', p, 'out-path');
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      "note: --mode full solves all hours of the path's 2 periods as one LP; the five-period example had no answer after 17 min on 2 cores",
    );
    const plain = await solveFull('year.json', project(), 'out-y');
    expect(plain.err).not.toContain('note:');
  });

  it('a HiGHS-WASM abort is explained; other failures print as they are', () => {
    expect(failureText('solve', 'Aborted(). Build with -sASSERTIONS for more info.')).toBe(
      'werkplan solve: Aborted(). Build with -sASSERTIONS for more info.\n' +
        '  HiGHS-WASM stopped, usually because its memory (at most 2 GiB) is not enough for this model. A smaller\n' +
        '  model helps: typical days instead of --mode full, fewer periods, or an hourly time step.\n',
    );
    expect(failureText('report', 'no such file')).toBe('werkplan report: no such file\n');
  });

  it('solve: scenario and glpk backend', async () => {
    const out = path.join(dir, 'out-scn');
    const r = await run(
      'solve',
      writeProject('p2.json', project()),
      '--mode',
      'full',
      '--scenario',
      'teuer',
      '--solver',
      'glpk',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
    expect(res.scenario).toBe('teuer');
    expect(res.solve.solver).toBe('glpk');
    expect(res.objective.totalAnnualCost_EUR).toBeCloseTo(50 * (0.0802425872 + 0.02) * 400 + 200, 4);
  });

  it('solve: an infeasible project exits 1 and says why', async () => {
    const p = project();
    p.technologies[0].max = 250;
    const r = await solveFull('inf.json', p, 'out-inf');
    expect(r.code).toBe(1);
    expect(r.err).toContain('heat demand cannot be met in 2 hours (first 2023-01-01 01:00)');
  });

  it('solve: bad options are refused', async () => {
    const f = writeProject('p3.json', project());
    expect((await run('solve', f, '--solver', 'cplex')).err).toContain('--solver must be one of highs, glpk');
    expect((await run('solve', f, '--mode')).err).toContain('--mode needs a value');
    expect((await run('solve', f, '--frobnicate', '1')).code).toBe(1);
  });

  it('export-lp writes CPLEX LP text to stdout or a file', async () => {
    const f = writeProject('p4.json', project());
    const r = await run('export-lp', f);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\\ test [base, full]')).toBe(true);
    expect(r.out).toContain('Minimize');
    expect(r.out).toContain(' heat_balance(t0):');
    expect(r.out.trimEnd().endsWith('End')).toBe(true);
    const lp = path.join(dir, 'm.lp');
    const r2 = await run('export-lp', f, '--mode', 'aggregated', '--out', lp);
    expect(r2.code).toBe(0);
    expect(readFileSync(lp, 'utf8')).toContain('heat_balance(p0_s0)');
  });

  it('an unknown command prints the usage', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: werkplan');
  });
});
