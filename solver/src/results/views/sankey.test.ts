import { describe, expect, it } from 'vitest';
import { sankeyImbalance, sankeyOf } from './index';
import { f, smallDispatch, smallResults, techs } from './testing';

describe('Sankey of annual energies', () => {
  it('balances every plant and bus to 1e-6 and derives fuel and ambient heat', () => {
    const s = sankeyOf(smallResults(), techs);
    const byPair = Object.fromEntries(s.links.map((l) => [`${l.source}→${l.target}`, l.value_MWh]));
    expect(byPair['source:fuel:gas→plant:gb']).toBeCloseTo(10, 12); // 9 MWh heat at 90 %
    expect(byPair['plant:gb→sink:losses']).toBeCloseTo(1, 12);
    expect(byPair['source:ambient→plant:hp']).toBeCloseTo(20, 12);
    expect(byPair['source:sun→plant:pv']).toBeCloseTo(4, 12);
    expect(byPair['source:grid→bus:electricity']).toBe(25);
    expect(byPair['bus:electricity→sink:export']).toBe(1);
    expect(byPair['bus:heat→sink:charge:tes']).toBe(2);
    expect(byPair['source:discharge:tes→bus:heat']).toBe(1.8);
    // heat: 9 + 30 + 1.8 − 2 = 38.8; electricity: 25 + 4 − 10 − 1 = 18
    expect(byPair['bus:heat→sink:demand:heat']).toBeCloseTo(38.8, 12);
    expect(byPair['bus:electricity→sink:demand:electricity']).toBeCloseTo(18, 12);
    const imbalance = sankeyImbalance(s);
    expect(Object.keys(imbalance).sort()).toEqual([
      'bus:electricity',
      'bus:heat',
      'plant:gb',
      'plant:hp',
      'plant:pv',
    ]);
    for (const v of Object.values(imbalance)) expect(Math.abs(v)).toBeLessThan(1e-6);
    // Every link joins known nodes; no node without a link.
    const ids = new Set(s.nodes.map((n) => n.id));
    for (const l of s.links) expect(ids.has(l.source) && ids.has(l.target)).toBe(true);
    expect(s.nodes).toHaveLength(new Set(s.links.flatMap((l) => [l.source, l.target])).size);
  });

  it('nets storage flows from the dispatch and still balances', () => {
    const d = smallDispatch();
    d.series['tes.charge_kW'] = f(5, 1, 2);
    d.series['tes.discharge_kW'] = f(3, 4, 2);
    const s = sankeyOf(smallResults(), techs, d);
    const byPair = Object.fromEntries(s.links.map((l) => [`${l.source}→${l.target}`, l.value_MWh]));
    expect(byPair['bus:heat→sink:charge:tes']).toBeCloseTo(0.002, 12); // 2 kWh
    expect(byPair['source:discharge:tes→bus:heat']).toBeCloseTo(0.003, 12); // 3 kWh
    for (const v of Object.values(sankeyImbalance(s))) expect(Math.abs(v)).toBeLessThan(1e-6);
  });

  it('takes the unexplained output as fuel when the efficiency is unknown', () => {
    const s = sankeyOf(smallResults());
    expect(s.links.find((l) => l.target === 'plant:gb')).toEqual({
      source: 'source:fuel:fuel',
      target: 'plant:gb',
      value_MWh: 9,
    });
  });
});

describe('Sankey with storage and heat dump (the planner and the report show both)', () => {
  it('a boiler, a heat store and a heat dump by hand: every plant and bus balances to 1e-6', () => {
    // heat bus in: boiler 10 + discharge 1.5 = 11.5; out: dump 1 + charge 2 = 3; demand = 8.5
    const r = smallResults({
      annual: {
        gb: { heat_out_MWh: 10 },
        tes: { charge_MWh: 2, discharge_MWh: 1.5 },
        cool: { dump_MWh: 1 },
      },
    });
    const s = sankeyOf(r, {
      gb: { type: 'boiler', fuel: 'gas', efficiency: 0.8 },
      tes: { type: 'heatStorage' },
      cool: { type: 'heatDump' },
    });
    const byPair = Object.fromEntries(s.links.map((l) => [`${l.source}→${l.target}`, l.value_MWh]));
    expect(byPair).toEqual({
      'bus:heat→sink:charge:tes': 2,
      'source:discharge:tes→bus:heat': 1.5,
      'plant:gb→bus:heat': 10,
      'source:fuel:gas→plant:gb': 12.5, // 10 MWh at 80 %
      'plant:gb→sink:losses': 2.5,
      'bus:heat→sink:dump:cool': 1,
      'bus:heat→sink:demand:heat': 8.5,
    });
    for (const v of Object.values(sankeyImbalance(s))) expect(Math.abs(v)).toBeLessThan(1e-6);
  });
});
