import { beforeEach, describe, expect, it, vi } from 'vitest';
import { networkKey, useNetworkDesign } from './designStore';
import { figure } from './format';

vi.mock('../../../../solver/src', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../../solver/src')>();
  const f = await import('./testFixture');
  return {
    ...orig,
    readNetworkGeoJson: f.fakeRead,
    readNetworkCollection: f.fakeCollection,
    designNetwork: (...args: Parameters<typeof f.fakeDesign>) => {
      if (args[1].supplyTemperature_C === 999) throw new Error('boom');
      return f.fakeDesign(...args);
    },
  };
});

const fc = { type: 'FeatureCollection', features: [] };

beforeEach(() => {
  useNetworkDesign.setState({
    projectId: null,
    key: null,
    design: null,
    issues: [],
    busy: false,
    failed: false,
  });
});

describe('the design store', () => {
  it('designs from the stored network and remembers what from', async () => {
    await useNetworkDesign.getState().run('p1', { geojson: fc });
    const s = useNetworkDesign.getState();
    expect([s.projectId, s.busy, s.failed, s.design?.summary.buildings]).toEqual(['p1', false, false, 2]);
    expect(s.key).toBe(networkKey({ geojson: fc }));
    expect(networkKey(undefined)).toBe('');
  });

  it('fails without a design when the stored data has errors or the design throws', async () => {
    await useNetworkDesign.getState().run('p1', { geojson: { ...fc, bad: true } });
    expect(useNetworkDesign.getState()).toMatchObject({ failed: true, design: null, busy: false });
    expect(useNetworkDesign.getState().issues[0].code).toBe('missingHeat');
    await useNetworkDesign.getState().run('p1', { geojson: fc, params: { supplyTemperature_C: 999 } });
    expect(useNetworkDesign.getState()).toMatchObject({ failed: true, design: null, busy: false });
  });

  it('shows a missing or infinite figure as a dash', () => {
    expect(figure(1234.56, 'de')).toBe('1.234,6');
    expect(figure(1234.56, 'en', 0)).toBe('1,235');
    expect([figure(NaN, 'de'), figure(Infinity, 'en'), figure(undefined, 'de')]).toEqual(['–', '–', '–']);
  });
});
