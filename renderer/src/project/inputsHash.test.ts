import { describe, expect, it } from 'vitest';
import type { Project } from '../../../solver/src/project/types';
import { canonicalJson, inputsHash } from './inputsHash';

const project = (gas: number) =>
  ({
    name: 'P',
    fuels: { gas: { price_EUR_kWh: gas, co2_kg_kWh: 0.2, renewable: false } },
  }) as unknown as Project;

describe('inputs hash', () => {
  it('ignores key order but not values, scenario or options', async () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe(
      '{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}',
    );
    const h = await inputsHash(project(0.05), 'base');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await inputsHash({ fuels: project(0.05).fuels, name: 'P' } as Project, 'base')).toBe(h);
    expect(await inputsHash(project(0.06), 'base')).not.toBe(h);
    expect(await inputsHash(project(0.05), 'gas-high')).not.toBe(h);
    expect(await inputsHash(project(0.05), 'base', { mode: 'full' })).not.toBe(h);
  });

  it('hashes typed arrays by their values', () => {
    expect(canonicalJson({ v: Float64Array.from([1, 2.5]) })).toBe('{"v":[1,2.5]}');
  });
});
