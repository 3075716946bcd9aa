import type { Project, TimeSeriesSpec } from '../../../solver/src';
import { hoursInYear, resampleOnto, siteYearOrDefault } from '../../../solver/src';
import type { TimeSeriesKind, TimeSeriesRecord } from '../db/schema';

/**
 * How a project lives in IndexedDB: the format-v2 document (ProjectRecord.document) with every time
 * series replaced by a reference to a record of the `timeSeries` store (kept binary there). The
 * scenarios live in the document's `scenarios` (the only source of truth; the `scenarios` store of
 * schema v1 is not used by the planner). `assembleProject` turns it back into a full v2 document;
 * everything else of the document (constraints, the transformation path `periods`) is kept as it is.
 */
export interface SeriesRef {
  unit: string;
  /** Id of a TimeSeriesRecord of the same project. */
  seriesId: string;
  source?: string;
}

export type StoredProject = Omit<Project, 'timeSeries'> & { timeSeries: Record<string, SeriesRef> };

/** Run options that go into the inputs hash; stored on the project record so the hash can be recomputed. */
export interface RunOptions {
  mode: 'aggregated' | 'full';
  /**
   * Aggregated mode: typical days of the sizing and time segments per typical day (24 = hourly);
   * absent: the solver's defaults (24 and 8). Set only where the user chose them, so the hashes of
   * results computed with the defaults stay as they were.
   */
  typicalDays?: number;
  segments?: number;
}
export const DEFAULT_RUN_OPTIONS: RunOptions = { mode: 'aggregated' };

/**
 * Hour 0 of a site year, as epoch ms: 1 January 00:00 local time in the site's zone (site.timeZone,
 * Europe/Berlin when absent: 31 December 23:00 UTC), from the site-year calendar.
 */
export function yearStart_ms(year: number, timeZone?: string): number {
  return siteYearOrDefault(year, timeZone).start_ms;
}

/** A blank project: a valid skeleton whose demands and technologies the planner fills in. */
export function blankDocument(name: string, year = new Date().getFullYear() - 1): StoredProject {
  return {
    formatVersion: 2,
    name,
    site: { year, timeZone: 'Europe/Berlin' },
    timeSeries: {},
    demands: { heat: '', electricity: '' },
    economics: { interestRate: 0.05, co2Price_EUR_t: 55 },
    fuels: {},
    grid: {},
    technologies: [],
    constraints: {},
    scenarios: [],
  };
}

/**
 * A stored series as the project's hourly values over the site year, by the solver's energy-conserving
 * `resampleOnto` (kW → the hour's mean power, i.e. its kWh; prices → the hourly mean; a coarser series
 * is repeated over its hours). Hours the series does not cover entirely, or with a gap in them, become
 * NaN, which validation reports at the series: nothing is filled here.
 */
export function hourlyValues(
  rec: Pick<TimeSeriesRecord, 'values' | 'start' | 'resolution_min'>,
  year: number,
  timeZone?: string,
): number[] {
  const hours = hoursInYear(year, timeZone);
  const t0 = yearStart_ms(year, timeZone);
  const start = Date.parse(rec.start);
  if (rec.resolution_min === 60 && start === t0 && rec.values.length === hours) return Array.from(rec.values);
  // the solver's energy-conserving resampler: exact overlap, a gap or an uncovered hour stays NaN
  return Array.from(resampleOnto(rec.values, rec.resolution_min, (start - t0) / 60_000, 60, hours));
}

/**
 * A stored series as the values the project's model reads: on a quarter-hourly site
 * (site.timeStep_min = 15) a series measured in 15 minutes or finer as its quarter-hourly means over
 * the site year (4 × hours values), every other series as its hourly values ({@link hourlyValues}),
 * which the model holds over each hour's quarters.
 */
export function modelValues(
  rec: Pick<TimeSeriesRecord, 'values' | 'start' | 'resolution_min'>,
  site: { year: number; timeZone?: string; timeStep_min?: number },
): number[] {
  if (site.timeStep_min !== 15 || rec.resolution_min > 15) return hourlyValues(rec, site.year, site.timeZone);
  const quarters = 4 * hoursInYear(site.year, site.timeZone);
  const offset_min = (Date.parse(rec.start) - yearStart_ms(site.year, site.timeZone)) / 60_000;
  if (rec.resolution_min === 15 && offset_min === 0 && rec.values.length === quarters)
    return Array.from(rec.values);
  return Array.from(resampleOnto(rec.values, rec.resolution_min, offset_min, 15, quarters));
}

/** What a series is used for in a document, to file it under the right kind. */
export function seriesKinds(
  doc: Pick<Project, 'demands' | 'site' | 'technologies' | 'fuels' | 'grid' | 'periods'>,
): Map<string, TimeSeriesKind> {
  const kinds = new Map<string, TimeSeriesKind>();
  const priceSeries = (p: unknown) => {
    if (p && typeof p === 'object' && 'series' in p)
      kinds.set(String((p as { series: string }).series), 'price');
  };
  for (const f of Object.values(doc.fuels)) priceSeries(f.price_EUR_kWh);
  priceSeries(doc.grid.import?.price_EUR_kWh);
  priceSeries(doc.grid.export?.price_EUR_kWh);
  for (const t of doc.technologies) if ('yieldSeries' in t) kinds.set(t.yieldSeries, 'yield');
  if (doc.site.ambientTemperature) kinds.set(doc.site.ambientTemperature, 'weather');
  for (const id of Object.values(doc.demands)) if (id) kinds.set(id, 'demand');
  // a transformation path's demand series of later periods (periods.demand.<kind>.series: year → id)
  for (const path of Object.values(doc.periods?.demand ?? {}))
    for (const id of Object.values(path?.series ?? {})) kinds.set(id, 'demand');
  return kinds;
}

/** Inline series of a full document → stored records (hourly or quarter-hourly from hour 0 of the site year). */
export function splitSeries(
  project: Project,
  projectId: string,
  newId: () => string = () => crypto.randomUUID(),
): { doc: StoredProject; records: TimeSeriesRecord[] } {
  const kinds = seriesKinds(project);
  const records: TimeSeriesRecord[] = [];
  const timeSeries: Record<string, SeriesRef> = {};
  for (const [key, spec] of Object.entries<TimeSeriesSpec>(project.timeSeries)) {
    if (!('values' in spec))
      throw new Error(
        `/timeSeries/${key}: refers to the file '${spec.file}'; the planner needs the values inline (werkplan can inline them)`,
      );
    const id = newId();
    records.push({
      id,
      projectId,
      name: key,
      unit: spec.unit,
      // hourly, or quarter-hourly (4 values per hour of the year, site.timeStep_min = 15)
      resolution_min:
        spec.values.length === 4 * hoursInYear(project.site.year, project.site.timeZone) ? 15 : 60,
      start: new Date(yearStart_ms(project.site.year, project.site.timeZone)).toISOString(),
      values: Float64Array.from(spec.values),
      kind: kinds.get(key) ?? 'other',
      ...(spec.source !== undefined ? { source: spec.source } : {}),
    });
    timeSeries[key] = {
      unit: spec.unit,
      seriesId: id,
      ...(spec.source !== undefined ? { source: spec.source } : {}),
    };
  }
  const doc = { ...project, timeSeries } as StoredProject;
  return { doc, records };
}

/** Stored document + its series records → the full format-v2 document (key order kept). */
export function joinSeries(
  doc: StoredProject,
  records: Map<string, Pick<TimeSeriesRecord, 'values' | 'start' | 'resolution_min'>>,
): Project {
  const timeSeries: Project['timeSeries'] = {};
  for (const [key, ref] of Object.entries(doc.timeSeries)) {
    const rec = records.get(ref.seriesId);
    if (!rec) throw new Error(`/timeSeries/${key}: the stored series ${ref.seriesId} is missing`);
    timeSeries[key] = {
      unit: ref.unit,
      values: modelValues(rec, doc.site),
      ...(ref.source !== undefined ? { source: ref.source } : {}),
    };
  }
  return { ...doc, timeSeries };
}
