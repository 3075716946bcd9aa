/**
 * How the report names what the user entered: fuels, series, technology fields and every JSON
 * pointer a scenario can change, in the words of the planner's forms (renderer/src/project/
 * techFields.ts and the planner's i18n texts; the report cannot import the renderer, so the labels
 * are repeated in the i18next namespace `labels` and tested against every pointer of the examples).
 * Units and scales are no translation and stay here.
 */
import { nameOf, type solverResources, t } from '../i18n';
import type { PriceSpec, Project, Technology } from '../project/types';
import { seriesRoleOfUnit } from '../timeseries/role';
import { text, type ReportLanguage } from './texts';

type Labels = (typeof solverResources)['en']['labels'];
const label = (lang: ReportLanguage, key: string, params: Record<string, string> = {}) =>
  t(lang, 'labels', key, params);

/** Capacity unit of each technology type: what capex, min, max and existing are per. */
const CAPACITY_UNIT: Record<string, string> = {
  boiler: 'kW',
  electricBoiler: 'kW',
  chp: 'kW el',
  heatPump: 'kW',
  pv: 'kWp',
  solarThermal: 'm²',
  battery: 'kWh',
  heatStorage: 'kWh',
  heatDump: 'kW',
};
export const capacityUnit = (type: string): string => CAPACITY_UNIT[type] ?? 'kW';

/** Fuel names as the technology catalogue (assets/technologies/catalogue.json) gives them: `labels` `fuels`. */
/** A fuel's name in the report's language (a fuel the user added under their own name keeps it). */
export const fuelName = (lang: ReportLanguage, id: string): string => nameOf(lang, 'labels', 'fuels', id);

/** Number as the report writes a value the user typed: up to 6 decimals, grouped, no exponent. */
export function valueNumber(lang: ReportLanguage, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (Math.abs(v) < 5e-7) return '0';
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 6 }).format(v);
}

/**
 * The name of a time series for the reader: its own name when it has one, else what the project
 * uses it for (heat demand, outdoor temperature, yield of a plant, price), else its id.
 */
export function seriesLabel(project: Project, id: string, lang: ReportLanguage): string {
  const spec = project.timeSeries[id] as { name?: unknown } | undefined;
  if (spec && typeof spec.name === 'string' && spec.name.trim()) return spec.name;
  const roles: string[] = [];
  if (project.demands.heat === id) roles.push(label(lang, 'roles.heatDemand'));
  if (project.demands.electricity === id) roles.push(label(lang, 'roles.electricityDemand'));
  if (project.demands.cooling === id) roles.push(label(lang, 'roles.coolingDemand'));
  if (project.site.ambientTemperature === id) roles.push(label(lang, 'roles.ambientTemperature'));
  for (const t of project.technologies)
    if ((t.type === 'pv' || t.type === 'solarThermal') && t.yieldSeries === id)
      roles.push(label(lang, 'roles.yield', { tech: t.name ?? t.id }));
  const usesSeries = (p: PriceSpec | undefined) => typeof p === 'object' && p !== null && p.series === id;
  if (usesSeries(project.grid.import?.price_EUR_kWh) || usesSeries(project.grid.export?.price_EUR_kWh))
    roles.push(label(lang, 'roles.electricityPrice'));
  for (const [f, fuel] of Object.entries(project.fuels))
    if (usesSeries(fuel.price_EUR_kWh)) roles.push(text(lang, 'fuelPrice', { fuel: fuelName(lang, f) }));
  if (roles.length) return [...new Set(roles)].join(', ');
  // Not used by the project and unnamed: say what kind of series it is, never its key.
  const role = seriesRoleOfUnit(project.timeSeries[id]?.unit ?? '');
  const kind =
    role === 'yield'
      ? /m(2|²)$/.test(project.timeSeries[id]?.unit ?? '')
        ? 'solarThermalYield'
        : 'pvYield'
      : role;
  return label(lang, 'notUsed', { kind: label(lang, `kinds.${kind}`) });
}

/** A series unit as printed: m² and m³ with superscripts. */
export const unitText = (unit: string): string => unit.replace(/m2\b/g, 'm²').replace(/m3\b/g, 'm³');

/** A price: a number, or "time-varying: series × factor ± adder" in the report's words. */
export function priceText(project: Project, p: PriceSpec, lang: ReportLanguage): string {
  if (typeof p === 'number') return `${valueNumber(lang, p)} EUR/kWh`;
  const adder = p.adder ?? 0;
  const varying = text(lang, 'timeVaryingPrice', {
    series: seriesLabel(project, p.series, lang),
    scale: valueNumber(lang, p.scale ?? 1),
    sign: adder < 0 ? '−' : '+',
    adder: valueNumber(lang, Math.abs(adder)),
  });
  return `${varying} EUR/kWh`;
}

/** Where a label's value is shown: its unit and the factor from the stored value. */
interface FieldUnit {
  /** `cap`: the technology's capacity unit; `EUR/cap`: the investment per it. */
  unit?: string;
  /** Shown value = stored value × scale (shares in %). */
  scale?: number;
}
const pct = (unit = '%'): FieldUnit => ({ unit, scale: 100 });
const u = (unit: string): FieldUnit => ({ unit });

/** Every property of a technology (labelled as the plants forms label it: `labels` `techFields`). */
const TECH_FIELDS: Record<keyof Labels['techFields'], FieldUnit> = {
  id: {},
  name: {},
  type: {},
  source: {},
  capex_EUR_per_unit: u('EUR/cap'),
  lifetime_a: u('a'),
  fixedOm_share: pct('%/a'),
  varOm_EUR_kWh: u('EUR/kWh'),
  subsidy_share: pct(),
  min: u('cap'),
  max: u('cap'),
  existing: u('cap'),
  fuel: {},
  efficiency: pct(),
  efficiencyEl: pct(),
  efficiencyTh: pct(),
  minLoad_share: pct(),
  bonus_EUR_kWhEl: u('EUR/kWh el'),
  heatSource: {},
  carnotEfficiency: pct(),
  supplyTemp_C: u('°C'),
  sourceDelta_K: u('K'),
  groundTemp_C: u('°C'),
  copMin: {},
  copMax: {},
  defrostLoss_share: pct(),
  defrostBelow_C: u('°C'),
  supplyMode: {},
  designOutdoor_C: u('°C'),
  heatingLimit_C: u('°C'),
  supplyMin_C: u('°C'),
  yieldSeries: {},
  curtailable: {},
  efficiencyCharge: pct(),
  efficiencyDischarge: pct(),
  capexPower_EUR_kW: u('EUR/kW'),
  selfDischarge_per_h: pct('%/h'),
  minPower_kW: u('kW'),
  maxPower_kW: u('kW'),
  loss_per_h: pct('%/h'),
  cRate_per_h: u('1/h'),
};
/** Every property a technology can have (for the test that each one is labelled). */
export const TECH_FIELD_KEYS = Object.keys(TECH_FIELDS);

/** Fixed places of the document, as the prices, economics, constraints and project forms label them (`labels` `pointers`). */
const FIXED: Record<keyof Labels['pointers'], FieldUnit> = {
  '/name': {},
  '/description': {},
  '/site/year': {},
  '/site/timeZone': {},
  '/site/location': {},
  '/site/latitude_deg': u('°'),
  '/site/longitude_deg': u('°'),
  '/site/ambientTemperature': {},
  '/demands/heat': {},
  '/demands/electricity': {},
  '/demands/cooling': {},
  '/grid/import/price_EUR_kWh': u('EUR/kWh'),
  '/grid/import/co2_kg_kWh': u('kg/kWh'),
  '/grid/import/peakCharge_EUR_kW_a': u('EUR/(kW·a)'),
  '/grid/import/connectionLimit_kW': u('kW'),
  '/grid/import/renewableShare': pct(),
  '/grid/export/price_EUR_kWh': u('EUR/kWh'),
  '/grid/export/limit_kW': u('kW'),
  '/economics/interestRate': pct(),
  '/economics/co2Price_EUR_t': u('EUR/t'),
  '/constraints/co2Cap_t': u('t/a'),
  '/constraints/minRenewableHeatShare': pct(),
  '/constraints/maxGridImport_kWh': u('kWh/a'),
};

const PRICE_PARTS: Record<keyof Labels['priceParts'], FieldUnit> = {
  series: {},
  scale: {},
  adder: u('EUR/kWh'),
};

/** The entry of `id` in one of the tables above, if it has one (never an inherited property). */
const entry = (table: Record<string, FieldUnit>, id: string): FieldUnit | undefined =>
  Object.hasOwn(table, id) ? table[id] : undefined;

/** How a pointer reads in the report: label, unit, scale, and what kind of value sits there. */
export interface PointerLabel {
  label: string;
  unit: string;
  scale: number;
  /** How a string value is named: a fuel id, a series id, a heat source, a type. */
  value?: 'fuel' | 'series' | 'heatSource' | 'supplyMode' | 'type';
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

function technologyAt(project: Project, ref: string): Technology | undefined {
  return /^\d+$/.test(ref)
    ? project.technologies[Number(ref)]
    : project.technologies.find((t) => t.id === ref);
}

/**
 * The label of a JSON pointer into the project, e.g. /fuels/gas/price_EUR_kWh → "Preis Erdgas",
 * EUR/kWh; /technologies/hp/max → "Luft-Wasser-Wärmepumpe: Höchstleistung", kW. A pointer the
 * report does not know is returned as it is (the tests make sure the examples' pointers are known).
 */
export function pointerLabel(project: Project, pointer: string, lang: ReportLanguage): PointerLabel {
  const parts = pointer.split('/').slice(1).map(unescape);
  const of = (table: string, id: string, fl: FieldUnit, cap = 'kW', prefix = ''): PointerLabel => ({
    label: prefix + label(lang, `${table}.${id}`),
    unit: fl.unit === 'cap' ? cap : fl.unit === 'EUR/cap' ? `EUR/${cap}` : (fl.unit ?? ''),
    scale: fl.scale ?? 1,
  });
  const price = (label: string, part: string | undefined): PointerLabel | null => {
    if (part === undefined) return { label, unit: 'EUR/kWh', scale: 1 };
    const p = entry(PRICE_PARTS, part);
    if (!p) return null;
    return {
      ...of('priceParts', part, p, 'kW', `${label}: `),
      value: part === 'series' ? 'series' : undefined,
    };
  };
  if (parts[0] === 'technologies' && parts.length === 3) {
    const tech = technologyAt(project, parts[1]);
    const field = entry(TECH_FIELDS, parts[2]);
    if (tech && field) {
      const value =
        parts[2] === 'fuel'
          ? 'fuel'
          : parts[2] === 'yieldSeries'
            ? 'series'
            : parts[2] === 'heatSource' || parts[2] === 'supplyMode'
              ? parts[2]
              : parts[2] === 'type'
                ? 'type'
                : undefined;
      return {
        ...of('techFields', parts[2], field, capacityUnit(tech.type), `${tech.name ?? tech.id}: `),
        value,
      };
    }
  }
  if (parts[0] === 'fuels' && parts.length >= 3 && project.fuels[parts[1]]) {
    const fuel = fuelName(lang, parts[1]);
    if (parts[2] === 'price_EUR_kWh' && parts.length <= 4) {
      const p = price(text(lang, 'fuelPrice', { fuel }), parts[3]);
      if (p) return p;
    }
    if (parts[2] === 'co2_kg_kWh' && parts.length === 3)
      return { label: text(lang, 'fuelCo2', { fuel }), unit: 'kg/kWh', scale: 1 };
    if (parts[2] === 'renewable' && parts.length === 3)
      return { label: text(lang, 'fuelRenewable', { fuel }), unit: '', scale: 1 };
  }
  if (parts[0] === 'grid' && parts[2] === 'price_EUR_kWh' && parts.length === 4) {
    const at = `/grid/${parts[1]}/price_EUR_kWh`;
    const p = entry(FIXED, at) && price(label(lang, `pointers.${at}`), parts[3]);
    if (p) return p;
  }
  if (parts[0] === 'timeSeries' && parts.length >= 2 && project.timeSeries[parts[1]])
    return {
      label: label(lang, 'seriesPointer', { series: seriesLabel(project, parts[1], lang) }),
      unit: project.timeSeries[parts[1]].unit,
      scale: 1,
    };
  const fixed = entry(FIXED, pointer);
  if (fixed) {
    const l = of('pointers', pointer, fixed);
    return pointer.startsWith('/demands/') || pointer === '/site/ambientTemperature'
      ? { ...l, value: 'series' }
      : l;
  }
  return { label: pointer, unit: '', scale: 1 };
}

/** A value at a pointer as text, in the report's language and the label's unit. */
export function valueAt(project: Project, l: PointerLabel, v: unknown, lang: ReportLanguage): string {
  const unit = l.unit ? ` ${l.unit}` : '';
  if (v === undefined || v === null) return '–';
  if (typeof v === 'number') return `${valueNumber(lang, v * l.scale)}${unit}`;
  if (typeof v === 'boolean') return text(lang, v ? 'yes' : 'no');
  if (typeof v === 'string') {
    if (l.value === 'fuel') return fuelName(lang, v);
    if (l.value === 'series') return seriesLabel(project, v, lang);
    if (l.value === 'heatSource') return nameOf(lang, 'labels', 'heatSources', v);
    if (l.value === 'supplyMode') return nameOf(lang, 'labels', 'supplyModes', v);
    return v;
  }
  if (typeof v === 'object' && typeof (v as { series?: unknown }).series === 'string')
    return priceText(project, v as PriceSpec, lang);
  if (Array.isArray(v)) return label(lang, 'valueCount', { n: String(v.length) });
  return label(lang, 'changed');
}

/** The value at a pointer in the project (ids of technologies resolved), or undefined. */
export function getPointer(project: Project, pointer: string): unknown {
  let node: unknown = project;
  for (const raw of pointer.split('/').slice(1)) {
    const part = unescape(raw);
    if (Array.isArray(node))
      node = /^\d+$/.test(part) ? node[Number(part)] : node.find((e) => (e as { id?: string })?.id === part);
    else if (node && typeof node === 'object') node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  return node;
}

/** One override as text: "Preis Erdgas: 0,0825 EUR/kWh (Basis: 0,055)". */
export function overrideText(
  project: Project,
  pointer: string,
  value: unknown,
  lang: ReportLanguage,
): string {
  const l = pointerLabel(project, pointer, lang);
  const before = getPointer(project, pointer);
  const after = valueAt(project, l, value, lang);
  if (before === undefined) return `${l.label}: ${after}`;
  const was = valueAt(project, l, before, lang);
  // The unit once, after the new value.
  const wasShort = l.unit && was.endsWith(` ${l.unit}`) ? was.slice(0, -l.unit.length - 1) : was;
  return label(lang, 'override', { label: l.label, after, before: wasShort });
}
