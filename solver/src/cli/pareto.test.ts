import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { usage } from './main';
import { runCli } from './testing';
import { gasOrElectricBoiler } from '../model/testing';
import { paretoDocument, paretoTable } from './pareto';
import { cheapestCheckedPlants } from '../run/frontPlants';
import type { ParetoPoint } from '../run/pareto';
import type { SolveOutcome } from '../run/solve';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-pareto-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

/** The hand-computed gas-or-electric boiler case (solver/src/model/testing.ts, gasOrElectricBoiler). */
function writeProject(): string {
  const p = gasOrElectricBoiler();
  p.scenarios = [{ id: 'clean-grid', name: 'Clean grid', overrides: { '/grid/import/co2_kg_kWh': 0 } }];
  const file = path.join(dir, 'p.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const hand = [
  { cost: 223.6842105263158, co2_t: 0.0947368421052632, gb: 200, eb: 0 },
  { cost: 565.8421052631579, co2_t: 0.0698684210526316, gb: 125, eb: 75 },
  { cost: 1108, co2_t: 0.045, gb: 0, eb: 200 },
];

describe('werkplan pareto', () => {
  it('is listed in the usage', () => {
    expect(usage()).toContain(
      'werkplan pareto P.json [--scenario ID] [--points N] [--solver highs|glpk] [--mode aggregated|full] [--typical-days N] [--clean-end-tolerance SHARE] [--time-limit S] [--out FILE.json|FILE.csv]',
    );
  });

  it('prints the front as a table and writes it as CSV: costs, emissions and capacities by hand', async () => {
    const csv = path.join(dir, 'front.csv');
    const r = await run('pareto', writeProject(), '--points', '3', '--mode', 'full', '--out', csv);
    expect(r.err).toMatch(/^point 1 of 3: minimum cost → 0\.1 t CO2\/a, 224 EUR\/a\n/);
    expect(r.err).toContain('point 2 of 3: minimum CO2 → 0.0 t CO2/a, 1108 EUR/a\n');
    expect(r.err).toContain('point 3 of 3: CO2 ≤ 0.1 t → 0.1 t CO2/a, 566 EUR/a\n');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^cost–CO2 front of test \(base, full, highs, [\d.]+ s\)$/);
    expect(lines[1].trim().split(/\s{2,}/)).toEqual([
      '#',
      'CO2 limit t/a',
      'CO2 t/a',
      'cost EUR/a',
      'gb kW',
      'eb kW',
    ]);
    expect(lines[2].trim().split(/\s+/)).toEqual(['1', 'none', '0.1', '224', '200.0', '0.0']);
    expect(lines[3].trim().split(/\s+/)).toEqual(['2', '0.1', '0.1', '566', '125.0', '75.0']);
    expect(lines[4].trim().split(/\s+/)).toEqual(['3', '0.0', '0.0', '1108', '0.0', '200.0']);
    expect(lines[5]).toBe(`wrote ${csv}`);

    const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
    expect(header).toBe('kind,co2Limit_t,emissions_tCO2,totalAnnualCost_EUR,gb.power_kW,eb.power_kW');
    expect(rows.map((row) => row.split(',')[0])).toEqual(['minCost', 'epsilon', 'minCo2']);
    rows.forEach((row, i) => {
      const [, limit, co2, cost, gb, eb] = row.split(',');
      expect(rel(Number(cost), hand[i].cost)).toBeLessThan(1e-6);
      expect(rel(Number(co2), hand[i].co2_t)).toBeLessThan(1e-6);
      expect(Math.abs(Number(gb) - hand[i].gb)).toBeLessThan(1e-6 * 200);
      expect(Math.abs(Number(eb) - hand[i].eb)).toBeLessThan(1e-6 * 200);
      if (i === 0) expect(limit).toBe('');
      else expect(rel(Number(limit), hand[i].co2_t)).toBeLessThan(1e-6);
    });
  });

  it('writes JSON with the scenario, and the default is 5 points in aggregated mode', async () => {
    const json = path.join(dir, 'front.json');
    const r = await run('pareto', writeProject(), '--scenario', 'clean-grid', '--out', json);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as {
      scenario: string;
      mode: string;
      status: string;
      points: { kind: string; emissions_tCO2: number; capacities: Record<string, { power_kW: number }> }[];
    };
    expect(doc).toMatchObject({
      scenario: 'clean-grid',
      mode: 'aggregated',
      solver: 'highs',
      status: 'optimal',
    });
    // With a CO2-free grid the electric boiler's heat is clean: five points from 94.7 kg to 0 kg.
    expect(doc.points.map((p) => p.kind)).toEqual(['minCost', 'epsilon', 'epsilon', 'epsilon', 'minCo2']);
    expect(doc.points[4].emissions_tCO2).toBeLessThan(1e-9);
    expect(doc.points[4].capacities.gb.power_kW).toBe(0);
    const co2 = doc.points.map((p) => p.emissions_tCO2);
    for (let k = 1; k < co2.length; k++) expect(co2[k]).toBeLessThan(co2[k - 1]);
  });

  it('exit 1 with the reason for bad options, a missing scenario or no solution', async () => {
    const file = writeProject();
    let r = await run('pareto', file, '--points', '1');
    expect(r.code).toBe(1);
    expect(r.err).toContain('--points must be an integer from 2 to 50');
    r = await run('pareto', file, '--out', path.join(dir, 'front.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('--out must name a .json or .csv file');
    r = await run('pareto', file, '--mode', 'hourly');
    expect(r.code).toBe(1);
    expect(r.err).toContain('--mode must be one of aggregated, full');
    r = await run('pareto', file, '--scenario', 'missing', '--mode', 'full');
    expect(r.code).toBe(1);
    expect(r.err).toContain("scenario 'missing' does not exist");
    r = await run('pareto');
    expect(r.code).toBe(1);
    expect(r.err).toContain('usage: werkplan pareto P.json');

    const p = JSON.parse(readFileSync(file, 'utf8')) as { constraints?: object };
    p.constraints = { co2Cap_t: 0.01 }; // below the 45 kg/a of the cleanest plant
    const bad = path.join(dir, 'capped.json');
    writeFileSync(bad, JSON.stringify(p));
    r = await run('pareto', bad, '--mode', 'full');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^werkplan pareto: no front \(failed\):\n {2}- Pareto point 1 of 5 \(minimum cost\) has no solution: /,
    );
  });

  it('marks a point that shows another point’s plant and keeps its own plant’s figures in the JSON', () => {
    const point = (co2Limit_t: number | null, co2: number, cost: number, kW: number): ParetoPoint => ({
      kind: co2Limit_t === null ? 'minCost' : 'epsilon',
      co2Limit_t,
      emissions_tCO2: co2,
      totalAnnualCost_EUR: cost,
      capacities: { hp: { power_kW: kW } },
      outcome: {} as SolveOutcome,
    });
    // The hub's 20-point front (2026-12-07): the cheapest point's typical-day plant lost to the next one's.
    const points = cheapestCheckedPlants([
      point(null, 4420, 2_314_065, 0.9),
      point(4362.4, 4362.4, 2_313_215, 77),
    ]);
    const lines = paretoTable(points).trimEnd().split('\n');
    expect(lines[1].trim().split(/\s+/)).toEqual(['1*', 'none', '4362.4', '2313215', '77.0']);
    expect(lines[2].trim().split(/\s+/)).toEqual(['2', '4362.4', '4362.4', '2313215', '77.0']);
    expect(lines[3]).toBe(
      '* point 1: the plant of point 2, better over the full year than the plant sized for this point on ' +
        'typical days (2314065 EUR/a, 4420.0 t CO2/a)',
    );
    const doc = paretoDocument(
      { status: 'optimal', points, reasons: [], seconds: 1 },
      { project: 'p', scenario: 'base', mode: 'aggregated', solver: 'highs', cleanEndTolerance: 0 },
    );
    expect(doc.points[0]).toMatchObject({
      kind: 'minCost',
      co2Limit_t: null,
      emissions_tCO2: 4362.4,
      plantOfPoint: 2,
      ownPlant: {
        emissions_tCO2: 4420,
        totalAnnualCost_EUR: 2_314_065,
        capacities: { hp: { power_kW: 0.9 } },
      },
    });
    expect(doc.points[1]).not.toHaveProperty('plantOfPoint');
  });

  it('takes a clean-end tolerance: the cheapest plant within that share of the CO2 range, by hand', async () => {
    // Range 94.7368421 − 45 = 49.7368421 kg; half of it above 45 kg allows 69.8684211 kg: the middle
    // plant of the three-point front (gb 125 kW, eb 75 kW, 565.8421053 EUR/a).
    const json = path.join(dir, 'tolerant.json');
    const r = await run(
      'pareto',
      writeProject(),
      '--points',
      '2',
      '--mode',
      'full',
      '--clean-end-tolerance',
      '0.5',
      '--out',
      json,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "point 2: the cheapest plant within 50.0 % of the front's CO2 range above the least CO2 any plant reaches (0.0 t/a)",
    );
    const doc = JSON.parse(readFileSync(json, 'utf8')) as ReturnType<typeof paretoDocument>;
    expect(doc.cleanEndTolerance).toBe(0.5);
    const end = doc.points[1];
    expect(end.kind).toBe('minCo2');
    expect(rel(end.totalAnnualCost_EUR, hand[1].cost)).toBeLessThan(1e-6);
    expect(rel(end.emissions_tCO2, hand[1].co2_t)).toBeLessThan(1e-6);
    expect(rel(end.minimumCo2_t!, hand[2].co2_t)).toBeLessThan(1e-6);
    expect(end.capacities.eb.power_kW).toBeCloseTo(75, 4);
  });

  it.each(['1', '-0.1', 'x', ''])('refuses --clean-end-tolerance %j', async (v) => {
    const r = await run('pareto', writeProject(), '--clean-end-tolerance', v);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--clean-end-tolerance must be a share of the CO2 range from 0 to below 1');
  });
});
