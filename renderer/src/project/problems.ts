import type { TFunction } from 'i18next';
import { projectSchema, siteYearOrDefault, standardWallClock_ms } from '../../../solver/src';
import type { Project } from '../../../solver/src';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { Language } from '../i18n';
import { fuelName, parameterLabel } from '../pages/scenarios/labels';
import type { TimeSeriesRecord } from '../db/schema';
import type { StoredProject } from './document';
import { getPointer } from './pointer';
import { rowAt } from '../pages/plants/pathRows';

/**
 * One problem of a project as the planner reads it: a sentence in the user's language naming the
 * field as the form names it. `todo` is something not added yet (a blank project's demands), shown
 * neutrally; `error` a value that must be corrected. The JSON pointer is kept for a tooltip only.
 */
export interface Problem {
  kind: 'todo' | 'error';
  text: string;
  /** Where (the first place, for collapsed series problems). */
  pointer: string;
  /** Line and column in a project file's text, when the finding had them. */
  line?: number;
  column?: number;
}

/** What checkProject or validateProject report: a pointer and an English message. */
export interface Finding {
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

type Doc = StoredProject | Project;
type Schema = Record<string, unknown>;

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const partsOf = (pointer: string) => (pointer === '' ? [] : pointer.slice(1).split('/').map(unescape));
/** Fields that hold a year: their bounds and values are shown without thousands separators. */
const YEAR_FIELD = /^\/periods\/(years\/\d+|baseYear)$|\/commissioned_year$/;
const SERIES_VALUE = /^\/timeSeries\/([^/]+)\/values\/(\d+)$/;

/** The schema of the value at a pointer (technologies by their type), for the bounds of a number. */
export function schemaAt(doc: unknown, pointer: string): Schema | undefined {
  let s: Schema | undefined = projectSchema;
  let node: unknown = doc;
  const pick = () => {
    const branches = s?.oneOf as Schema[] | undefined;
    if (!branches) return;
    const disc = (s?.discriminator as { propertyName?: string } | undefined)?.propertyName;
    const tag =
      disc && typeof node === 'object' && node ? (node as Record<string, unknown>)[disc] : undefined;
    s = disc
      ? branches.find((b) => (b.properties as Record<string, Schema>)?.[disc]?.const === tag)
      : (branches.find((b) => b.type === (typeof node === 'object' ? 'object' : typeof node)) ?? branches[0]);
  };
  for (const part of partsOf(pointer)) {
    pick();
    if (!s) return undefined;
    const props = s.properties as Record<string, Schema> | undefined;
    if (props?.[part]) s = props[part];
    else if (typeof s.additionalProperties === 'object') s = s.additionalProperties as Schema;
    else if (s.items) s = s.items as Schema;
    else return undefined;
    node = getPointer(node, `/${part.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
  pick();
  return s;
}

/**
 * The names the user gave the project's series (document key → the stored record's name, as the
 * Profiles page and the series choices show them), for the problem messages.
 */
export function seriesNames(
  doc: Pick<StoredProject, 'timeSeries'>,
  records: Iterable<Pick<TimeSeriesRecord, 'id' | 'name'>>,
): Record<string, string> {
  const byId = new Map([...records].map((r) => [r.id, r.name]));
  const out: Record<string, string> = {};
  for (const [key, ref] of Object.entries(doc.timeSeries)) {
    const name = byId.get(ref.seriesId);
    if (name) out[key] = name;
  }
  return out;
}

/** A series named for the user: its record's name, else (a project file) its key. */
type SeriesName = (key: string) => string;

/** The field's name as the forms show it, for any place of the document. */
function labelOf(
  doc: Doc,
  pointer: string,
  t: TFunction,
  seriesName: SeriesName,
): { label: string; unit: string; scale: number } {
  const parts = partsOf(pointer);
  if (parts[0] === 'timeSeries' && parts.length >= 2)
    return { label: t('planner.check.series', { name: seriesName(parts[1]) }), unit: '', scale: 1 };
  if (parts[0] === 'fuels' && parts.length === 2)
    return { label: t('planner.prices.fuel', { fuel: fuelName(t, parts[1]) }), unit: '', scale: 1 };
  if (parts[0] === 'scenarios' && parts.length >= 2) {
    const s = /^\d+$/.test(parts[1]) ? doc.scenarios?.[Number(parts[1])] : undefined;
    return { label: t('planner.check.variant', { name: s?.name ?? parts[1] }), unit: '', scale: 1 };
  }
  if (parts[0] === 'periods') return pathLabel(parts, t);
  // a file being imported may lack whole parts (no technologies list): then no name from them
  const named = (ptr: string) => {
    try {
      return parameterLabel(doc as StoredProject, ptr, t);
    } catch {
      return { label: ptr, unit: '', scale: 1 };
    }
  };
  const l = named(pointer);
  if (l.label !== pointer) return l;
  // a place the forms do not edit: the nearest named parent (e.g. the technology)
  for (let n = parts.length - 1; n >= 1; n--) {
    const parent = `/${parts.slice(0, n).join('/')}`;
    const p = named(parent);
    if (p.label !== parent) return { label: p.label, unit: '', scale: 1 };
  }
  return { label: t('planner.check.project'), unit: '', scale: 1 };
}

/** The transformation path's places as its section names them ("Transformationspfad: CO₂-Preis 2030"). */
function pathLabel(parts: string[], t: TFunction): { label: string; unit: string; scale: number } {
  const of = (what: string, unit = '', scale = 1) => ({
    label: t('planner.path.labelOf', { what }),
    unit,
    scale,
  });
  const row = rowAt(`/${parts.join('/')}`);
  if (row) {
    const what = t(`planner.path.rows.${row.row.key}`);
    return of(
      row.year ? t('planner.path.cellLabel', { what, year: row.year }) : what,
      row.row.unit,
      row.row.scale,
    );
  }
  const at = parts.slice(1).join('/');
  if (/^years\/\d+$/.test(at)) return of(t('planner.path.periodYear', { n: Number(parts[2]) + 1 }));
  if (at === 'years') return of(t('planner.path.years'));
  if (at === 'demand/heat/renovationRate_per_a') return of(t('planner.path.renovationRate'), '%/a', 100);
  if (at === 'bew/operatingAidYears') return of(t('planner.path.operatingAidYears'), 'a');
  if (at === 'lastPeriodYears') return of(t('planner.path.lastPeriodYears'), 'a');
  return { label: t('planner.path.label'), unit: '', scale: 1 };
}

const num = (s: string) => Number(s);

/**
 * Turns the findings of checkProject (schema and cross-checks, English, one per place) into the
 * planner's messages: one per problem, in the user's language, fields named as the forms name them.
 * A series with many bad values gives one message with the count and the first hour; several
 * findings at one place (a price that is neither a number nor a series) give one message. Series
 * are named by `options.seriesNames` (see {@link seriesNames}); a key without a name there is shown
 * as it is (a project file's series have no other name).
 */
export function describeProblems(
  findings: Finding[],
  doc: Doc,
  t: TFunction,
  language: Language,
  options: { blankHints?: boolean; seriesNames?: Record<string, string> } = {},
): Problem[] {
  const names = options.seriesNames ?? {};
  const seriesName: SeriesName = (key) =>
    Object.prototype.hasOwnProperty.call(names, key) ? names[key] : key;
  const out: Problem[] = [];
  const seen = new Set<string>();
  const gaps = new Map<string, Set<number>>();
  const fmt = (v: number, unit: string, scale: number) =>
    `${formatNumber(v * scale, language, 6)}${unit ? ` ${unit}` : ''}`;

  for (const f of findings) {
    const text = f.message.startsWith(`${f.pointer || '/'}: `)
      ? f.message.slice((f.pointer || '/').length + 2)
      : f.message;
    // several bad values of one series: one message
    const value = SERIES_VALUE.exec(f.pointer);
    const gap = /^(?:quarter )?hour (\d+) has no value/.exec(text);
    if (value && (gap || /^must be (number|integer)$/.test(text))) {
      const key = unescape(value[1]);
      if (!gaps.has(key)) {
        gaps.set(key, new Set());
        seen.add(`/timeSeries/${value[1]}`);
        out.push({
          kind: 'error',
          text: `\u0000gaps:${key}`,
          pointer: f.pointer,
          line: f.line,
          column: f.column,
        });
      }
      gaps.get(key)!.add(Number(gap ? gap[1] : value[2]));
      continue;
    }
    const missingKey = /^missing required key '(.+)'$/.exec(text);
    const pointer = missingKey ? `${f.pointer}/${missingKey[1]}` : f.pointer;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const { label, unit, scale } = labelOf(doc, pointer, t, seriesName);
    const at = getPointer(doc, pointer);
    const where = { pointer, line: f.line, column: f.column };
    const problem = (key: string, args: Record<string, unknown> = {}, kind: Problem['kind'] = 'error') =>
      out.push({ kind, text: t(`planner.check.msg.${key}`, { label, ...args }), ...where });
    // a year reads as a year (2030, never 2.030)
    const year = YEAR_FIELD.test(pointer);
    const fmtAt = (v: number, unit: string, scale: number) => (year ? String(v) : fmt(v, unit, scale));
    const bound = /^must be (>=|>|<=) (-?[\d.e+-]+)$/.exec(text);
    let m: RegExpExecArray | null;
    if (missingKey) problem('missing');
    else if (bound) {
      const s = schemaAt(doc, pointer) ?? {};
      const min = typeof s.minimum === 'number' ? s.minimum : s.exclusiveMinimum;
      const max = s.maximum;
      const value = typeof at === 'number' ? fmtAt(at, unit, scale) : '';
      if (typeof min === 'number' && typeof max === 'number' && typeof s.exclusiveMinimum !== 'number')
        problem('range', { min: fmtAt(min, unit, scale), max: fmtAt(max, unit, scale), value });
      else if (bound[1] === '<=') problem('max', { max: fmtAt(num(bound[2]), unit, scale), value });
      else if (bound[1] === '>') problem('greater', { min: fmtAt(num(bound[2]), unit, scale), value });
      else problem('min', { min: fmtAt(num(bound[2]), unit, scale), value });
    } else if (/^must be (number|integer|string|boolean|object|array)$/.test(text)) {
      if (at === undefined || at === null || (typeof at === 'number' && Number.isNaN(at))) problem('missing');
      else if (text === 'must be integer' && typeof at === 'number') problem('integer');
      else if (/number|integer/.test(text) && typeof at === 'string') problem('notANumber');
      else problem('invalid');
    } else if ((m = /^must match pattern/.exec(text))) {
      if (at === '' && /^\/demands\/(heat|electricity)$/.test(pointer)) problem('todoDemand', {}, 'todo');
      else if (at === '') problem('missing');
      else problem('idChars', { value: String(at) });
    } else if (/^must NOT have fewer than/.test(text)) problem('missing');
    else if ((m = /^must NOT have more than (\d+) characters$/.exec(text))) problem('tooLong', { max: m[1] });
    else if ((m = /^must NOT have more than (\d+) items$/.exec(text))) problem('tooMany', { max: m[1] });
    else if (/^must be one of /.test(text)) problem('choice');
    else if (pointer === '/formatVersion') problem('format', { value: String(at) });
    else if ((m = /^unknown key '(.+)'$/.exec(text))) {
      const parent = labelOf(doc, pointer.slice(0, pointer.lastIndexOf('/')), t, seriesName).label;
      out.push({
        kind: 'error',
        text: t('planner.check.msg.unknownKey', { label: parent, key: m[1] }),
        ...where,
      });
    } else if ((m = /^property name '(.+)' is invalid$/.exec(text)) && pointer.startsWith('/periods/'))
      out.push({ kind: 'error', text: t('planner.path.msg.yearKey', { label, value: m[1] }), ...where });
    else if ((m = /^property name '(.+)' is invalid$/.exec(text))) problem('idChars', { value: m[1] });
    else if ((m = /^period year (\S+) does not come after (\S+)$/.exec(text)))
      out.push({
        kind: 'error',
        text: t('planner.path.msg.yearOrder', { label, year: m[1], previous: m[2] }),
        ...where,
      });
    else if ((m = /^time series '(.*)' is not defined in \/timeSeries$/.exec(text))) {
      if (m[1] === '' && /^\/demands\/(heat|electricity)$/.test(pointer)) problem('todoDemand', {}, 'todo');
      else problem('seriesMissing', { name: m[1] });
    } else if (
      (m = /^has (\d+) values; the year (\d+) has (\d+) hours(?: \(\d+ quarter hours\))?$/.exec(text))
    )
      problem('seriesLength', {
        count: num(m[1]),
        values: formatNumber(num(m[1]), language, 0),
        year: m[2],
        hours: formatNumber(num(m[3]), language, 0),
        quarters: formatNumber(4 * num(m[3]), language, 0),
      });
    else if ((m = /^is '(.*)', expected '(.*)'$/.exec(text)))
      problem('seriesUnit', { unit: m[1], expected: m[2] });
    else if (/^cooling demand is not modelled/.test(text)) problem('cooling');
    else if ((m = /^duplicate technology id '(.+)'$/.exec(text))) problem('duplicateTech', { id: m[1] });
    else if ((m = /^(min|existing) (\S+) is above max (\S+)$/.exec(text))) {
      const tech = labelOf(doc, pointer.slice(0, pointer.lastIndexOf('/')), t, seriesName).label;
      problem(m[1] === 'min' ? 'minAboveMax' : 'existingAboveMax', {
        label: tech,
        value: fmt(num(m[2]), unit, 1),
        max: fmt(num(m[3]), unit, 1),
      });
    } else if ((m = /^fuel '(.+)' is not defined in \/fuels$/.exec(text)))
      problem('fuelMissing', { label: techLabel(doc, pointer, t), fuel: fuelName(t, m[1]) });
    else if (/^electric \+ thermal efficiency exceed 1$/.test(text))
      problem('chpEfficiency', { label: techLabel(doc, pointer, t) });
    else if ((m = /^copMin (\S+) is above copMax (\S+)$/.exec(text)))
      problem('copOrder', {
        label: techLabel(doc, pointer, t),
        min: formatNumber(num(m[1]), language, 6),
        max: formatNumber(num(m[2]), language, 6),
      });
    else if (/^an air-source heat pump needs/.test(text))
      problem('needsAmbient', { label: techLabel(doc, pointer, t) });
    else if (/^a heat pump with a heating curve needs/.test(text))
      problem('curveNeedsAmbient', { label: techLabel(doc, pointer, t) });
    else if (/^a ground-source heat pump needs/.test(text))
      problem('needsGroundTemp', { label: techLabel(doc, pointer, t) });
    else if (/needs electricity, but there is no grid import, PV or CHP$/.test(text))
      problem('needsElectricity');
    else if ((m = /^duplicate scenario id '(.+)'$/.exec(text))) problem('duplicateScenario', { id: m[1] });
    else if (/is not a JSON pointer into the project$/.test(text)) problem('badOverride');
    else if (/^not valid JSON/.test(text)) problem('notJson');
    else if (/has no inputs yet$/.test(text)) problem('noInputs');
    else problem('invalid');
  }

  describeGaps(out, gaps, doc, t, language, seriesName);

  // a blank project: what is still to add, not errors
  if (options.blankHints !== false && Array.isArray(doc?.technologies) && doc.technologies.length === 0)
    out.push({ kind: 'todo', text: t('planner.check.msg.todoTech'), pointer: '/technologies' });
  return out;
}

/** The collapsed series problems (see describeProblems): how many hours, and the first, by the date. */
function describeGaps(
  out: Problem[],
  gaps: Map<string, Set<number>>,
  doc: Doc,
  t: TFunction,
  language: Language,
  seriesName: SeriesName,
): void {
  const year = doc?.site?.year;
  for (const p of out) {
    if (!p.text.startsWith('\u0000gaps:')) continue;
    const key = p.text.slice(6);
    const series = (doc?.timeSeries as Record<string, { values?: unknown[] }> | undefined)?.[key];
    const bad = Array.isArray(series?.values)
      ? series.values.reduce<number[]>((acc, v, i) => {
          if (typeof v !== 'number' || !Number.isFinite(v)) acc.push(i);
          return acc;
        }, [])
      : [...gaps.get(key)!].sort((a, b) => a - b);
    const first = bad[0] ?? [...gaps.get(key)!][0];
    // A quarter-hourly series (4 values per hour of the year) counts its gaps in quarter hours.
    const sy = typeof year === 'number' ? siteYearOrDefault(year, doc?.site?.timeZone) : null;
    const quarter = sy !== null && Array.isArray(series?.values) && series.values.length === 4 * sy.hours;
    p.text = t(quarter ? 'planner.check.msg.seriesQuarterGaps' : 'planner.check.msg.seriesGaps', {
      label: t('planner.check.series', { name: seriesName(key) }),
      count: bad.length || 1,
      hours: formatNumber(bad.length || 1, language, 0),
      first: t(quarter ? 'planner.check.msg.firstAtQuarter' : 'planner.check.msg.firstAt', {
        hour: formatNumber(first + 1, language, 0),
        date: sy
          ? // the site's local standard time (as the solver's messages): UTC fields of the wall clock
            formatDateTime(standardWallClock_ms(sy, quarter ? first / 4 : first), language, 'UTC')
          : '',
      }),
    });
  }
}

/** The technology a pointer below it belongs to, by its name. */
function techLabel(doc: Doc, pointer: string, t: TFunction): string {
  const parts = partsOf(pointer);
  return labelOf(doc, `/technologies/${parts[1]}`, t, (key) => key).label;
}

/**
 * The problems of a project file that cannot be imported, one line each: where in the file
 * ("hub.json:12:7") and the planner's sentence for it.
 */
export function fileProblems(
  findings: Finding[],
  text: string,
  fileName: string,
  t: TFunction,
  language: Language,
): string[] {
  let doc: unknown = null;
  try {
    doc = JSON.parse(text);
  } catch {
    // not JSON: the finding says so
  }
  const parsed = (typeof doc === 'object' && doc !== null ? doc : {}) as Doc;
  return describeProblems(findings, parsed, t, language, { blankHints: false }).map(
    (p) => `${fileName}${p.line !== undefined ? `:${p.line}:${p.column ?? 0}` : ''} – ${p.text}`,
  );
}
