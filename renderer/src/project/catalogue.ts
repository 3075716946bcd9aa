import catalogueText from '../../../assets/technologies/catalogue.json?raw';
import type { Fuel, Technology, TechnologyType } from '../../../solver/src';
import type { StoredProject } from './document';

export interface CatalogueSource {
  document: string;
  publisher: string;
  year: number;
  table: string;
  /** True: a Werkplan assumption (see assets/technologies/SOURCE.md), not a figure of the document. */
  assumption: boolean;
  /** Remarks on the figures, in English. */
  note?: string;
  /** The same remarks in German. */
  noteDe?: string;
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

/**
 * One line naming a default's source, stored in the technology's `source`, in the language the
 * planner had when the technology was added (the source is the user's text from then on).
 */
export function sourceText(s: CatalogueSource, language: 'de' | 'en' = 'de'): string {
  const note = (language === 'de' ? (s.noteDe ?? s.note) : s.note) ?? '';
  return s.assumption
    ? `${language === 'de' ? 'Werkplan-Annahme' : 'Werkplan assumption'} ${s.year}: ${note}`.trim()
    : `${s.document}; ${s.publisher}, ${s.year}, ${s.table}`;
}

/** Every catalogue source (technologies, subsidies, fuels). */
const allSources = (): CatalogueSource[] =>
  [...catalogue.entries, ...catalogue.subsidies, ...catalogue.fuels].map((e) => e.source);

/**
 * A technology's stored `source` in the reader's language: when it is exactly a line the catalogue
 * wrote (now in German or English, or before the German notes as "Werkplan-Annahme 2026 (Werkplan
 * assumption): <English note>"), that entry's line in `language`; any other text is the user's and
 * stays as typed.
 */
export function catalogueSourceIn(source: string, language: 'de' | 'en'): string {
  for (const s of allSources()) {
    const lines = [sourceText(s, 'de'), sourceText(s, 'en')];
    if (s.assumption) lines.push(`Werkplan-Annahme ${s.year} (Werkplan assumption): ${s.note ?? ''}`.trim());
    if (lines.includes(source)) return sourceText(s, language);
  }
  return source;
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
    source: sourceText(entry.source, language),
  } as Technology;
  const fuel = (entry.defaults as { fuel?: string }).fuel;
  if (fuel && !doc.fuels[fuel]) {
    const f = catalogue.fuels.find((x) => x.key === fuel);
    if (f) doc.fuels[fuel] = structuredClone(f.defaults);
  }
  doc.technologies.push(tech);
  return tech;
}
