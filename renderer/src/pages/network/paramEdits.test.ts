import { describe, expect, it } from 'vitest';
import { hasParamOverrides, PARAM_FIELDS, resetParams, setParam, temperatureConflict } from './paramEdits';

describe('network parameter overrides', () => {
  it('sets an override and removes it again, keeping the rest', () => {
    const a = setParam({ forcedStreets: ['s1'] }, 'coverDepth_m', 1.2);
    expect(a).toEqual({ forcedStreets: ['s1'], coverDepth_m: 1.2 });
    expect(setParam(a, 'coverDepth_m', undefined)).toEqual({ forcedStreets: ['s1'] });
    expect(setParam(undefined, 'pumpEfficiency', 0.8)).toEqual({ pumpEfficiency: 0.8 });
  });

  it('resets every numeric override but keeps the street and building lists and the paths', () => {
    const p = {
      supplyTemperature_C: 70,
      fullLoadHours_h: 2000,
      forcedStreets: ['s1'],
      forbiddenStreets: ['s2'],
      excludedBuildings: ['b1'],
      supplyTemperaturePath_C: { '2035': 60 },
    };
    expect(hasParamOverrides(p)).toBe(true);
    const r = resetParams(p);
    expect(r).toEqual({
      forcedStreets: ['s1'],
      forbiddenStreets: ['s2'],
      excludedBuildings: ['b1'],
      supplyTemperaturePath_C: { '2035': 60 },
    });
    expect(hasParamOverrides(r)).toBe(false);
    expect(resetParams(undefined)).toEqual({});
  });

  it('lists all 13 numeric parameters once', () => {
    expect(new Set(PARAM_FIELDS.map((f) => f.field)).size).toBe(13);
  });

  it('keeps the supply temperature above the return temperature', () => {
    const current = { supplyTemperature_C: 75, returnTemperature_C: 45 };
    const defaults = { supplyTemperature_C: 75, returnTemperature_C: 45 };
    expect(temperatureConflict(current, defaults, 'supplyTemperature_C', 46)).toBeNull();
    expect(temperatureConflict(current, defaults, 'supplyTemperature_C', 45)).toEqual({
      code: 'supplyAboveReturn',
      field: 'supplyTemperature_C',
      limit: 45,
    });
    expect(temperatureConflict(current, defaults, 'returnTemperature_C', 80)).toEqual({
      code: 'returnBelowSupply',
      field: 'returnTemperature_C',
      limit: 75,
    });
    // back to the default supply (75 °C) while the return is overridden to 80 °C
    const high = { supplyTemperature_C: 90, returnTemperature_C: 80 };
    expect(temperatureConflict(high, defaults, 'supplyTemperature_C', undefined)?.limit).toBe(80);
    expect(temperatureConflict(current, defaults, 'coverDepth_m', 1)).toBeNull();
  });
});
