import { describe, expect, it } from 'vitest';
import { technologySchemas } from '../../../solver/src/project/schema';
import type { TechnologyType } from '../../../solver/src/project/types';
import de from '../i18n/areas/planner.de.json';
import en from '../i18n/areas/planner.en.json';
import { CAPACITY_UNIT, fieldsOf, fieldUnit, TECH_FIELDS } from './techFields';

type Prop = {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: unknown[];
};
const schemaOf = (type: TechnologyType) => {
  const s = technologySchemas.find((x) => x.properties.type.const === type)!;
  return { props: s.properties as Record<string, Prop>, required: s.required ?? [] };
};
const TYPES = Object.keys(CAPACITY_UNIT) as TechnologyType[];

describe('technology fields (one table for the plants forms and the scenario labels)', () => {
  it('name only properties the project format has, with the format’s bounds in shown units', () => {
    for (const f of TECH_FIELDS)
      for (const type of f.types ?? TYPES) {
        const p = schemaOf(type).props[f.key];
        expect(p, `${type}.${f.key}`).toBeDefined();
        if (f.kind !== 'number') continue;
        const scale = f.scale ?? 1;
        const lower = p.minimum ?? p.exclusiveMinimum;
        if (lower !== undefined) expect(f.min, `${type}.${f.key} min`).toBe(lower * scale);
        if (p.maximum !== undefined) expect(f.max, `${type}.${f.key} max`).toBe(p.maximum * scale);
        expect(!!f.exclusiveMin, `${type}.${f.key} exclusive`).toBe(p.exclusiveMinimum !== undefined);
      }
  });

  it('let the user fill in every property the format requires', () => {
    for (const type of TYPES) {
      const shown = TECH_FIELDS.filter((f) => !f.types || f.types.includes(type)).map((f) => f.key);
      for (const key of schemaOf(type).required.filter((k) => k !== 'id' && k !== 'type'))
        expect(shown, `${type} needs a field for ${key}`).toContain(key);
    }
  });

  it('have labels in German and English', () => {
    const fields = (d: unknown) =>
      (d as { planner: { tech: { fields: Record<string, string> } } }).planner.tech.fields;
    for (const f of TECH_FIELDS) {
      expect(fields(de)[f.label], f.label).toBeTruthy();
      expect(fields(en)[f.label], f.label).toBeTruthy();
    }
  });

  it('resolve capacity units per type and show conditional fields only when they apply', () => {
    expect(fieldUnit({ unit: 'EUR/cap' }, 'chp')).toBe('EUR/kW el');
    expect(fieldUnit({ unit: 'cap' }, 'solarThermal')).toBe('m²');
    expect(fieldUnit({}, 'boiler')).toBe('');
    const hp = { id: 'hp', type: 'heatPump', heatSource: 'air' } as Parameters<typeof fieldsOf>[0];
    expect(fieldsOf(hp).map((f) => f.key)).not.toContain('groundTemp_C');
    expect(fieldsOf({ ...hp, heatSource: 'ground' } as typeof hp).map((f) => f.key)).toContain(
      'groundTemp_C',
    );
    expect(fieldsOf({ id: 'b', type: 'boiler' } as typeof hp).map((f) => f.key)).toEqual([
      'name',
      'capex_EUR_per_unit',
      'lifetime_a',
      'fixedOm_share',
      'varOm_EUR_kWh',
      'subsidy_share',
      'min',
      'max',
      'existing',
      // transformation path: when the existing capacity went into service, right after it
      'commissioned_year',
      'fuel',
      'efficiency',
    ]);
  });

  it('follow the annotated properties of each type, in the format’s order', () => {
    const base = ['name', 'capex_EUR_per_unit', 'lifetime_a', 'fixedOm_share', 'varOm_EUR_kWh'];
    const common = [...base, 'subsidy_share', 'min', 'max', 'existing', 'commissioned_year'];
    const own = (type: TechnologyType) =>
      TECH_FIELDS.filter((f) => f.types?.includes(type)).map((f) => f.key);
    expect(TECH_FIELDS.filter((f) => !f.types).map((f) => f.key)).toEqual(common);
    expect(own('chp')).toEqual(['fuel', 'efficiencyEl', 'efficiencyTh', 'minLoad_share', 'bonus_EUR_kWhEl']);
    expect(own('heatPump')).toEqual([
      'heatSource',
      'carnotEfficiency',
      'supplyTemp_C',
      'sourceDelta_K',
      'groundTemp_C',
      'copMin',
      'copMax',
      'defrostLoss_share',
      'defrostBelow_C',
      'supplyMode',
      'designOutdoor_C',
      'heatingLimit_C',
      'supplyMin_C',
    ]);
    expect(own('pv')).toEqual(['yieldSeries', 'curtailable']);
    // minPower_kW has no planner annotation, so no form field
    expect(own('battery')).toEqual([
      'capexPower_EUR_kW',
      'efficiencyCharge',
      'efficiencyDischarge',
      'selfDischarge_per_h',
      'maxPower_kW',
    ]);
    expect(own('heatStorage')).toEqual([
      'efficiencyCharge',
      'efficiencyDischarge',
      'loss_per_h',
      'cRate_per_h',
    ]);
    expect(own('heatDump')).toEqual([]);
    expect(TECH_FIELDS.find((f) => f.key === 'selfDischarge_per_h')).toEqual({
      key: 'selfDischarge_per_h',
      label: 'selfDischarge',
      kind: 'number',
      unit: '%/h',
      scale: 100,
      min: 0,
      max: 100,
      required: true,
      types: ['battery'],
    });
    expect(TECH_FIELDS.find((f) => f.key === 'curtailable')?.kind).toBe('check');
  });
});
