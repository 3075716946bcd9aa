import type { TimeSeriesKind, TimeSeriesRecord, WerkplanDb } from '../db/schema';
import { seriesRoleOfUnit, type SeriesRole } from '../../../solver/src';
import type { Technology } from '../../../solver/src';
import { yearStart_ms, type StoredProject } from './document';
import { seriesYear, shiftToYear, type ShiftedSeries } from './seriesYear';
import { useProject } from './store';

/**
 * What the planner does with stored series: change the project year (regenerating the synthetic
 * series in place, in the same transaction), adopt a profile's year or shift the profile onto the
 * project year, rename and delete series. Names are the user's own words; document keys are slugs.
 */

/** Where a series is used, for the user: what refers to it (technology named as the user named it). */
export type SeriesUse =
  | { what: 'heatDemand' | 'electricityDemand' | 'ambient' }
  | { what: 'yield'; technology: string }
  | { what: 'price'; of: string };

/** The document keys that refer to a series record. */
export const keysOf = (doc: Pick<StoredProject, 'timeSeries'>, seriesId: string): string[] =>
  Object.entries(doc.timeSeries)
    .filter(([, r]) => r.seriesId === seriesId)
    .map(([k]) => k);

/** Every place of the document that uses a series record (through any of its keys). */
export function seriesUses(doc: StoredProject, seriesId: string): SeriesUse[] {
  const keys = new Set(keysOf(doc, seriesId));
  const uses: SeriesUse[] = [];
  if (keys.has(doc.demands.heat)) uses.push({ what: 'heatDemand' });
  if (keys.has(doc.demands.electricity)) uses.push({ what: 'electricityDemand' });
  if (doc.site.ambientTemperature && keys.has(doc.site.ambientTemperature)) uses.push({ what: 'ambient' });
  for (const t of doc.technologies as Technology[])
    if ('yieldSeries' in t && keys.has(t.yieldSeries))
      uses.push({ what: 'yield', technology: (t as { name?: string }).name ?? t.id });
  const priced = (p: unknown) => !!p && typeof p === 'object' && 'series' in p && keys.has(String(p.series));
  for (const [fuel, f] of Object.entries(doc.fuels))
    if (priced(f.price_EUR_kWh)) uses.push({ what: 'price', of: fuel });
  if (priced(doc.grid.import?.price_EUR_kWh)) uses.push({ what: 'price', of: 'gridImport' });
  if (priced(doc.grid.export?.price_EUR_kWh)) uses.push({ what: 'price', of: 'gridExport' });
  return uses;
}

/**
 * A document key for a series name: ASCII letters, digits, _ and - (the format's id rule), umlauts
 * spelt out ("Wärmelastgang 2023" → "Waermelastgang_2023"), unique among `taken`.
 */
export function seriesKey(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .replace(/\.[a-z]{2,4}$/i, '')
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/Ä/g, 'Ae')
      .replace(/Ö/g, 'Oe')
      .replace(/Ü/g, 'Ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\s+/g, '_')
      .replace(/[^A-Za-z0-9_-]/g, '')
      .replace(/^[^A-Za-z]+/, '')
      .slice(0, 56) || 'Reihe';
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Adds a stored series to the document under a key made from its name; returns the key. */
export function attachSeries(
  d: StoredProject,
  rec: Pick<TimeSeriesRecord, 'id' | 'name' | 'unit' | 'source'>,
) {
  const existing = keysOf(d, rec.id)[0];
  if (existing) return existing;
  const key = seriesKey(rec.name, Object.keys(d.timeSeries));
  d.timeSeries[key] = { unit: rec.unit, seriesId: rec.id, ...(rec.source ? { source: rec.source } : {}) };
  return key;
}

async function projectRecords(db: WerkplanDb, projectId: string): Promise<TimeSeriesRecord[]> {
  return db.timeSeries.where('projectId').equals(projectId).toArray();
}

/**
 * The synthetic series of a project made again for `year`: same record (same id), new values and
 * start. `specOf` tells which records are synthetic (generate.ts, loaded lazily by the caller).
 */
export async function regenerated(
  records: TimeSeriesRecord[],
  year: number,
  gen: {
    specOf: (r: TimeSeriesRecord) => TimeSeriesRecord['generated'] | null;
    values: (spec: NonNullable<TimeSeriesRecord['generated']>, year: number) => Promise<Float64Array>;
    /** The site's time zone: the year starts at its midnight (absent: Europe/Berlin). */
    timeZone?: string;
  },
): Promise<TimeSeriesRecord[]> {
  const out: TimeSeriesRecord[] = [];
  for (const r of records) {
    const spec = gen.specOf(r);
    if (!spec) continue;
    const values = await gen.values(spec, year);
    const start = new Date(yearStart_ms(year, gen.timeZone)).toISOString();
    out.push({ ...r, generated: spec, values, start });
  }
  return out;
}

/** Regenerates with the site's weather (the document's `site`, its year given per call). */
async function generator() {
  const { generatedSpecOf, generatedValues } = await import('./generate');
  const site = useProject.getState().doc?.site;
  return {
    specOf: generatedSpecOf,
    timeZone: site?.timeZone,
    values: (spec: NonNullable<TimeSeriesRecord['generated']>, year: number) =>
      generatedValues(spec, year, site),
  };
}

/**
 * Changes the project year: one document edit (one undo step) whose transaction also rewrites every
 * synthetic series of the project for the new year, in place (no copies).
 */
export async function changeProjectYear(year: number): Promise<void> {
  const { db, projectId, doc } = useProject.getState();
  if (!db || !projectId || !doc || doc.site.year === year) return;
  const updated = await regenerated(await projectRecords(db, projectId), year, await generator());
  await useProject.getState().edit(
    (d) => {
      d.site.year = year;
    },
    undefined,
    (tx) => tx.timeSeries.bulkPut(updated),
  );
}

/**
 * After an undo or redo of a year change the synthetic series still hold the other year: make them
 * follow the document's year again. Returns how many series were rewritten.
 */
export async function followProjectYear(): Promise<number> {
  const { db, projectId, doc } = useProject.getState();
  if (!db || !projectId || !doc) return 0;
  const year = doc.site.year;
  const gen = await generator();
  const stale = (await projectRecords(db, projectId)).filter(
    (r) => gen.specOf(r) && Date.parse(r.start) !== yearStart_ms(year, gen.timeZone),
  );
  if (!stale.length) return 0;
  const updated = await regenerated(stale, year, gen);
  if (useProject.getState().doc?.site.year !== year) return 0;
  await db.timeSeries.bulkPut(updated);
  return updated.length;
}

/** Sets the project year to the year a profile covers. */
export async function adoptSeriesYear(db: WerkplanDb, seriesId: string): Promise<void> {
  const rec = await db.timeSeries.get(seriesId);
  if (rec) await changeProjectYear(seriesYear(rec));
}

/**
 * Moves a profile onto the project year by whole weeks (shiftToYear) and states it in the series'
 * source note (record and document), as one document edit.
 */
export async function shiftSeriesToProjectYear(
  seriesId: string,
  note: (s: ShiftedSeries) => string,
): Promise<ShiftedSeries | null> {
  const { db, doc } = useProject.getState();
  if (!db || !doc) return null;
  const rec = await db.timeSeries.get(seriesId);
  if (!rec) return null;
  const shifted = shiftToYear(rec, doc.site.year);
  const source = [rec.source, note(shifted)].filter(Boolean).join(' – ');
  await useProject.getState().edit(
    (d) => {
      for (const k of keysOf(d, seriesId)) d.timeSeries[k].source = source;
    },
    undefined,
    (tx) => tx.timeSeries.update(seriesId, { values: shifted.values, start: shifted.start, source }),
  );
  return shifted;
}

/** Renames a series: the name is the user's, exactly as typed (trimmed); the document key stays. */
export async function renameSeries(db: WerkplanDb, seriesId: string, name: string): Promise<void> {
  const clean = name.trim();
  if (clean) await db.timeSeries.update(seriesId, { name: clean });
}

/**
 * Deletes a series that nothing uses (its unused document keys go with it, in one edit). A series
 * still in use is not deleted: the uses are returned so the page can name them.
 */
export async function deleteSeries(db: WerkplanDb, seriesId: string): Promise<SeriesUse[]> {
  const { doc } = useProject.getState();
  const uses = doc ? seriesUses(doc, seriesId) : [];
  if (uses.length) return uses;
  if (doc && keysOf(doc, seriesId).length)
    await useProject.getState().edit(
      (d) => {
        for (const k of keysOf(d, seriesId)) delete d.timeSeries[k];
      },
      undefined,
      (tx) => tx.timeSeries.delete(seriesId),
    );
  else await db.timeSeries.delete(seriesId);
  return [];
}

export type { SeriesRole };

/** What a stored series is, for selectors and summaries: by its unit, else by its stored kind. */
export function roleOf(rec: Pick<TimeSeriesRecord, 'kind' | 'unit'>): SeriesRole {
  const kind: TimeSeriesKind = rec.kind;
  const byUnit = seriesRoleOfUnit(rec.unit);
  if (byUnit === 'temperature') return 'temperature';
  if (kind === 'yield' || byUnit === 'yield') return 'yield';
  if (kind === 'price' || byUnit === 'price') return 'price';
  if (kind === 'demand' || byUnit === 'load') return 'load';
  return 'other';
}

/**
 * Options of a series selector: only series of the wanted role (a heat demand picks load series, a
 * PV yield yield series in the technology's unit), labelled with the user's name and the unit.
 */
export function seriesOptions(
  doc: Pick<StoredProject, 'timeSeries'>,
  records: Pick<TimeSeriesRecord, 'id' | 'name' | 'kind' | 'unit'>[],
  role: SeriesRole,
  unit?: string,
): { value: string; label: string }[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return Object.entries(doc.timeSeries)
    .filter(([, ref]) => {
      const rec = byId.get(ref.seriesId);
      const r = roleOf(rec ?? { kind: 'other', unit: ref.unit });
      return r === role && (unit === undefined || ref.unit === unit || ref.unit === unit.replace('²', '2'));
    })
    .map(([key, ref]) => ({ value: key, label: `${byId.get(ref.seriesId)?.name ?? key} [${ref.unit}]` }));
}

/**
 * Changes the site's weather (`site.weather`; undefined = the DWD TRY 2015 of the nearest region):
 * one document edit whose transaction also remakes every synthetic series (weather series, SigLinDe
 * heat profiles) from the new weather, in place.
 */
export async function changeSiteWeather(weather: StoredProject['site']['weather']): Promise<void> {
  const { db, projectId, doc } = useProject.getState();
  if (!db || !projectId || !doc) return;
  const { generatedSpecOf, generatedValues } = await import('./generate');
  const site = { ...doc.site, weather };
  const updated = await regenerated(await projectRecords(db, projectId), doc.site.year, {
    specOf: generatedSpecOf,
    values: (spec, year) => generatedValues(spec, year, site),
  });
  await useProject.getState().edit(
    (d) => {
      if (weather) d.site.weather = weather;
      else delete d.site.weather;
    },
    undefined,
    (tx) => tx.timeSeries.bulkPut(updated),
  );
}
