import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing';

const EXAMPLE = 'assets/examples/district-network.geojson';

describe('werkplan network design', () => {
  it('writes network.geojson and summary.json with the contract fields (example district)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'werkplan-net-'));
    const r = await runCli('network', 'design', EXAMPLE, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^128 buildings, trunk \d+ m/);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Record<
      string,
      number
    >;
    expect(Object.keys(summary)).toEqual([
      'buildings',
      'trunkLength_m',
      'connectionLength_m',
      'investment_EUR',
      'heatDelivered_MWh_a',
      'heatLoss_MWh_a',
      'heatLossShare',
      'pumpElectricity_MWh_a',
      'plantPeak_kW',
      'linearHeatDensity_MWh_m_a',
    ]);
    expect(summary.buildings).toBe(128);
    const geo = JSON.parse(readFileSync(path.join(out, 'network.geojson'), 'utf8')) as {
      type: string;
      crs?: unknown;
      features: {
        geometry: { type: string; coordinates: number[][] };
        properties: Record<string, unknown>;
      }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.crs).toBeUndefined(); // WGS84 in, WGS84 out (RFC 7946)
    const props = geo.features[0].properties;
    for (const k of [
      'dn',
      'innerDiameter_m',
      'length_m',
      'designFlow_kg_s',
      'velocity_m_s',
      'pressureGradient_Pa_m',
      'heatLossCoefficient_W_mK',
      'cost_EUR',
    ])
      expect(typeof props[k], k).toBe('number');
    expect(geo.features.every((f) => f.geometry.type === 'LineString')).toBe(true);
    const [lon, lat] = geo.features[0].geometry.coordinates[0];
    expect(lon).toBeCloseTo(13.07, 1);
    expect(lat).toBeCloseTo(52.39, 1);
    const trunk = geo.features.filter((f) => f.properties.kind === 'trunk');
    const length = trunk.reduce((s, f) => s + (f.properties.length_m as number), 0);
    expect(length).toBeCloseTo(summary.trunkLength_m, 0);
    const cost = geo.features.reduce((s, f) => s + (f.properties.cost_EUR as number), 0);
    expect(cost).toBeCloseTo(summary.investment_EUR, -1);
  });

  it('reports bad input located, in German with --lang de, and exits 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'werkplan-net-'));
    const file = path.join(dir, 'bad.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [13, 52] }, properties: { id: 'h1' } },
        ],
      }),
    );
    const r = await runCli('network', 'design', file, '--lang', 'de', '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Objekt 1 (h1): Dem Gebäude fehlt der jährliche Wärmebedarf');
    expect(r.err).toContain('Es gibt keinen Erzeugerstandort');
  });

  it('refuses a parameter file with a wrong field, naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'werkplan-net-'));
    const params = path.join(dir, 'p.json');
    writeFileSync(params, JSON.stringify({ supplyTemperature_C: 'hot' }));
    const r = await runCli('network', 'design', EXAMPLE, '--params', params, '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/p\.json: \/supplyTemperature_C: /);
  });
});
