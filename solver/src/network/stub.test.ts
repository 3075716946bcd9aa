import { describe, expect, it } from 'vitest';
import { designNetwork, networkParams, readNetworkGeoJson } from './stub';

describe('network stand-ins (temporary)', () => {
  it('reads a FeatureCollection and refuses anything else', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 's1' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [300, 400],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { id: 'b1', heat_MWh_a: 20 },
          geometry: { type: 'Point', coordinates: [10, 5] },
        },
        {
          type: 'Feature',
          properties: { id: 'p', kind: 'plant' },
          geometry: { type: 'Point', coordinates: [0, 0] },
        },
      ],
    };
    const { input, issues } = readNetworkGeoJson(JSON.stringify(fc));
    expect(issues).toEqual([]);
    expect(input?.streets[0].points[1]).toEqual({ x_m: 300, y_m: 400 });
    expect(input?.buildings).toEqual([{ id: 'b1', at: { x_m: 10, y_m: 5 }, heat_MWh_a: 20 }]);
    expect(readNetworkGeoJson('{').issues[0].code).toBe('notFeatureCollection');
    // the fixed design: trunk 500 m (3-4-5), connection 5 m, density 20 MWh / 500 m
    const d = designNetwork(input!, networkParams({ maxVelocity_m_s: undefined }));
    expect(d.summary.trunkLength_m).toBe(500);
    expect(d.summary.connectionLength_m).toBe(5);
    expect(d.summary.linearHeatDensity_MWh_m_a).toBeCloseTo(0.04, 12);
    expect(networkParams({ maxVelocity_m_s: undefined }).maxVelocity_m_s).toBe(2);
  });
});
