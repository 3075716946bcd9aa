import { describe, expect, it } from 'vitest';
import { networkResult } from './result';
import type { DesignedPipe, NetworkDesign } from './types';

const pipe = (
  id: string,
  kind: 'trunk' | 'connection',
  dn: number,
  length_m: number,
  cost_EUR: number,
): DesignedPipe => ({
  id,
  kind,
  dn,
  length_m,
  cost_EUR,
  points: [
    { x_m: 0.04, y_m: 0 },
    { x_m: length_m, y_m: 0.06 },
  ],
  innerDiameter_m: 0.1,
  designFlow_kg_s: 1,
  velocity_m_s: 1,
  pressureGradient_Pa_m: 100,
  heatLossCoefficient_W_mK: 0.2,
  buildingsDownstream: 1,
});

describe('network result', () => {
  const hours = 8784; // 2024 is a leap year
  const design = {
    epsg: 25832,
    pipes: [
      pipe('trunk:1', 'trunk', 50, 100, 1000),
      pipe('trunk:2', 'trunk', 50, 20, 200),
      pipe('connection:a', 'connection', 25, 10, 50),
    ],
    summary: {} as NetworkDesign['summary'],
    lossesHourly_kW: new Float64Array(hours).fill(2),
    pumpHourly_kW: new Float64Array(hours),
    plantHourly_kW: new Float64Array(hours),
    served: ['a'],
    excluded: [],
    issues: [],
    seconds: 0,
  } satisfies NetworkDesign;

  it('sums lengths and costs per DN, trunk and connections apart', () => {
    expect(networkResult(design, 2024).byDn).toEqual([
      { dn: 25, trunkLength_m: 0, connectionLength_m: 10, cost_EUR: 50 },
      { dn: 50, trunkLength_m: 120, connectionLength_m: 0, cost_EUR: 1200 },
    ]);
  });

  it('sums the losses by month of the site year: 2 kW · 24 h · 29 days in February 2024 = 1.392 MWh', () => {
    const m = networkResult(design, 2024).lossesMonthly_MWh;
    expect(m[0]).toBeCloseTo((2 * 24 * 31) / 1000, 12);
    expect(m[1]).toBeCloseTo(1.392, 12);
    expect(m.reduce((a, b) => a + b, 0)).toBeCloseTo((2 * hours) / 1000, 9);
  });

  it('keeps the pipes for a map, rounded to 0.1 m', () => {
    expect(networkResult(design, 2024).pipes[0]).toEqual({
      id: 'trunk:1',
      kind: 'trunk',
      dn: 50,
      length_m: 100,
      points_m: [
        [0, 0],
        [100, 0.1],
      ],
    });
  });
});
