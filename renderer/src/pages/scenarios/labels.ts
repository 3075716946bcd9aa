import type { TFunction } from 'i18next';
import type { Technology } from '../../../../solver/src';
import { unitOf } from '../../project/pointer';
import type { StoredProject } from '../../project/document';
import { formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n';
import { fieldUnit, techField } from '../../project/techFields';

/**
 * How a JSON pointer of the project reads on screen: the label the plants forms give the field,
 * its unit and the factor from stored to shown value (shares are shown in %).
 */
export interface ParameterLabel {
  label: string;
  unit: string;
  /** Shown value = stored value × scale. */
  scale: number;
}

interface Field {
  /** i18n key of the label (the one the plants forms use). */
  key: string;
  /** Unit; `cap` is the technology's capacity unit, `EUR/cap` the investment per it. */
  unit: string;
  scale?: number;
}

const pct = (key: string): Field => ({ key, unit: '%', scale: 100 });

/** Fixed places of the document, as the prices, economics and constraints forms label them. */
const FIXED: Record<string, Field> = {
  '/name': { key: 'planner.site.name', unit: '' },
  '/site/year': { key: 'planner.site.year', unit: '' },
  '/site/location': { key: 'planner.site.location', unit: '' },
  '/site/latitude_deg': { key: 'planner.site.latitude', unit: '°' },
  '/site/longitude_deg': { key: 'planner.site.longitude', unit: '°' },
  '/site/timeStep_min': { key: 'planner.site.timeStep', unit: 'min' },
  '/site/ambientTemperature': { key: 'planner.demands.ambient', unit: '' },
  '/demands/heat': { key: 'planner.demands.heat', unit: '' },
  '/demands/electricity': { key: 'planner.demands.electricity', unit: '' },
  '/grid/import/price_EUR_kWh': { key: 'planner.prices.importPrice', unit: 'EUR/kWh' },
  '/grid/import/co2_kg_kWh': { key: 'scenarios.labels.importCo2', unit: 'kg/kWh' },
  '/grid/import/peakCharge_EUR_kW_a': { key: 'planner.prices.peakCharge', unit: 'EUR/(kW·a)' },
  '/grid/import/connectionLimit_kW': { key: 'planner.prices.connectionLimit', unit: 'kW' },
  '/grid/import/renewableShare': pct('planner.prices.renewableShare'),
  '/grid/export/price_EUR_kWh': { key: 'planner.prices.feedIn', unit: 'EUR/kWh' },
  '/grid/export/limit_kW': { key: 'planner.prices.exportLimit', unit: 'kW' },
  '/economics/interestRate': pct('planner.economics.interestRate'),
  '/economics/co2Price_EUR_t': { key: 'planner.economics.co2Price', unit: 'EUR/t' },
  '/constraints/co2Cap_t': { key: 'planner.constraints.co2Cap', unit: 't/a' },
  '/constraints/minRenewableHeatShare': pct('planner.constraints.minRenewable'),
  '/constraints/maxGridImport_kWh': { key: 'planner.constraints.maxGridImport', unit: 'kWh/a' },
};

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The technology a pointer segment names: by id (as the forms write) or by array index. */
function technologyAt(doc: StoredProject, ref: string): Technology | undefined {
  return /^\d+$/.test(ref) ? doc.technologies[Number(ref)] : doc.technologies.find((t) => t.id === ref);
}

/**
 * A fuel as the user reads it: the translated name of the catalogue's fuels (gas → Erdgas / Natural
 * gas), otherwise the key the project gives it.
 */
export const fuelName = (t: TFunction, key: string): string =>
  t(`planner.fuelNames.${key}`, { defaultValue: key });

/** A price given as series × factor + adder: its parts, after the price's own label. */
function pricePart(t: TFunction, label: string, part: string | undefined): ParameterLabel {
  if (part === undefined) return { label, unit: 'EUR/kWh', scale: 1 };
  if (part === 'adder') return { label: `${label}: ${t('planner.prices.adder')}`, unit: 'EUR/kWh', scale: 1 };
  if (part === 'scale') return { label: `${label}: ${t('planner.prices.scale')}`, unit: '', scale: 1 };
  if (part === 'series') return { label: `${label}: ${t('planner.prices.seriesKey')}`, unit: '', scale: 1 };
  return { label: `${label}: ${part}`, unit: '', scale: 1 };
}

/**
 * The readable label of a pointer, e.g. /technologies/gb/capex_EUR_per_unit → "Gaskessel:
 * Investition", EUR/kW. Pointers the forms do not edit keep the pointer as label and the unit its
 * name says (unitOf).
 */
export function parameterLabel(doc: StoredProject, pointer: string, t: TFunction): ParameterLabel {
  const parts = pointer.split('/').slice(1).map(unescape);
  const of = (f: Field, cap = ''): ParameterLabel => ({
    label: t(f.key),
    unit: f.unit === 'cap' ? cap : f.unit === 'EUR/cap' ? `EUR/${cap}` : f.unit,
    scale: f.scale ?? 1,
  });
  if (parts[0] === 'technologies' && parts.length === 2) {
    const tech = technologyAt(doc, parts[1]);
    if (tech) return { label: tech.name ?? tech.id, unit: '', scale: 1 };
  }
  if (parts[0] === 'technologies' && parts.length === 3) {
    const tech = technologyAt(doc, parts[1]);
    const field = techField(parts[2]);
    if (tech && field)
      return {
        label: `${tech.name ?? tech.id}: ${t(`planner.tech.fields.${field.label}`)}`,
        unit: fieldUnit(field, tech.type),
        scale: field.scale ?? 1,
      };
  }
  if (parts[0] === 'fuels' && parts.length >= 3) {
    const fuel = fuelName(t, parts[1]);
    if (parts[2] === 'price_EUR_kWh' && parts.length <= 4)
      return pricePart(t, t('planner.prices.fuelPrice', { fuel }), parts[3]);
    const what = t('planner.prices.fuel', { fuel });
    if (parts[2] === 'co2_kg_kWh' && parts.length === 3)
      return { label: `${what}: ${t('planner.prices.co2Factor')}`, unit: 'kg/kWh', scale: 1 };
    if (parts[2] === 'renewable' && parts.length === 3)
      return { label: `${what}: ${t('planner.prices.renewable')}`, unit: '', scale: 1 };
  }
  if (parts[0] === 'grid' && parts[2] === 'price_EUR_kWh' && parts.length === 4) {
    const base = FIXED[`/grid/${parts[1]}/price_EUR_kWh`];
    if (base) return pricePart(t, t(base.key), parts[3]);
  }
  const fixed = FIXED[pointer];
  if (fixed) return of(fixed);
  return { label: pointer, unit: unitOf(pointer), scale: 1 };
}

/** A value of the document as text in the user's language (numbers × the label's scale). */
export function valueText(
  value: unknown,
  scale: number,
  language: Language,
  t: TFunction,
  /** The series as the user named it (Profiles page); a project file's series keep their key. */
  seriesName: (key: string) => string = (key) => key,
): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return formatNumber(value * scale, language, 6);
  if (typeof value === 'boolean') return t(value ? 'scenarios.diff.yes' : 'scenarios.diff.no');
  if (typeof value === 'string') return value;
  const price = value as { series?: unknown; scale?: unknown; adder?: unknown };
  if (typeof price === 'object' && typeof price.series === 'string')
    return t('scenarios.diff.priceSeries', {
      series: seriesName(price.series),
      scale: formatNumber(typeof price.scale === 'number' ? price.scale : 1, language, 6),
      adder: formatNumber(typeof price.adder === 'number' ? price.adder : 0, language, 6),
    });
  return JSON.stringify(value);
}

/** Relative change from base to variant in % (null when it is not two numbers or the base is 0). */
export function relativeChange(base: unknown, variant: unknown): number | null {
  if (typeof base !== 'number' || typeof variant !== 'number' || base === 0) return null;
  return ((variant - base) / Math.abs(base)) * 100;
}
