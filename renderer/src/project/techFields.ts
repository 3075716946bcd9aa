import type { Technology, TechnologyType } from '../../../solver/src/project/types';
import { CAPACITY_UNITS } from '../../../solver/src/results/capacity';

/**
 * The editable fields of a technology, once: the plants forms (pages/plants/sections.tsx) render
 * them, and the scenario diff and sweep (pages/scenarios/labels.ts) label pointers with them.
 * A new field of the project format gets one entry here.
 */

/**
 * Capacity unit of each technology type (what capex, min, max and existing are per), from the one
 * definition the results use too (solver/src/results/capacity.ts).
 */
export const CAPACITY_UNIT: Record<TechnologyType, string> = CAPACITY_UNITS;

export type TechFieldKind = 'number' | 'text' | 'fuel' | 'yieldSeries' | 'heatSource' | 'check';

export interface TechField {
  /** Property of the technology (the last segment of its JSON pointer). */
  key: string;
  /** Label: i18n key below planner.tech.fields. */
  label: string;
  kind: TechFieldKind;
  /** Unit as shown; `cap` is the type's capacity unit, `EUR/cap` the investment per it. */
  unit?: string;
  /** Shown value = stored value × scale (shares in %). */
  scale?: number;
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  required?: boolean;
  /** i18n key of a hint below the field. */
  hint?: string;
  /** Types that have the field; all when absent. */
  types?: TechnologyType[];
  /** Shown only when this holds (e.g. ground temperature for ground-source heat pumps). */
  when?: (t: Technology) => boolean;
  /** Adds data-testid `<tech id>-<testId>`. */
  testId?: string;
}

const share = { unit: '%', scale: 100 } as const;
const efficiency = {
  kind: 'number',
  ...share,
  min: 0,
  exclusiveMin: true,
  max: 100,
  required: true,
} as const;

export const TECH_FIELDS: readonly TechField[] = [
  { key: 'name', label: 'name', kind: 'text' },
  {
    key: 'capex_EUR_per_unit',
    label: 'capex',
    kind: 'number',
    unit: 'EUR/cap',
    min: 0,
    required: true,
    testId: 'capex',
  },
  { key: 'lifetime_a', label: 'lifetime', kind: 'number', unit: 'a', min: 1, max: 100, required: true },
  { key: 'fixedOm_share', label: 'fixedOm', kind: 'number', ...share, min: 0, max: 100, required: true },
  { key: 'varOm_EUR_kWh', label: 'varOm', kind: 'number', unit: 'EUR/kWh', min: 0 },
  {
    key: 'subsidy_share',
    label: 'subsidy',
    kind: 'number',
    ...share,
    min: 0,
    max: 100,
    hint: 'planner.tech.subsidyHint',
  },
  { key: 'min', label: 'min', kind: 'number', unit: 'cap', min: 0 },
  { key: 'max', label: 'max', kind: 'number', unit: 'cap', min: 0, testId: 'max' },
  { key: 'existing', label: 'existing', kind: 'number', unit: 'cap', min: 0 },
  { key: 'fuel', label: 'fuel', kind: 'fuel', types: ['boiler', 'chp'] },
  { key: 'efficiency', label: 'efficiency', ...efficiency, types: ['boiler', 'electricBoiler'] },
  { key: 'efficiencyEl', label: 'efficiencyEl', ...efficiency, types: ['chp'] },
  { key: 'efficiencyTh', label: 'efficiencyTh', ...efficiency, types: ['chp'] },
  { key: 'minLoad_share', label: 'minLoad', kind: 'number', ...share, min: 0, max: 100, types: ['chp'] },
  { key: 'bonus_EUR_kWhEl', label: 'bonus', kind: 'number', unit: 'EUR/kWh el', min: 0, types: ['chp'] },
  { key: 'heatSource', label: 'heatSource', kind: 'heatSource', types: ['heatPump'] },
  { key: 'carnotEfficiency', label: 'carnot', ...efficiency, types: ['heatPump'] },
  {
    key: 'supplyTemp_C',
    label: 'supplyTemp',
    kind: 'number',
    unit: '°C',
    min: 20,
    max: 120,
    required: true,
    types: ['heatPump'],
  },
  {
    key: 'sourceDelta_K',
    label: 'sourceDelta',
    kind: 'number',
    unit: 'K',
    min: 0,
    max: 30,
    required: true,
    types: ['heatPump'],
  },
  {
    key: 'groundTemp_C',
    label: 'groundTemp',
    kind: 'number',
    unit: '°C',
    min: -10,
    max: 40,
    types: ['heatPump'],
    when: (t) => t.type === 'heatPump' && t.heatSource === 'ground',
  },
  { key: 'copMin', label: 'copMin', kind: 'number', min: 1, required: true, types: ['heatPump'] },
  { key: 'copMax', label: 'copMax', kind: 'number', min: 1, max: 20, required: true, types: ['heatPump'] },
  { key: 'yieldSeries', label: 'yieldSeries', kind: 'yieldSeries', types: ['pv', 'solarThermal'] },
  { key: 'curtailable', label: 'curtailable', kind: 'check', types: ['pv', 'solarThermal'] },
  { key: 'efficiencyCharge', label: 'efficiencyCharge', ...efficiency, types: ['battery', 'heatStorage'] },
  {
    key: 'efficiencyDischarge',
    label: 'efficiencyDischarge',
    ...efficiency,
    types: ['battery', 'heatStorage'],
  },
  {
    key: 'capexPower_EUR_kW',
    label: 'capexPower',
    kind: 'number',
    unit: 'EUR/kW',
    min: 0,
    required: true,
    types: ['battery'],
  },
  {
    key: 'selfDischarge_per_h',
    label: 'selfDischarge',
    kind: 'number',
    unit: '%/h',
    scale: 100,
    min: 0,
    max: 100,
    required: true,
    types: ['battery'],
  },
  { key: 'maxPower_kW', label: 'maxPower', kind: 'number', unit: 'kW', min: 0, types: ['battery'] },
  {
    key: 'loss_per_h',
    label: 'loss',
    kind: 'number',
    unit: '%/h',
    scale: 100,
    min: 0,
    max: 100,
    required: true,
    types: ['heatStorage'],
  },
  {
    key: 'cRate_per_h',
    label: 'cRate',
    kind: 'number',
    unit: '1/h',
    min: 0,
    exclusiveMin: true,
    required: true,
    types: ['heatStorage'],
  },
];

/** The fields a technology's form shows, in form order. */
export const fieldsOf = (tech: Technology): TechField[] =>
  TECH_FIELDS.filter((f) => (!f.types || f.types.includes(tech.type)) && (!f.when || f.when(tech)));

/** The field's unit for a technology type (capacity units resolved). */
export function fieldUnit(f: Pick<TechField, 'unit'>, type: TechnologyType): string {
  const cap = CAPACITY_UNIT[type];
  return f.unit === 'cap' ? cap : f.unit === 'EUR/cap' ? `EUR/${cap}` : (f.unit ?? '');
}

/** A field by its property name (for labelling pointers). */
export const techField = (key: string): TechField | undefined => TECH_FIELDS.find((f) => f.key === key);
