import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toCplexLp } from './lpFormat';
import { createHighsBackend } from './highs';
import { buildModel } from '../model/build';
import { boiler, heatStorage, testProject } from '../model/testing';
import { sampleModels } from './fixtures';

function glpsol(lp: string): number {
  let version: string;
  try {
    version = execFileSync('glpsol', ['--version'], { encoding: 'utf8' });
  } catch {
    throw new Error(
      "glpsol is not installed: install Debian's glpk-utils (apt-get install glpk-utils); .ci/run does",
    );
  }
  expect(version).toMatch(/GLPK/);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-glpsol-'));
  try {
    writeFileSync(path.join(dir, 'model.lp'), lp);
    execFileSync('glpsol', ['--lp', path.join(dir, 'model.lp'), '-o', path.join(dir, 'out.txt')], {
      encoding: 'utf8',
    });
    const out = readFileSync(path.join(dir, 'out.txt'), 'utf8');
    const m = /Objective:\s+\S+\s+=\s+(-?[0-9.eE+-]+)/.exec(out);
    if (!m) throw new Error(`no objective in glpsol output:\n${out.slice(0, 500)}`);
    return Number(m[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("exported LP solved by Debian's glpsol", () => {
  it('gives the same objective as HiGHS for a small energy model with storage', async () => {
    const tes = heatStorage('tes', 0.5, {
      efficiencyCharge: 0.95,
      efficiencyDischarge: 0.95,
      loss_per_h: 0.01,
      cRate_per_h: 0.5,
    });
    const p = testProject({
      heat: [100, 900, 300, 1000, 200, 800],
      gasPrice: 0.1,
      technologies: [boiler('gb', 0.9, 30), tes],
    });
    const model = buildModel(p, { mode: 'full', horizon_h: 6 }).model;
    const highs = await createHighsBackend();
    const direct = await highs.solve(model);
    highs.dispose();
    const viaGlpsol = glpsol(toCplexLp(model));
    expect(Math.abs(viaGlpsol - direct.objective)).toBeLessThan(1e-6 * Math.abs(direct.objective));
  });

  it('gives the same objective on models with ranged rows, free columns, an offset and integers', async () => {
    const highs = await createHighsBackend();
    for (const m of sampleModels()) {
      const direct = await highs.solve(m, { mipGap: 0 });
      expect(Math.abs(glpsol(toCplexLp(m)) - direct.objective)).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(direct.objective)),
      );
    }
    highs.dispose();
  });
});
