import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { displayName } from './names';

// A stand-in t that shows which key and values a name is built from.
const t = ((key: string, o?: Record<string, unknown>) =>
  o
    ? `${key}(${Object.entries(o)
        .filter(([k]) => k !== 'defaultValue')
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(',')})`
    : key) as unknown as TFunction;

describe('displayName', () => {
  const names = { chp: 'BHKW', tes: 'Wärmespeicher' };
  it('shows technologies under the names the user gave them', () => {
    expect(displayName(t, 'chp', names)).toBe('BHKW');
    expect(displayName(t, 'plant:chp', names)).toBe('BHKW');
    expect(displayName(t, 'chp.heat_out_kW', names)).toBe('results.names.flow.heat_out(tech=BHKW)');
    expect(displayName(t, 'source:discharge:tes', names)).toBe('results.names.discharge(tech=Wärmespeicher)');
    expect(displayName(t, 'sink:charge:tes', names)).toBe('results.names.charge(tech=Wärmespeicher)');
  });
  it('falls back to the id for technologies the project no longer has, and keeps other keys', () => {
    expect(displayName(t, 'gb', names)).toBe('gb');
    expect(displayName(t, 'gb.heat_out_kW')).toBe('results.names.flow.heat_out(tech=gb)');
    expect(displayName(t, 'cost:fuel', names)).toBe('views:costCategory.fuel');
    expect(displayName(t, 'sink:demand:heat', names)).toBe('results.names.demandHeat');
    // fuels by their name in the user's language ("Erdgas"), not their key
    expect(displayName(t, 'source:fuel:gas', names)).toBe('results.names.fuel(fuel=planner.fuelNames.gas())');
    expect(displayName(t, 'hour')).toBe('results.names.hour');
  });
  it('names cost categories as the report does, from the results views, in the user’s language', () => {
    expect(displayName(t, 'cost:fuel', {}, 'de')).toBe('Brennstoff');
    expect(displayName(t, 'cost:annuity', {}, 'en')).toBe('Capital cost (annuity)');
  });
});
