import { describe, expect, it } from 'vitest';
import { defaultNetworkParams } from './defaults';
import { chooseDn } from './hydraulics';
import { buildingPeak_kW, sizeNetwork, trunkPreorder } from './sizing';
import { longLine, starAtOneNode, threeBuildingLine } from './testing';

const params = defaultNetworkParams(); // 75/45 °C: mean 60 °C, cp 4180.8 J/(kg·K), ρ 983.60, μ 466.26e-6

describe('buildingPeak_kW', () => {
  it('takes the given peak, else heat / full-load hours', () => {
    expect(buildingPeak_kW({ id: 'a', at: { x_m: 0, y_m: 0 }, heat_MWh_a: 90, peak_kW: 70 }, 1800)).toBe(70);
    expect(buildingPeak_kW({ id: 'b', at: { x_m: 0, y_m: 0 }, heat_MWh_a: 90 }, 1800)).toBe(50); // 90 000 kWh / 1800 h
  });
});

describe('trunkPreorder', () => {
  it('puts the entry feeding a node before those leaving it, whatever the input order', () => {
    const { routed } = longLine(4, 10); // trunk given leaf first: 3→4, 2→3, 1→2, 0→1
    expect(trunkPreorder(routed).map((i) => routed.trunk[i].to)).toEqual([1, 2, 3, 4]);
  });
});

describe('sizeNetwork: plant — 100 m — B1 — 100 m — B2 — 100 m — B3, 50 kW each', () => {
  const { graph, routed, buildings } = threeBuildingLine();
  const { pipes, issues } = sizeNetwork(graph, routed, buildings, params);
  const pipe = (id: string) => pipes.find((p) => p.id === id)!;

  it('sizes every trunk edge and house connection without issues', () => {
    expect(issues).toEqual([]);
    expect(pipes.map((p) => p.id)).toEqual([
      'trunk:0',
      'trunk:1',
      'trunk:2',
      'connection:B1',
      'connection:B2',
      'connection:B3',
    ]);
  });

  it('first edge: 3 buildings, GLF(3) = 0.997538, 1.1930 kg/s, DN50 at 57.0 Pa/m', () => {
    // GLF(3) = 0.449677646 + 0.551234688 / (1 + (3/53.84382798)^1.762743163) = 0.997538
    // Q = 150 kW · 0.997538 = 149.6307 kW; ṁ = 149630.7 / (4180.8 · 30) = 1.192999 kg/s
    // DN40 (D 43.1 mm): v = 0.8313 m/s, Re 75587, f 0.023495, R = 185.3 Pa/m > 150 → too small
    // DN50 (D 54.5 mm): v = 0.5199 m/s, f 0.0233725, R = 57.01 Pa/m (hydraulics.test.ts) → DN50
    const p = pipe('trunk:0');
    expect(p.buildingsDownstream).toBe(3);
    expect(p.designFlow_kg_s).toBeCloseTo(1.192999, 5);
    expect(p.dn).toBe(50);
    expect(p.innerDiameter_m).toBeCloseTo(0.0545, 10);
    expect(p.velocity_m_s).toBeCloseTo(0.51992, 4);
    expect(p.pressureGradient_Pa_m).toBeCloseTo(57.01, 1);
    expect(p.length_m).toBe(100);
    expect(p.cost_EUR).toBe(82_000); // 820 EUR/m · 100 m
  });

  it('second edge: 2 buildings, GLF(2) = 0.999256, 0.79670 kg/s, DN40 at 86.5 Pa/m', () => {
    // ṁ = 100 kW · 0.999256 · 1000 / (4180.8 · 30) = 0.796702 kg/s
    // DN32 (D 37.2 mm): v = 0.7452, Re 58484, R = 181.3 Pa/m > 150; DN40: v = 0.5552 m/s,
    // Re = 983.6 · 0.5552 · 0.0431 / 466.26e-6 = 50478, f = 0.024606, R = 0.024606/0.0431 · 983.6 · 0.5552²/2 = 86.54
    const p = pipe('trunk:1');
    expect(p.buildingsDownstream).toBe(2);
    expect(p.designFlow_kg_s).toBeCloseTo(0.796702, 5);
    expect(p.dn).toBe(40);
    expect(p.pressureGradient_Pa_m).toBeCloseTo(86.54, 1);
    expect(p.cost_EUR).toBe(78_000);
  });

  it('last edge and every house connection: 1 building, GLF(1) = 1.000423, 0.39882 kg/s, DN32', () => {
    // ṁ = 50 kW · 1.000423 · 1000 / (4180.8 · 30) = 0.398817 kg/s (B3's 50 kW from 90 MWh/a / 1800 h)
    // DN25 (D 28.5 mm): R = 188.2 Pa/m > 150; DN32 (D 37.2 mm): v = 0.3731 m/s, Re 29276, f 0.027048, R = 49.77
    for (const id of ['trunk:2', 'connection:B1', 'connection:B2', 'connection:B3']) {
      const p = pipe(id);
      expect(p.buildingsDownstream, id).toBe(1);
      expect(p.designFlow_kg_s, id).toBeCloseTo(0.398817, 5);
      expect(p.dn, id).toBe(32);
      expect(p.pressureGradient_Pa_m, id).toBeCloseTo(49.77, 1);
    }
    expect(pipe('connection:B1').cost_EUR).toBe(7_500); // 750 EUR/m · 10 m
    expect(pipe('connection:B1').kind).toBe('connection');
  });

  it('draws trunk pipes from upstream to downstream, turning edges stored the other way', () => {
    expect(pipe('trunk:0').points.map((p) => p.x_m)).toEqual([0, 100]);
    expect(pipe('trunk:1').points.map((p) => p.x_m)).toEqual([100, 200]); // edge 1 is stored 2 → 1
    expect(graph.edges[1].points.map((p) => p.x_m)).toEqual([200, 100]); // and is left untouched
  });

  it('takes U from the catalogue row', () => {
    const dn50 = params.pipes.find((p) => p.dn === 50)!;
    expect(pipe('trunk:0').heatLossCoefficient_W_mK).toBe(dn50.heatLossCoefficient_W_mK);
  });
});

describe('sizeNetwork: simultaneity makes the pipe one size smaller', () => {
  it('100 buildings of 20 kW: DN100 with GLF, DN125 without', () => {
    // Without: ṁ = 2000 kW · 1000 / (4180.8 · 30) = 15.9459 kg/s → DN100 264.3 Pa/m > 150, DN125 89.6 Pa/m → DN125
    // With GLF(100) = 0.588245: Q = 1176.49 kW, ṁ = 9.38011 kg/s → DN80 358.0 Pa/m, DN100 95.0 Pa/m → DN100
    const { graph, routed, buildings } = starAtOneNode(100, 20);
    const { pipes, issues } = sizeNetwork(graph, routed, buildings, params);
    const trunk = pipes.find((p) => p.id === 'trunk:0')!;
    expect(issues).toEqual([]);
    expect(trunk.buildingsDownstream).toBe(100);
    expect(trunk.designFlow_kg_s).toBeCloseTo(9.38011, 4);
    expect(trunk.dn).toBe(100);
    expect(trunk.pressureGradient_Pa_m).toBeCloseTo(95.0, 0);
    expect(chooseDn(15.945911, 60, params)?.dn).toBe(125);
  });
});

describe('sizeNetwork: no pipe large enough', () => {
  it('lays the largest pipe and reports an error with the figures', () => {
    // 100 kW each on the line, catalogue cut at DN50: first edge ṁ = 300 · 0.997538 · 1000 / 125424 = 2.385998 kg/s
    // DN50: v = 1.0398 m/s, Re 119552, f 0.021687, R = 211.6 Pa/m > 150 → no pipe; DN50 is laid, the issue names it.
    const { graph, routed, buildings } = threeBuildingLine();
    const big = buildings.map((b) => ({ ...b, peak_kW: 100 }));
    const small = { ...params, pipes: params.pipes.filter((p) => p.dn <= 50) };
    const { pipes, issues } = sizeNetwork(graph, routed, big, small);
    expect(pipes).toHaveLength(6);
    expect(pipes[0].dn).toBe(50);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'noPipeLargeEnough', id: 'trunk:0', severity: 'error' });
    expect(issues[0].values).toMatchObject({
      flow_kg_s: 2.39,
      load_kW: 299,
      buildings: 3,
      dn: 50,
      velocity_m_s: 1.04,
    });
    expect(issues[0].values!.pressureGradient_Pa_m).toBe(212);
  });

  it('reports every pipe when the catalogue is empty, and lays none', () => {
    const { graph, routed, buildings } = threeBuildingLine();
    const { pipes, issues } = sizeNetwork(graph, routed, buildings, { ...params, pipes: [] });
    expect(pipes).toEqual([]);
    expect(issues).toHaveLength(6);
  });
});

describe('sizeNetwork: speed', () => {
  it('sizes 5,000 buildings on one 5,000-edge line (the deepest tree) in well under a second', () => {
    const { graph, routed, buildings } = longLine(5000, 10);
    const start = performance.now();
    const { pipes, issues } = sizeNetwork(graph, routed, buildings, params);
    const ms = performance.now() - start;
    expect(pipes).toHaveLength(10_000);
    expect(pipes.find((p) => p.id === 'trunk:0')!.buildingsDownstream).toBe(5000);
    expect(issues).toHaveLength(0);
    expect(ms).toBeLessThan(1000);
  });
});
