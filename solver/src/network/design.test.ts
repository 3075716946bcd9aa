import { describe, expect, it } from 'vitest';
import { designNetwork, NetworkInputError, networkParams } from './design';
import { simultaneityFactor } from './simultaneity';
import type { NetworkInput } from './types';
import { waterSpecificHeat_J_kgK } from './water';

/** One street of 300 m, the plant 10 m off its start, three houses 10 m off the street at 100, 200, 300 m. */
const line: NetworkInput = {
  epsg: 25832,
  streets: [
    {
      id: 's',
      points: [
        { x_m: 0, y_m: 0 },
        { x_m: 300, y_m: 0 },
      ],
    },
  ],
  plants: [{ id: 'p', at: { x_m: 0, y_m: -10 } }],
  buildings: [100, 200, 300].map((x, i) => ({
    id: `h${i + 1}`,
    at: { x_m: x, y_m: 10 },
    heat_MWh_a: 90,
    peak_kW: 50,
  })),
};

describe('network design end to end', () => {
  const params = networkParams();
  const d = designNetwork(line, params, { demandShape: new Float64Array(8760).fill(1) });

  it('lays the plant line, the street and three house connections (hand-computed lengths)', () => {
    const extra = params.houseConnectionExtra_m;
    expect(d.summary.buildings).toBe(3);
    expect(d.summary.trunkLength_m).toBeCloseTo(10 + 300, 9);
    expect(d.summary.connectionLength_m).toBeCloseTo(3 * (10 + extra), 9);
    expect(d.summary.heatDelivered_MWh_a).toBe(270);
    expect(d.summary.linearHeatDensity_MWh_m_a).toBeCloseTo(270 / (310 + 3 * (10 + extra)), 12);
    expect(d.summary.heatLossShare).toBeCloseTo(
      d.summary.heatLoss_MWh_a / (270 + d.summary.heatLoss_MWh_a),
      12,
    );
    expect(d.summary.investment_EUR).toBeCloseTo(
      d.pipes.reduce((s, p) => s + p.cost_EUR, 0),
      6,
    );
  });

  it('sizes the plant line for all three houses with simultaneity: ṁ = 150 kW · GLF(3) / (c_p · ΔT)', () => {
    const plantLine = d.pipes.find((p) => p.kind === 'trunk' && p.length_m === 10)!;
    const [ts, tr] = [params.supplyTemperature_C, params.returnTemperature_C];
    const cp = waterSpecificHeat_J_kgK((ts + tr) / 2);
    expect(simultaneityFactor(3)).toBeCloseTo(0.9975, 4);
    expect(plantLine.designFlow_kg_s).toBeCloseTo((150_000 * simultaneityFactor(3)) / (cp * (ts - tr)), 9);
    expect(plantLine.buildingsDownstream).toBe(3);
  });

  it('feeds in the demand plus the losses every hour, and reports the larger peak', () => {
    const h = 4000;
    expect(d.plantHourly_kW[h]).toBeCloseTo(270_000 / 8760 + d.lossesHourly_kW[h], 9);
    const designPeak = 150 * simultaneityFactor(3);
    expect(d.summary.plantPeak_kW).toBeCloseTo(designPeak + Math.max(...d.lossesHourly_kW), 9);
  });

  it('leaves out an excluded house and refuses supply below return', () => {
    const e = designNetwork(line, networkParams({ excludedBuildings: ['h3'] }));
    expect(e.served.sort()).toEqual(['h1', 'h2']);
    expect(e.excluded).toEqual(['h3']);
    expect(e.summary.trunkLength_m).toBeCloseTo(210, 9);
    expect(e.issues.map((i) => i.code)).toEqual(['flatDemandShape']);
    expect(() =>
      designNetwork(line, networkParams({ supplyTemperature_C: 40, returnTemperature_C: 45 })),
    ).toThrow(NetworkInputError);
  });

  it('recomputes the default pipes’ loss coefficients for another soil (λ 2.0 instead of 1.5: more loss)', () => {
    const wet = networkParams({ soilConductivity_W_mK: 2 });
    const dn100 = (p: ReturnType<typeof networkParams>) =>
      p.pipes.find((x) => x.dn === 100)!.heatLossCoefficient_W_mK;
    expect(dn100(wet)).toBeGreaterThan(dn100(params));
    expect(networkParams({ pipes: params.pipes.slice(0, 3) }).pipes).toHaveLength(3);
  });
});
