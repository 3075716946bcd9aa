import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchSpecSchema, parseBatchSpec } from './spec';

const parse = (doc: unknown) => parseBatchSpec(JSON.stringify(doc, null, 2), 'b.json');
const problems = (doc: unknown) => {
  try {
    parse(doc);
    return '';
  } catch (err) {
    return (err as Error).message;
  }
};
const ok = { version: 1, project: 'p.json', scenarios: 'all' };

describe('batch spec', () => {
  it('reads a spec with every kind of job', () => {
    const spec = parse({
      ...ok,
      mode: 'full',
      solver: 'glpk',
      timeLimit_s: 30,
      sweeps: [
        { id: 'gas', axes: [{ pointer: '/fuels/gas/price_EUR_kWh', from: 0.04, to: 0.08, steps: 3 }] },
        { id: 'co2', scenario: 'high', axes: [{ pointer: '/economics/co2Price_EUR_t', values: [50, 100] }] },
      ],
      pareto: { points: 5, scenarios: ['base'] },
    });
    expect(spec.sweeps?.[1].axes[0].values).toEqual([50, 100]);
    expect(spec.pareto?.points).toBe(5);
  });

  it('names the field of each problem, with line and column', () => {
    const text = problems({
      version: 1,
      project: 'p.json',
      colour: 'red',
      scenarios: 'some',
      sweeps: [{ axes: [{ pointer: 'fuels/gas', from: 0, to: 1, steps: 99 }] }],
      pareto: { points: 1 },
    });
    expect(text.split('\n')).toEqual([
      'b.json:4:13: /colour: unknown key',
      'b.json:5:16: /scenarios: must be "all" or a list of scenario ids',
      'b.json:10:22: /sweeps/0/axes/0/pointer: must be a JSON pointer starting with /',
      'b.json:13:20: /sweeps/0/axes/0/steps: must be <= 50',
      'b.json:19:15: /pareto/points: must be >= 2',
    ]);
  });

  it('wants a whole axis: from, to and steps, or values', () => {
    expect(problems({ ...ok, sweeps: [{ axes: [{ pointer: '/a', from: 0, to: 1 }] }] })).toMatch(
      /^b\.json:\d+:\d+: \/sweeps\/0\/axes\/0: give either from, to and steps, or values$/,
    );
    expect(
      problems({ ...ok, sweeps: [{ axes: [{ pointer: '/a', from: 0, to: 1, steps: 2, values: [1] }] }] }),
    ).toMatch(/axes\/0: give either/);
  });

  it('refuses a spec without jobs, a missing project, another version and broken JSON', () => {
    expect(problems({ version: 1, project: 'p.json' })).toBe(
      'b.json:1:1: /: no jobs: give scenarios, sweeps or pareto',
    );
    expect(problems({ version: 2, scenarios: 'all' })).toBe(
      "b.json:1:1: /: missing 'project'\nb.json:2:14: /version: must be 1",
    );
    expect(() => parseBatchSpec('{\n  "version": 1,,\n}', 'b.json')).toThrow(/^b\.json:2:16: not valid JSON/);
  });

  it('takes a front’s clean-end tolerance from 0 to below 1 and locates one outside', () => {
    expect(problems({ version: 1, project: 'p.json', pareto: { points: 3, cleanEndTolerance: 0.01 } })).toBe(
      '',
    );
    expect(problems({ version: 1, project: 'p.json', pareto: { points: 3, cleanEndTolerance: 1 } })).toMatch(
      /\/pareto\/cleanEndTolerance: must be < 1/,
    );
  });

  it('docs/formats/batch.schema.json is the schema the check uses', () => {
    const published: unknown = JSON.parse(
      readFileSync(new URL('../../../docs/formats/batch.schema.json', import.meta.url), 'utf8'),
    );
    expect(published).toEqual(batchSpecSchema);
  });
});
