import { describe, expect, it } from 'vitest';
import { gasOrElectricBoiler } from '../model/testing';
import type { Project } from '../project/types';
import { chunkJobs, numbered, planJobs, valueAt, type BatchJob } from './plan';
import type { BatchSpec } from './spec';

function project(): Project {
  const p = gasOrElectricBoiler();
  p.scenarios = [
    { id: 'clean-grid', name: 'Clean grid', overrides: { '/grid/import/co2_kg_kWh': 0 } },
    { id: 'dear-gas', name: 'Dear gas', overrides: { '/fuels/gas/price_EUR_kWh': 0.1 } },
  ];
  return p;
}
const spec = (s: Partial<BatchSpec>): BatchSpec => ({ version: 1, project: 'p.json', ...s });

describe('batch jobs', () => {
  it('lists scenarios, sweep points (axis 1 fastest) and fronts with stable, readable ids', () => {
    const { jobs, problems } = planJobs(
      spec({
        scenarios: 'all',
        sweeps: [
          {
            axes: [
              { pointer: '/fuels/gas/price_EUR_kWh', from: 0.04, to: 0.08, steps: 3 },
              { pointer: '/grid/import/co2_kg_kWh', values: [0.1, 0.3] },
            ],
          },
        ],
        pareto: { points: 5, scenarios: ['base', 'dear-gas'] },
      }),
      project(),
    );
    expect(problems).toEqual([]);
    expect(jobs.map((j) => j.id)).toEqual([
      'scenario-base',
      'scenario-clean-grid',
      'scenario-dear-gas',
      'sweep-0001',
      'sweep-0002',
      'sweep-0003',
      'sweep-0004',
      'sweep-0005',
      'sweep-0006',
      'pareto-base',
      'pareto-dear-gas',
    ]);
    expect(jobs[4].overrides).toEqual({ '/fuels/gas/price_EUR_kWh': 0.06, '/grid/import/co2_kg_kWh': 0.1 });
    expect(jobs[8].overrides).toEqual({ '/fuels/gas/price_EUR_kWh': 0.08, '/grid/import/co2_kg_kWh': 0.3 });
    expect(jobs[10]).toEqual({
      id: 'pareto-dear-gas',
      kind: 'pareto',
      scenario: 'dear-gas',
      points: 5,
      weight: 5,
    });
  });

  it('gives a front its clean-end tolerance when the spec sets one', () => {
    const { jobs, problems } = planJobs(spec({ pareto: { points: 4, cleanEndTolerance: 0.01 } }), project());
    expect(problems).toEqual([]);
    expect(jobs).toEqual([
      { id: 'pareto-base', kind: 'pareto', scenario: 'base', points: 4, cleanEndTolerance: 0.01, weight: 4 },
    ]);
  });

  it('marks the points of a screening sweep (fullYearCheck: false), lighter, and refuses it where it cannot run', () => {
    const screening = spec({
      sweeps: [
        {
          axes: [{ pointer: '/fuels/gas/price_EUR_kWh', from: 0.04, to: 0.08, steps: 3 }],
          fullYearCheck: false,
        },
      ],
    });
    const { jobs, problems } = planJobs(screening, project());
    expect(problems).toEqual([]);
    expect(jobs.map((j) => [j.id, j.fullYearCheck, j.weight])).toEqual([
      ['sweep-0001', false, 0.1],
      ['sweep-0002', false, 0.1],
      ['sweep-0003', false, 0.1],
    ]);
    // A checked sweep's points carry no flag (their job files and fingerprints stay as before).
    const checked = planJobs(spec({ sweeps: [{ axes: screening.sweeps![0].axes }] }), project());
    expect(checked.jobs[0]).not.toHaveProperty('fullYearCheck');
    expect(planJobs({ ...screening, mode: 'full' }, project()).problems).toEqual([
      {
        pointer: '/sweeps/0/fullYearCheck',
        message: "a screening on typical days (fullYearCheck: false) does not go with mode 'full'",
      },
    ]);
    const path = project();
    path.periods = { years: [2030, 2035] };
    expect(planJobs(screening, path).problems[0]).toMatchObject({
      pointer: '/sweeps/0/fullYearCheck',
      message: expect.stringContaining('not a transformation path') as string,
    });
  });

  it('names the sweeps by their ids when there are several, on top of their scenario', () => {
    const { jobs, problems } = planJobs(
      spec({
        sweeps: [
          {
            id: 'gas',
            scenario: 'dear-gas',
            axes: [{ pointer: '/fuels/gas/price_EUR_kWh', values: [0.2, 0.3] }],
          },
          { id: 'capex', axes: [{ pointer: '/technologies/eb/capex_EUR_per_unit', values: [1] }] },
        ],
      }),
      project(),
    );
    expect(problems).toEqual([]);
    expect(jobs.map((j) => [j.id, j.scenario])).toEqual([
      ['sweep-gas-0001', 'dear-gas'],
      ['sweep-gas-0002', 'dear-gas'],
      ['sweep-capex-0001', 'base'],
    ]);
  });

  it('locates unknown scenarios, parameters that are no number and sweeps without id', () => {
    const { problems } = planJobs(
      spec({
        scenarios: ['base', 'nope'],
        sweeps: [
          { axes: [{ pointer: '/fuels/gas', values: [1] }] },
          { scenario: 'gone', axes: [{ pointer: '/economics/co2Price_EUR_t', values: [1] }] },
        ],
        pareto: { points: 3, scenarios: ['nix'] },
      }),
      project(),
    );
    expect(problems).toEqual([
      {
        pointer: '/scenarios/1',
        message: "scenario 'nope' does not exist in the project (known: base, clean-grid, dear-gas)",
      },
      { pointer: '/sweeps/0', message: "several sweeps need an 'id' each (it names their jobs)" },
      { pointer: '/sweeps/0/axes/0/pointer', message: "'/fuels/gas' is not a number in the project" },
      { pointer: '/sweeps/1', message: "several sweeps need an 'id' each (it names their jobs)" },
      {
        pointer: '/sweeps/1/scenario',
        message: "scenario 'gone' does not exist in the project (known: base, clean-grid, dear-gas)",
      },
      {
        pointer: '/pareto/scenarios/0',
        message: "scenario 'nix' does not exist in the project (known: base, clean-grid, dear-gas)",
      },
    ]);
  });

  it('reads values by pointer, array elements by id', () => {
    const p = project();
    expect(valueAt(p, '/technologies/eb/capex_EUR_per_unit')).toBe(5);
    expect(valueAt(p, '/technologies/1/capex_EUR_per_unit')).toBe(5);
    expect(valueAt(p, '/technologies/zz/capex_EUR_per_unit')).toBeUndefined();
    expect(numbered(3, 25, 4)).toBe('0003');
    expect(numbered(3, 12345, 4)).toBe('00003');
  });
});

describe('chunks', () => {
  const job = (id: string, weight = 1): BatchJob => ({ id, kind: 'sweep', scenario: 'base', weight });

  it('deals the heaviest jobs first to the chunk with the least work, ties to the lower index', () => {
    // weights a1 b5 c1 d1 e3 f1 over 2 chunks: b→0 (5), e→1 (3), a→1 (4), c→1 (5), d→0 (6), f→1 (6)
    const jobs = [job('a'), job('b', 5), job('c'), job('d'), job('e', 3), job('f')];
    expect(chunkJobs(jobs, 0, 2).map((j) => j.id)).toEqual(['b', 'd']);
    expect(chunkJobs(jobs, 1, 2).map((j) => j.id)).toEqual(['a', 'c', 'e', 'f']);
  });

  it('splits equal jobs round the chunks, every job in exactly one chunk', () => {
    const jobs = Array.from({ length: 10 }, (_, k) => job(`j${k}`));
    const chunks = [0, 1, 2].map((i) => chunkJobs(jobs, i, 3).map((j) => j.id));
    expect(chunks).toEqual([
      ['j0', 'j3', 'j6', 'j9'],
      ['j1', 'j4', 'j7'],
      ['j2', 'j5', 'j8'],
    ]);
    expect(chunkJobs(jobs, 0, 1)).toEqual(jobs);
    expect(chunkJobs(jobs.slice(0, 1), 3, 4)).toEqual([]);
    expect(() => chunkJobs(jobs, 3, 3)).toThrow(/0 to 2/);
    expect(() => chunkJobs(jobs, 0, 0)).toThrow(/≥ 1/);
  });
});
