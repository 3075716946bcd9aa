import { describe, expect, it } from 'vitest';
import { cycleStreet, setStreetState, streetState, toggleBuilding } from './networkEdits';

describe('street and building choices', () => {
  it('cycles a street neutral → forced → forbidden → neutral, keeping other overrides', () => {
    const a = cycleStreet({ supplyTemperature_C: 70 }, 's1');
    expect(a).toEqual({ supplyTemperature_C: 70, forcedStreets: ['s1'] });
    expect(streetState(a, 's1')).toBe('forced');
    const b = cycleStreet(a, 's1');
    expect(b).toEqual({ supplyTemperature_C: 70, forbiddenStreets: ['s1'] });
    expect(streetState(b, 's1')).toBe('forbidden');
    expect(cycleStreet(b, 's1')).toEqual({ supplyTemperature_C: 70 });
    expect(streetState(undefined, 's1')).toBe('neutral');
  });

  it('leaves the other streets where they are', () => {
    const p = { forcedStreets: ['s1', 's2'], forbiddenStreets: ['s3'] };
    expect(cycleStreet(p, 's2')).toEqual({ forcedStreets: ['s1'], forbiddenStreets: ['s3', 's2'] });
    expect(cycleStreet(undefined, 's4')).toEqual({ forcedStreets: ['s4'] });
  });

  it('puts a street into a state directly', () => {
    const p = { forcedStreets: ['s1'], forbiddenStreets: ['s2'] };
    expect(setStreetState(p, 's2', 'forced')).toEqual({ forcedStreets: ['s1', 's2'] });
    expect(setStreetState(p, 's1', 'neutral')).toEqual({ forbiddenStreets: ['s2'] });
    expect(setStreetState(p, 's1', 'forced')).toEqual(p);
  });

  it('excludes a building and includes it again', () => {
    const a = toggleBuilding(undefined, 'b1');
    expect(a).toEqual({ excludedBuildings: ['b1'] });
    expect(toggleBuilding(toggleBuilding(a, 'b2'), 'b1')).toEqual({ excludedBuildings: ['b2'] });
    expect(toggleBuilding(a, 'b1')).toEqual({});
  });
});
