import catalogueText from '../../../assets/technologies/catalogue.json?raw';
import type { Fuel, Technology, TechnologyType } from '../../../solver/src/project/types';
import type { StoredProject } from './document';

export interface CatalogueSource {
  document: string;
  publisher: string;
  year: number;
  table: string;
  /** True: a Werkplan assumption (see assets/technologies/SOURCE.md), not a figure of the document. */
  assumption: boolean;
  note?: string;
}

export interface CatalogueEntry {
  key: string;
  type: TechnologyType;
  name: { de: string; en: string };
  /** Unit of capacity the capex is per. */
  unit: string;
  /** The technology needs an hourly yield series (PV, solar thermal). */
  needsSeries?: 'yield';
  defaults: Record<string, unknown>;
  source: CatalogueSource;
}

export interface Catalogue {
  version: number;
  currency: string;
  entries: CatalogueEntry[];
  subsidies: {
    key: string;
    share: number;
    appliesTo: TechnologyType[];
    name: { de: string; en: string };
    source: CatalogueSource;
  }[];
  fuels: { key: string; name: { de: string; en: string }; defaults: Fuel; source: CatalogueSource }[];
}

export const catalogue = JSON.parse(catalogueText) as Catalogue;

/** One line naming a default's source, stored in the technology's `source`. */
export function sourceText(s: CatalogueSource): string {
  return s.assumption
    ? `Werkplan-Annahme ${s.year} (Werkplan assumption): ${s.note ?? ''}`.trim()
    : `${s.document}; ${s.publisher}, ${s.year}, ${s.table}`;
}

/** A free id: the entry key, or key-2, key-3 … */
export function freeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '').replace(/^[^A-Za-z]+/, '') || 'tech';
  if (!used.has(clean)) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

/**
 * Adds a technology with the catalogue's defaults to the document (and its fuel, if the project
 * has none by that name). PV and solar thermal need the key of a yield series of the project.
 */
export function addFromCatalogue(
  doc: StoredProject,
  entry: CatalogueEntry,
  language: 'de' | 'en',
  yieldSeries?: string,
): Technology {
  if (entry.needsSeries && !yieldSeries)
    throw new Error(`${entry.key}: choose a yield series (kWh per ${entry.unit} and hour) first`);
  const id = freeId(
    entry.key,
    doc.technologies.map((t) => t.id),
  );
  const tech = {
    id,
    name: entry.name[language],
    type: entry.type,
    ...structuredClone(entry.defaults),
    ...(entry.needsSeries ? { yieldSeries } : {}),
    source: sourceText(entry.source),
  } as Technology;
  const fuel = (entry.defaults as { fuel?: string }).fuel;
  if (fuel && !doc.fuels[fuel]) {
    const f = catalogue.fuels.find((x) => x.key === fuel);
    if (f) doc.fuels[fuel] = structuredClone(f.defaults);
  }
  doc.technologies.push(tech);
  return tech;
}
