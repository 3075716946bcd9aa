import { describe, expect, it } from 'vitest';
import { networkFixture } from '../../report/networkFixture';
import {
  NETWORK_DN_PALETTE,
  networkColumnLabel,
  networkDnClass,
  networkDnColour,
  networkDnTable,
  networkDnWidth,
  networkLossesSeries,
  networkMap,
  networkMonthLabel,
  networkSummaryLabel,
  networkSummaryRows,
} from './network';

describe('network views', () => {
  it('gives the summary as labelled rows with units, the loss share in percent', () => {
    const rows = networkSummaryRows(networkFixture());
    expect(rows.map((r) => [r.key, r.value, r.unit])).toEqual([
      ['buildings', 4, ''],
      ['trunkLength_m', 300, 'm'],
      ['connectionLength_m', 80, 'm'],
      ['investment_EUR', 346_000, 'EUR'],
      ['heatDelivered_MWh_a', 396, 'MWh/a'],
      ['heatLoss_MWh_a', 44, 'MWh/a'],
      ['heatLossShare', 10, '%'],
      ['pumpElectricity_MWh_a', 2.5, 'MWh/a'],
      ['plantPeak_kW', 250, 'kW'],
      ['linearHeatDensity_MWh_m_a', 1.32, 'MWh/(m·a)'],
    ]);
    expect(rows.find((r) => r.key === 'linearHeatDensity_MWh_m_a')?.digits).toBe(2);
    const bad = networkFixture();
    bad.summary.heatLossShare = NaN;
    expect(networkSummaryRows(bad).find((r) => r.key === 'heatLossShare')?.value).toBe(0);
  });

  it('names every summary figure, column and month in both languages', () => {
    for (const r of networkSummaryRows(networkFixture())) {
      expect(networkSummaryLabel('de', r.key)).not.toBe(r.key);
      expect(networkSummaryLabel('en', r.key)).not.toBe(r.key);
    }
    expect(networkSummaryLabel('de', 'linearHeatDensity_MWh_m_a')).toBe('Wärmebelegungsdichte');
    expect(networkSummaryLabel('en', 'heatLossShare')).toBe('Share of heat losses');
    expect(networkColumnLabel('de', 'dn')).toBe('Nennweite');
    expect(networkMonthLabel('de', 3)).toBe('Mär');
    expect(networkMonthLabel('en', 10)).toBe('Oct');
  });

  it('merges and sorts the lengths and costs per DN, with the hand-computed total', () => {
    const t = networkDnTable(networkFixture());
    expect(t.rows).toEqual([
      { dn: 32, trunk_m: 0, connections_m: 80, cost_EUR: 40_000 },
      { dn: 80, trunk_m: 120, connections_m: 0, cost_EUR: 108_000 },
      { dn: 100, trunk_m: 180, connections_m: 0, cost_EUR: 198_000 },
    ]);
    // 120 + 180 = 300 m trunk, 50 + 30 = 80 m connections, 198 + 25 + 108 + 15 = 346 kEUR (the summary's)
    expect(t.total).toEqual({ trunk_m: 300, connections_m: 80, cost_EUR: 346_000 });
  });

  it('gives twelve monthly losses and their sum (44 MWh, the summary heat loss)', () => {
    const s = networkLossesSeries(networkFixture());
    expect(s.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.total_MWh).toBeCloseTo(44, 9);
    const short = { ...networkFixture(), lossesMonthly_MWh: [1, NaN, 2] };
    expect(networkLossesSeries(short).values_MWh).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('has one colour per DN class from one palette, widths growing with DN', () => {
    const colours = NETWORK_DN_PALETTE.map((p) => p.colour);
    expect(new Set(colours).size).toBe(colours.length);
    const dns = NETWORK_DN_PALETTE.map((p) => p.dn);
    expect(dns).toEqual([...dns].sort((a, b) => a - b));
    expect(networkDnClass(100)).toBe(100);
    expect(networkDnClass(110)).toBe(100);
    expect(networkDnClass(15)).toBe(20);
    expect(networkDnClass(800)).toBe(500);
    expect(networkDnColour(100)).toBe('#fd8d3c');
    expect(networkDnColour(110)).toBe(networkDnColour(100));
    // 0.6 + 0.16·√100 = 2.2; 0.6 + 0.16·√25 = 1.4
    expect(networkDnWidth(100)).toBeCloseTo(2.2, 12);
    expect(networkDnWidth(25)).toBeCloseTo(1.4, 12);
    for (let i = 1; i < dns.length; i++)
      expect(networkDnWidth(dns[i])).toBeGreaterThan(networkDnWidth(dns[i - 1]));
  });

  it('groups the pipes by DN class for the map, smallest first, with their box', () => {
    const m = networkMap(networkFixture());
    expect(m.groups.map((g) => [g.dn, g.lines.length])).toEqual([
      [32, 4],
      [80, 1],
      [100, 1],
    ]);
    expect(m.groups[2].colour).toBe(networkDnColour(100));
    expect(m.groups[0].width).toBeLessThan(m.groups[2].width);
    expect(m.box).toEqual({ minX: 500_000, minY: 5_799_980, maxX: 500_200, maxY: 5_800_140 });
    expect(networkMap({ ...networkFixture(), pipes: [] })).toEqual({ groups: [], box: null });
  });
});
