import { describe, expect, it } from 'vitest';
import { defaultNetworkParams } from './defaults';
import { defaultPipes } from './catalogue';

describe('defaultNetworkParams', () => {
  const p = defaultNetworkParams();

  it('has the documented defaults', () => {
    expect([p.supplyTemperature_C, p.returnTemperature_C]).toEqual([75, 45]);
    expect([p.soilTemperature_C, p.soilTemperatureAmplitude_K]).toEqual([10, 0]);
    expect([p.coverDepth_m, p.soilConductivity_W_mK]).toEqual([0.8, 1.5]);
    expect([p.maxPressureGradient_Pa_m, p.maxVelocity_m_s, p.roughness_mm]).toEqual([150, 2.5, 0.05]);
    expect([p.pumpEfficiency, p.houseConnectionExtra_m, p.maxHouseConnection_m, p.fullLoadHours_h]).toEqual([
      0.7, 2, 100, 1800,
    ]);
    expect([p.forcedStreets, p.forbiddenStreets, p.excludedBuildings]).toEqual([[], [], []]);
  });

  it('uses the catalogue for its own cover depth and soil conductivity', () => {
    expect(p.pipes).toEqual(defaultPipes(0.8, 1.5));
  });

  it('gives a source or "Annahme" for every numeric field and the catalogue', () => {
    const fields = Object.entries(p)
      .filter(([, v]) => typeof v === 'number')
      .map(([k]) => k);
    expect(fields).toHaveLength(13);
    for (const f of [...fields, 'pipes']) expect(p.sources[f], f).toMatch(/\S/);
    for (const f of fields) expect(p.sources[f], f).toMatch(/Annahme|EN |AGFW/);
  });

  it('returns a fresh object each time (callers may change it)', () => {
    const q = defaultNetworkParams();
    q.forcedStreets.push('s1');
    expect(defaultNetworkParams().forcedStreets).toEqual([]);
  });
});
