import { PLANNER, technologySchemas, type PlannerAnnotation, CAPACITY_UNITS } from '../../../solver/src';
import type { Technology, TechnologyType } from '../../../solver/src';

/**
 * The editable fields of a technology, once: the plants forms (pages/plants/sections.tsx) render
 * them, and the scenario diff and sweep (pages/scenarios/labels.ts) label pointers with them.
 * Which fields exist, for which types, their bounds and whether they are required come from the
 * project format's definition (solver/src/project/schema.ts); label key, input kind, shown unit
 * and scale from its `x-planner` annotation there. A new field of the format gets an annotation
 * there (and its labels in i18n/areas/planner.*.json).
 */

/**
 * Capacity unit of each technology type (what capex, min, max and existing are per), from the one
 * definition the results use too (solver/src/results/capacity.ts).
 */
export const CAPACITY_UNIT: Record<TechnologyType, string> = CAPACITY_UNITS;

export type TechFieldKind =
  'number' | 'text' | 'fuel' | 'yieldSeries' | 'heatSource' | 'supplyMode' | 'check';

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

/** Shown only when this holds: form logic, not part of the format. */
const WHEN: Partial<Record<string, (t: Technology) => boolean>> = {
  groundTemp_C: (t) => t.type === 'heatPump' && t.heatSource !== 'air',
  defrostLoss_share: (t) => t.type === 'heatPump' && t.heatSource === 'air',
  defrostBelow_C: (t) => t.type === 'heatPump' && t.heatSource === 'air',
  designOutdoor_C: (t) => t.type === 'heatPump' && t.supplyMode === 'curve',
  heatingLimit_C: (t) => t.type === 'heatPump' && t.supplyMode === 'curve',
  supplyMin_C: (t) => t.type === 'heatPump' && t.supplyMode === 'curve',
};

interface PropSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  [PLANNER]?: PlannerAnnotation;
}

/** One field from an annotated property of the format (bounds converted to shown units). */
function fieldOf(key: string, p: PropSchema, ann: PlannerAnnotation, required: boolean): TechField {
  const kind: TechFieldKind = ann.kind ?? (p.type === 'boolean' ? 'check' : 'number');
  const f: TechField = { key, label: ann.label, kind };
  if (ann.unit !== undefined) f.unit = ann.unit;
  if (ann.scale !== undefined) f.scale = ann.scale;
  if (kind === 'number') {
    const scale = ann.scale ?? 1;
    const lower = p.minimum ?? p.exclusiveMinimum;
    if (lower !== undefined) f.min = lower * scale;
    if (p.maximum !== undefined) f.max = p.maximum * scale;
    if (p.exclusiveMinimum !== undefined) f.exclusiveMin = true;
  }
  // select and check inputs always hold a value
  if (required && (kind === 'number' || kind === 'text')) f.required = true;
  if (ann.hint !== undefined) f.hint = ann.hint;
  if (WHEN[key]) f.when = WHEN[key];
  if (ann.testId !== undefined) f.testId = ann.testId;
  return f;
}

/**
 * The fields, derived from the project format (solver/src/project/schema.ts): every technology
 * property with a planner annotation, in the order the types' schemas first name it.
 */
function deriveFields(): TechField[] {
  const fields = new Map<string, TechField>();
  const typesOf = new Map<string, TechnologyType[]>();
  for (const schema of technologySchemas) {
    const type = schema.properties.type.const;
    const required: readonly string[] = schema.required ?? [];
    for (const [key, prop] of Object.entries(schema.properties as Record<string, PropSchema>)) {
      const ann = prop[PLANNER];
      if (!ann) continue;
      if (!fields.has(key)) fields.set(key, fieldOf(key, prop, ann, required.includes(key)));
      typesOf.set(key, [...(typesOf.get(key) ?? []), type]);
    }
  }
  const all = technologySchemas.length;
  return [...fields.values()].map((f) => {
    const types = typesOf.get(f.key)!;
    return types.length === all ? f : { ...f, types };
  });
}

export const TECH_FIELDS: readonly TechField[] = deriveFields();

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
