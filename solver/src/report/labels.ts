/**
 * How the report names what the user entered: fuels, series, technology fields and every JSON
 * pointer a scenario can change, in the words of the planner's forms (renderer/src/project/
 * techFields.ts and the planner's i18n texts; the report cannot import the renderer, so the labels
 * are repeated here and tested against every pointer of the examples).
 */
import type { PriceSpec, ProjectV1, Technology } from '../project/types';
import { seriesRoleOfUnit } from '../timeseries/role';
import type { ReportLanguage } from './texts';

type Both = Record<ReportLanguage, string>;

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

/** Fuel names as the technology catalogue (assets/technologies/catalogue.json) gives them. */
const FUELS: Record<string, Both> = {
  gas: { de: 'Erdgas', en: 'Natural gas' },
  biomass: { de: 'Holzhackschnitzel', en: 'Wood chips' },
  pellets: { de: 'Holzpellets', en: 'Wood pellets' },
  oil: { de: 'Heizöl', en: 'Heating oil' },
  biogas: { de: 'Biogas', en: 'Biogas' },
  biomethane: { de: 'Biomethan', en: 'Biomethane' },
  hydrogen: { de: 'Wasserstoff', en: 'Hydrogen' },
};
/** A fuel's name in the report's language (a fuel the user added under their own name keeps it). */
export const fuelName = (lang: ReportLanguage, id: string): string => FUELS[id]?.[lang] ?? id;

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
export function seriesLabel(project: ProjectV1, id: string, lang: ReportLanguage): string {
  const spec = project.timeSeries[id] as { name?: unknown } | undefined;
  if (spec && typeof spec.name === 'string' && spec.name.trim()) return spec.name;
  const de = lang === 'de';
  const roles: string[] = [];
  if (project.demands.heat === id) roles.push(de ? 'Wärmebedarf' : 'Heat demand');
  if (project.demands.electricity === id) roles.push(de ? 'Strombedarf' : 'Electricity demand');
  if (project.demands.cooling === id) roles.push(de ? 'Kältebedarf' : 'Cooling demand');
  if (project.site.ambientTemperature === id) roles.push(de ? 'Außentemperatur' : 'Outdoor temperature');
  for (const t of project.technologies)
    if ((t.type === 'pv' || t.type === 'solarThermal') && t.yieldSeries === id)
      roles.push(`${de ? 'Ertrag' : 'Yield'} ${t.name ?? t.id}`);
  const usesSeries = (p: PriceSpec | undefined) => typeof p === 'object' && p !== null && p.series === id;
  if (usesSeries(project.grid.import?.price_EUR_kWh) || usesSeries(project.grid.export?.price_EUR_kWh))
    roles.push(de ? 'Strompreis (stündlich)' : 'Electricity price (hourly)');
  for (const [f, fuel] of Object.entries(project.fuels))
    if (usesSeries(fuel.price_EUR_kWh))
      roles.push(de ? `Preis ${fuelName(lang, f)}` : `${fuelName(lang, f)} price`);
  if (roles.length) return [...new Set(roles)].join(', ');
  // Not used by the project and unnamed: say what kind of series it is, never its key.
  const kinds = {
    load: de ? 'Lastgang' : 'Load profile',
    temperature: de ? 'Temperatur' : 'Temperature',
    yield: /m(2|²)$/.test(project.timeSeries[id]?.unit ?? '')
      ? de
        ? 'Solarthermie-Ertrag'
        : 'Solar thermal yield'
      : de
        ? 'PV-Ertrag'
        : 'PV yield',
    price: de ? 'Preisreihe' : 'Price series',
    other: de ? 'Zeitreihe' : 'Time series',
  };
  const kind = kinds[seriesRoleOfUnit(project.timeSeries[id]?.unit ?? '')];
  return `${kind} (${de ? 'nicht verwendet' : 'not used'})`;
}

/** A series unit as printed: m² and m³ with superscripts. */
export const unitText = (unit: string): string => unit.replace(/m2\b/g, 'm²').replace(/m3\b/g, 'm³');

/** A price: a number, or "time-varying: series × factor ± adder" in the report's words. */
export function priceText(project: ProjectV1, p: PriceSpec, lang: ReportLanguage): string {
  if (typeof p === 'number') return `${valueNumber(lang, p)} EUR/kWh`;
  const adder = p.adder ?? 0;
  return `${lang === 'de' ? 'zeitvariabel' : 'time-varying'}: ${seriesLabel(project, p.series, lang)} × ${valueNumber(
    lang,
    p.scale ?? 1,
  )} ${adder < 0 ? '−' : '+'} ${valueNumber(lang, Math.abs(adder))} EUR/kWh`;
}

interface FieldLabel {
  label: Both;
  /** `cap`: the technology's capacity unit; `EUR/cap`: the investment per it. */
  unit?: string;
  /** Shown value = stored value × scale (shares in %). */
  scale?: number;
}
const pct = (de: string, en: string, unit = '%'): FieldLabel => ({ label: { de, en }, unit, scale: 100 });
const f = (de: string, en: string, unit?: string): FieldLabel => ({ label: { de, en }, unit });

/** Every property of a technology, labelled as the plants forms label it. */
const TECH_FIELDS: Record<string, FieldLabel> = {
  id: f('Kennung', 'Id'),
  name: f('Bezeichnung', 'Name'),
  type: f('Typ', 'Type'),
  source: f('Quelle', 'Source'),
  capex_EUR_per_unit: f('Investition', 'Investment', 'EUR/cap'),
  lifetime_a: f('Nutzungsdauer', 'Lifetime', 'a'),
  fixedOm_share: pct('Fixe Betriebskosten', 'Fixed O&M', '%/a'),
  varOm_EUR_kWh: f('Variable Betriebskosten', 'Variable O&M', 'EUR/kWh'),
  subsidy_share: pct('Investitionsförderung', 'Investment subsidy'),
  min: f('Mindestleistung', 'Minimum capacity', 'cap'),
  max: f('Höchstleistung', 'Maximum capacity', 'cap'),
  existing: f('Bestand', 'Existing capacity', 'cap'),
  fuel: f('Brennstoff', 'Fuel'),
  efficiency: pct('Wirkungsgrad', 'Efficiency'),
  efficiencyEl: pct('Elektrischer Wirkungsgrad', 'Electrical efficiency'),
  efficiencyTh: pct('Thermischer Wirkungsgrad', 'Thermal efficiency'),
  minLoad_share: pct('Mindestteillast', 'Minimum part load'),
  bonus_EUR_kWhEl: f('KWK-Zuschlag', 'CHP surcharge', 'EUR/kWh el'),
  heatSource: f('Wärmequelle', 'Heat source'),
  carnotEfficiency: pct('Gütegrad (Carnot)', 'Carnot efficiency'),
  supplyTemp_C: f('Vorlauftemperatur', 'Supply temperature', '°C'),
  sourceDelta_K: f('Abkühlung der Quelle', 'Source temperature drop', 'K'),
  groundTemp_C: f('Erdreichtemperatur', 'Ground temperature', '°C'),
  copMin: f('COP mindestens', 'COP minimum'),
  copMax: f('COP höchstens', 'COP maximum'),
  yieldSeries: f('Ertragsreihe', 'Yield series'),
  curtailable: f('Abregelbar', 'Curtailable'),
  efficiencyCharge: pct('Wirkungsgrad Laden', 'Charging efficiency'),
  efficiencyDischarge: pct('Wirkungsgrad Entladen', 'Discharging efficiency'),
  capexPower_EUR_kW: f('Investition Leistung', 'Investment in power', 'EUR/kW'),
  selfDischarge_per_h: pct('Selbstentladung', 'Self-discharge', '%/h'),
  minPower_kW: f('Mindestleistung (Laden/Entladen)', 'Minimum power', 'kW'),
  maxPower_kW: f('Höchstleistung (Laden/Entladen)', 'Maximum power', 'kW'),
  loss_per_h: pct('Wärmeverlust', 'Heat loss', '%/h'),
  cRate_per_h: f('Lade-/Entladeleistung je kWh', 'Charge/discharge power per kWh', '1/h'),
};
/** Every property a technology can have (for the test that each one is labelled). */
export const TECH_FIELD_KEYS = Object.keys(TECH_FIELDS);

/** Fixed places of the document, as the prices, economics, constraints and project forms label them. */
const FIXED: Record<string, FieldLabel> = {
  '/name': f('Projektname', 'Project name'),
  '/description': f('Beschreibung', 'Description'),
  '/site/year': f('Jahr des Projekts', 'Project year'),
  '/site/timeZone': f('Zeitzone', 'Time zone'),
  '/site/location': f('Standort', 'Site'),
  '/site/latitude_deg': f('Breitengrad', 'Latitude', '°'),
  '/site/longitude_deg': f('Längengrad', 'Longitude', '°'),
  '/site/ambientTemperature': f('Außentemperatur (Zeitreihe)', 'Outdoor temperature (series)'),
  '/demands/heat': f('Wärmebedarf (Zeitreihe)', 'Heat demand (series)'),
  '/demands/electricity': f('Strombedarf (Zeitreihe)', 'Electricity demand (series)'),
  '/demands/cooling': f('Kältebedarf (Zeitreihe)', 'Cooling demand (series)'),
  '/grid/import/price_EUR_kWh': f('Arbeitspreis Strombezug', 'Electricity energy price', 'EUR/kWh'),
  '/grid/import/co2_kg_kWh': f('Emissionsfaktor Netzstrom', 'Grid emission factor', 'kg/kWh'),
  '/grid/import/peakCharge_EUR_kW_a': f('Leistungspreis', 'Demand charge', 'EUR/(kW·a)'),
  '/grid/import/connectionLimit_kW': f('Anschlussleistung', 'Connection limit', 'kW'),
  '/grid/import/renewableShare': pct(
    'Erneuerbarer Anteil des Netzstroms',
    'Renewable share of grid electricity',
  ),
  '/grid/export/price_EUR_kWh': f('Einspeisevergütung', 'Feed-in price', 'EUR/kWh'),
  '/grid/export/limit_kW': f('Einspeisegrenze', 'Export limit', 'kW'),
  '/economics/interestRate': pct('Kalkulationszins', 'Interest rate'),
  '/economics/co2Price_EUR_t': f('CO2-Preis', 'CO2 price', 'EUR/t'),
  '/constraints/co2Cap_t': f('CO2-Obergrenze', 'CO2 cap', 't/a'),
  '/constraints/minRenewableHeatShare': pct(
    'Mindestanteil erneuerbarer Wärme',
    'Minimum renewable heat share',
  ),
  '/constraints/maxGridImport_kWh': f('Höchster Strombezug', 'Maximum grid import', 'kWh/a'),
};

const PRICE_PARTS: Record<string, FieldLabel> = {
  series: f('Preisreihe', 'Price series'),
  scale: f('Faktor auf die Reihe', 'Factor on the series'),
  adder: f('Aufschlag', 'Adder', 'EUR/kWh'),
};

/** How a pointer reads in the report: label, unit, scale, and what kind of value sits there. */
export interface PointerLabel {
  label: string;
  unit: string;
  scale: number;
  /** How a string value is named: a fuel id, a series id, a heat source, a type. */
  value?: 'fuel' | 'series' | 'heatSource' | 'type';
}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

function technologyAt(project: ProjectV1, ref: string): Technology | undefined {
  return /^\d+$/.test(ref)
    ? project.technologies[Number(ref)]
    : project.technologies.find((t) => t.id === ref);
}

/**
 * The label of a JSON pointer into the project, e.g. /fuels/gas/price_EUR_kWh → "Preis Erdgas",
 * EUR/kWh; /technologies/hp/max → "Luft-Wasser-Wärmepumpe: Höchstleistung", kW. A pointer the
 * report does not know is returned as it is (the tests make sure the examples' pointers are known).
 */
export function pointerLabel(project: ProjectV1, pointer: string, lang: ReportLanguage): PointerLabel {
  const parts = pointer.split('/').slice(1).map(unescape);
  const of = (fl: FieldLabel, cap = 'kW', prefix = ''): PointerLabel => ({
    label: prefix + fl.label[lang],
    unit: fl.unit === 'cap' ? cap : fl.unit === 'EUR/cap' ? `EUR/${cap}` : (fl.unit ?? ''),
    scale: fl.scale ?? 1,
  });
  const price = (label: string, part: string | undefined): PointerLabel | null => {
    if (part === undefined) return { label, unit: 'EUR/kWh', scale: 1 };
    const p = PRICE_PARTS[part];
    if (!p) return null;
    return { ...of(p, 'kW', `${label}: `), value: part === 'series' ? 'series' : undefined };
  };
  if (parts[0] === 'technologies' && parts.length === 3) {
    const tech = technologyAt(project, parts[1]);
    const field = TECH_FIELDS[parts[2]];
    if (tech && field) {
      const value =
        parts[2] === 'fuel'
          ? 'fuel'
          : parts[2] === 'yieldSeries'
            ? 'series'
            : parts[2] === 'heatSource'
              ? 'heatSource'
              : parts[2] === 'type'
                ? 'type'
                : undefined;
      return { ...of(field, capacityUnit(tech.type), `${tech.name ?? tech.id}: `), value };
    }
  }
  if (parts[0] === 'fuels' && parts.length >= 3 && project.fuels[parts[1]]) {
    const fuel = fuelName(lang, parts[1]);
    if (parts[2] === 'price_EUR_kWh' && parts.length <= 4) {
      const p = price(lang === 'de' ? `Preis ${fuel}` : `${fuel} price`, parts[3]);
      if (p) return p;
    }
    if (parts[2] === 'co2_kg_kWh' && parts.length === 3)
      return {
        label: `${fuel}: ${lang === 'de' ? 'CO2-Emissionsfaktor' : 'CO2 emission factor'}`,
        unit: 'kg/kWh',
        scale: 1,
      };
    if (parts[2] === 'renewable' && parts.length === 3)
      return { label: `${fuel}: ${lang === 'de' ? 'erneuerbar' : 'renewable'}`, unit: '', scale: 1 };
  }
  if (parts[0] === 'grid' && parts[2] === 'price_EUR_kWh' && parts.length === 4) {
    const base = FIXED[`/grid/${parts[1]}/price_EUR_kWh`];
    const p = base && price(base.label[lang], parts[3]);
    if (p) return p;
  }
  if (parts[0] === 'timeSeries' && parts.length >= 2 && project.timeSeries[parts[1]])
    return {
      label: `${lang === 'de' ? 'Zeitreihe' : 'Series'} ${seriesLabel(project, parts[1], lang)}`,
      unit: project.timeSeries[parts[1]].unit,
      scale: 1,
    };
  const fixed = FIXED[pointer];
  if (fixed) {
    const l = of(fixed);
    return pointer.startsWith('/demands/') || pointer === '/site/ambientTemperature'
      ? { ...l, value: 'series' }
      : l;
  }
  return { label: pointer, unit: '', scale: 1 };
}

const HEAT_SOURCES: Record<string, Both> = {
  air: { de: 'Luft', en: 'Air' },
  ground: { de: 'Erdreich', en: 'Ground' },
};

/** A value at a pointer as text, in the report's language and the label's unit. */
export function valueAt(project: ProjectV1, l: PointerLabel, v: unknown, lang: ReportLanguage): string {
  const unit = l.unit ? ` ${l.unit}` : '';
  if (v === undefined || v === null) return '–';
  if (typeof v === 'number') return `${valueNumber(lang, v * l.scale)}${unit}`;
  if (typeof v === 'boolean') return lang === 'de' ? (v ? 'ja' : 'nein') : v ? 'yes' : 'no';
  if (typeof v === 'string') {
    if (l.value === 'fuel') return fuelName(lang, v);
    if (l.value === 'series') return seriesLabel(project, v, lang);
    if (l.value === 'heatSource') return HEAT_SOURCES[v]?.[lang] ?? v;
    return v;
  }
  if (typeof v === 'object' && typeof (v as { series?: unknown }).series === 'string')
    return priceText(project, v as PriceSpec, lang);
  if (Array.isArray(v)) return `${v.length} ${lang === 'de' ? 'Werte' : 'values'}`;
  return lang === 'de' ? 'geändert' : 'changed';
}

/** The value at a pointer in the project (ids of technologies resolved), or undefined. */
export function getPointer(project: ProjectV1, pointer: string): unknown {
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
  project: ProjectV1,
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
  return `${l.label}: ${after} (${lang === 'de' ? 'Basis' : 'base'}: ${wasShort})`;
}
