import { describe, expect, it } from 'vitest';
import { defaultNetworkParams } from './defaults';
import {
  designPathPressureDrop_Pa,
  operate,
  soilTemperature_C,
  SUBSTATION_PRESSURE_DROP_PA,
} from './operation';
import { sizeNetwork } from './sizing';
import { threeBuildingLine } from './testing';

const params = defaultNetworkParams();
const { graph, routed, buildings } = threeBuildingLine();
const { pipes } = sizeNetwork(graph, routed, buildings, params);
// Sized in sizing.test.ts: trunk:0 DN50 100 m 57.013 Pa/m, trunk:1 DN40 100 m 86.540 Pa/m,
// trunk:2 DN32 100 m 49.767 Pa/m, three connections DN32 10 m 49.767 Pa/m.
// Design peak at the plant: 150 kW · GLF(3) = 150 · 0.997538 = 149.6307 kW.
const designPeak_kW = 149.63072778;

describe('soilTemperature_C', () => {
  it('is the mean without amplitude', () => {
    expect(soilTemperature_C(1234, params)).toBe(10);
  });

  it('swings with the amplitude around the mean, highest on day 240', () => {
    const p = { ...params, soilTemperatureAmplitude_K: 5 };
    expect(soilTemperature_C(240 * 24, p)).toBeCloseTo(15, 12);
    // 1 January 00:00: 10 + 5 · cos(2π · (0 − 240)/365) = 10 + 5 · (−0.548843) = 7.255785
    expect(soilTemperature_C(0, p)).toBeCloseTo(7.255785, 6);
    expect(soilTemperature_C((240 + 182.5) * 24, p)).toBeCloseTo(5, 12);
  });
});

describe('designPathPressureDrop_Pa', () => {
  it('is the drop to the farthest building: B3 over all three edges and its connection', () => {
    // B3: 57.013 · 100 + 86.540 · 100 + 49.767 · 100 + 49.767 · 10 = 5701.31 + 8653.97 + 4976.70 + 497.67 = 19829.64 Pa
    expect(designPathPressureDrop_Pa(pipes, routed)).toBeCloseTo(19829.64, 1);
  });

  it('is 0 without buildings', () => {
    expect(designPathPressureDrop_Pa(pipes, { trunk: routed.trunk, connections: [] })).toBe(0);
  });
});

describe('operate: the three-building line', () => {
  // U (EN 13941-1 simplified, 0.8 m cover, λ_soil 1.5, λ_PUR 0.027):
  //   DN50 (60.3/140 mm, Z 0.87 m):   1 / (4.965106 + 0.340925) = 0.188465 W/(m·K)
  //   DN40 (48.3/125 mm, Z 0.8625 m): 1 / (5.605096 + 0.352031) = 0.167866
  //   DN32 (42.4/125 mm, Z 0.8625 m): 1 / (6.373067 + 0.352031) = 0.148697
  // Σ U·L = 0.188465 · 100 + 0.167866 · 100 + 0.148697 · (100 + 3 · 10) = 54.96367 W/K
  // Losses = Σ U·L · ((75 − 10) + (45 − 10)) = 54.96367 · 100 K = 5496.37 W = 5.49637 kW every hour
  const demand = new Float64Array([designPeak_kW, designPeak_kW / 2, 0, 20]);
  const run = operate(pipes, designPeak_kW, demand, params, 4, routed);

  it('loses 5.496 kW every hour at constant soil temperature', () => {
    for (const loss of run.lossesHourly_kW) expect(loss).toBeCloseTo(5.496367, 5);
    expect(run.heatLoss_MWh_a).toBeCloseTo((4 * 5.496367) / 1000, 8);
  });

  it('feeds in demand plus losses', () => {
    expect(run.plantHourly_kW[0]).toBeCloseTo(149.63073 + 5.496367, 4);
    expect(run.plantHourly_kW[2]).toBeCloseTo(5.496367, 5);
    expect(run.plantPeak_kW).toBeCloseTo(155.127095, 4);
  });

  it('pumps 0.155 kW at design, with the cube of the flow ratio below it', () => {
    // Head = 2 · 19829.64 + 50000 = 89659.29 Pa; V̇ = 149630.73 W / (4180.8 · 30 · 983.60) = 1.212891e-3 m³/s
    // P = 89659.29 · 1.212891e-3 / 0.7 = 155.353 W
    expect(run.designHead_Pa).toBeCloseTo(89659.29, 1);
    expect(SUBSTATION_PRESSURE_DROP_PA).toBe(50_000);
    expect(run.designPumpPower_kW).toBeCloseTo(0.155353, 6);
    expect(run.pumpHourly_kW[0]).toBeCloseTo(0.155353, 6);
    expect(run.pumpHourly_kW[1]).toBeCloseTo(0.155353 / 8, 6); // (1/2)³
    expect(run.pumpHourly_kW[2]).toBe(0);
    expect(run.pumpHourly_kW[3]).toBeCloseTo(0.155353 * (20 / designPeak_kW) ** 3, 8);
    expect(run.pumpElectricity_MWh_a).toBeCloseTo(
      (0.155353 * (1 + 1 / 8 + 0 + (20 / designPeak_kW) ** 3)) / 1000,
      8,
    );
  });

  it('a year at constant soil temperature loses 48.15 MWh', () => {
    // 5.496367 kW · 8760 h = 48148.2 kWh
    const year = operate(pipes, designPeak_kW, new Float64Array(8760), params, 8760, routed);
    expect(year.heatLoss_MWh_a).toBeCloseTo(48.1482, 3);
    expect(year.pumpElectricity_MWh_a).toBe(0);
  });

  it('loses less when the soil is warm', () => {
    // Hour 240 · 24 with amplitude 5 K: soil 15 °C, ΔT sum = 60 + 30 = 90 K → 54.96367 · 90 = 4.94673 kW
    const p = { ...params, soilTemperatureAmplitude_K: 5 };
    const year = operate(pipes, designPeak_kW, new Float64Array(8760), p, 8760, routed);
    expect(year.lossesHourly_kW[240 * 24]).toBeCloseTo(4.94673, 5);
    // Over a whole number of periods the cosine would average out; 8760 h = 365 days is exactly one.
    expect(year.heatLoss_MWh_a).toBeCloseTo(48.1482, 3);
  });

  it('refuses a demand series of the wrong length', () => {
    expect(() => operate(pipes, designPeak_kW, new Float64Array(3), params, 4, routed)).toThrow(RangeError);
  });
});
