import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { createHighsBackend } from './highs';
import { createGlpkBackend } from './glpk';
import { LpBuilder } from './model';
import { randomModels, sampleModels } from './fixtures';
import { legalNames, toCplexLp } from './lpFormat';
import type { SolverBackend } from './backend';
import { buildModel } from '../model/build';
import { boiler, testProject } from '../model/testing';

let highs: SolverBackend;
let glpk: SolverBackend;
beforeAll(async () => {
  highs = await createHighsBackend();
  glpk = await createGlpkBackend();
});
afterAll(() => {
  highs.dispose();
  glpk.dispose();
});

describe('LP bounds', () => {
  it('writes only bounds other than the format default 0 <= x <= +inf', () => {
    const b = new LpBuilder('bounds');
    const dflt = b.addCol('dflt', 0, Infinity, 1);
    const capped = b.addCol('capped', 0, 5, 1);
    const fixed = b.addCol('fixed', 2, 2, 1);
    const free = b.addCol('free', -Infinity, Infinity, 1);
    const low = b.addCol('low', 1, Infinity, 1);
    b.addRow('r', [dflt, capped, fixed, free, low], [1, 1, 1, 1, 1], 0, 10);
    const bounds = toCplexLp(b.build()).split('Bounds\n')[1].split('\nEnd')[0].split('\n');
    expect(bounds).toEqual([' 0 <= capped <= 5', ' fixed = 2', ' free free', ' 1 <= low <= +inf']);
  });
});

describe('LP names', () => {
  it('become LP-legal, unambiguous and unique', () => {
    expect(legalNames(['x[t=17]', 'e12', '1a', 'a b', 'a_b', ''], 'c')).toEqual([
      'x(t17)',
      '_e12',
      '_1a',
      'a_b',
      'a_b_1',
      'c5',
    ]);
  });
});

describe('CPLEX LP export', () => {
  it('round-trips through the HiGHS LP reader to the same optimum', async () => {
    const h = await highsLoader();
    for (const m of [...sampleModels(), ...randomModels(4)]) {
      const direct = await highs.solve(m, { mipGap: 0 });
      const viaText = h.solve(toCplexLp(m), { mip_rel_gap: 0 });
      expect(viaText.Status).toBe('Optimal');
      expect(viaText.ObjectiveValue).toBeCloseTo(direct.objective, 6);
    }
  });

  it('keeps lines below 255 characters', () => {
    const p = testProject({ heat: [1, 2, 3], technologies: [boiler('gb', 0.9, 80)] });
    const text = toCplexLp(buildModel(p, { mode: 'full', horizon_h: 3 }).model);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(255);
  });
});

describe('backends agree', () => {
  it('HiGHS and glpk.js find the same optimum to 1e-6 on small LPs and a MILP', async () => {
    for (const m of [...sampleModels(), ...randomModels(6, 11)]) {
      const a = await highs.solve(m, { mipGap: 0 });
      const b = await glpk.solve(m, { mipGap: 0 });
      expect(a.status).toBe('optimal');
      expect(b.status).toBe('optimal');
      expect(Math.abs(a.objective - b.objective)).toBeLessThan(1e-6 * Math.max(1, Math.abs(a.objective)));
    }
  });

  it('agree on a small energy model', async () => {
    const p = testProject({
      heat: [500, 100, 900, 300, 1000, 700, 200, 800, 400, 600],
      gasPrice: 0.1,
      technologies: [boiler('base', 1, 0.45), boiler('peak', 0.5, 0.1)],
    });
    const m = buildModel(p, { mode: 'full', horizon_h: 10 }).model;
    const a = await highs.solve(m);
    const b = await glpk.solve(m);
    expect(a.objective).toBeCloseTo(955, 6);
    expect(b.objective).toBeCloseTo(955, 6);
  });

  it('glpk reports infeasible models without values', async () => {
    const b = new LpBuilder('inf');
    const a = b.addCol('a', 0, 1, 1);
    b.addRow('need2', [a], [1], 2, Infinity);
    const s = await glpk.solve(b.build());
    expect(s.status).toBe('infeasible');
    expect(s.hasSolution).toBe(false);
  });
});
