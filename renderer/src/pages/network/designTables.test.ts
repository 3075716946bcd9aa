import { describe, expect, it } from 'vitest';
import { dnTable, monthlySums_MWh } from './designTables';
import { FIXTURE_PIPES } from './testFixture';

describe('design tables', () => {
  it('sums lengths and costs per DN, trunk and house connections apart', () => {
    expect(dnTable(FIXTURE_PIPES)).toEqual([
      { dn: 25, trunk_m: 0, connection_m: 60, cost_EUR: 18_000 },
      { dn: 50, trunk_m: 100, connection_m: 0, cost_EUR: 60_000 },
      { dn: 80, trunk_m: 200, connection_m: 0, cost_EUR: 150_000 },
    ]);
    expect(dnTable([])).toEqual([]);
  });

  it('sums an hourly kW series per month of the site year in MWh', () => {
    // 2023 in Berlin: 8760 h; January 744 h, February 672 h, March 743 h (spring change), October 745 h
    const sums = monthlySums_MWh(new Float64Array(8760).fill(1000), 2023, 'Europe/Berlin');
    expect(sums[0]).toBe(744);
    expect(sums[1]).toBe(672);
    expect(sums[2]).toBe(743);
    expect(sums[9]).toBe(745);
    expect(sums.reduce((a, b) => a + b, 0)).toBe(8760);
  });

  it('cuts a series of another length into twelve equal parts and skips gaps', () => {
    const v = new Float64Array(24).fill(500);
    v[0] = NaN;
    const sums = monthlySums_MWh(v, 2023, 'Europe/Berlin');
    expect(sums).toEqual([0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});
