/** The collection of data rows and their placement on the regular grid, for importProfile and its stream. */
import { fail } from './text';
import { formatImportMessage, importMessage, type ImportMessage } from './messages';
import { isMissingCell, parseNumber, scaleWordOf, type DecimalSeparator } from './numbers';
import { parseStamp, StampResolver, type Stamp, type StampFormat } from './timestamps';
import type { ImportedColumn, ImportIssue, ImportResult, ImportSettings } from './parse';
import { siteYear } from '../../calendar/siteYear';

/** An issue's English text and its message. */
const issueText = (detail: ImportMessage) => ({ message: formatImportMessage(detail), detail });

const fmt = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

/** What the analysis of the first lines decided about a file. */
export interface Plan {
  encoding: string;
  delimiter: string;
  decimal: DecimalSeparator;
  header: string[];
  headerIdx: number;
  metadata: string[];
  unitRow: string[] | null;
  /** Per column: the unit the file states (header or unit row, or the metadata block above the header). */
  units: ({ unit: 'kW' | 'kWh'; scale: number; source: 'header' | 'metadata' } | null)[];
  stampCols: number[];
  stampFormat: StampFormat | 'none';
  readable: number[];
  messages: ImportMessage[];
}

/** Growable Float64Array: rows are kept as numbers only, so memory stays proportional to the values. */
class Floats {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Reads data rows one at a time (from an array or a stream), keeping only their instants and values,
 * then places them on the regular grid.
 */
export function createCollector(
  plan: Plan,
  settings: ImportSettings,
): { add(row: string[], line: number): void; finish(): ImportResult } {
  const { header, stampCols, stampFormat, decimal, readable, messages } = plan;
  const warn = (m: ImportMessage) => messages.push(m);
  const sc = stampCols[0];
  /** Cells that say they have no value (n/a, -, NaN …): row index, line, column, text. */
  const missing: { k: number; line: number; column: string; found: string }[] = [];
  let resolver: StampResolver | null = null;
  if (stampCols.length) {
    try {
      resolver = new StampResolver(settings.timeZone ?? 'Europe/Berlin', settings.standardTime ?? false);
    } catch {
      throw fail('unknownTimeZone', { zone: settings.timeZone ?? 'Europe/Berlin' });
    }
  }
  /** The file's clock, for the times in messages. */
  let clock = resolver;
  const instants = new Floats();
  /** Per row: its wall-clock stamp read as if it were UTC (NaN for stamps with an offset). */
  const naive = new Floats();
  let skipped: { line: number; found: string; stamp: string; column: number } | null = null;
  let timeBasis: ImportResult['timeBasis'] = !resolver
    ? 'none'
    : settings.standardTime
      ? 'standard'
      : (settings.timeZone ?? 'Europe/Berlin') === 'UTC'
        ? 'utc'
        : 'legal';
  const lines = new Floats();
  const values = readable.map(() => new Floats());
  let firstStampText = '';
  let firstStamp: ReturnType<typeof parseStamp> = null;
  const name = (j: number) => header[j] || `Spalte ${j + 1}`;

  return {
    add(r, line) {
      if (resolver) {
        const st = parseStamp(
          stampFormat as StampFormat,
          r[sc] ?? '',
          stampFormat === 'german-date' ? r[stampCols[1]] : undefined,
        );
        if (!st)
          throw fail('expectedTimestamp', { line, column: header[sc], found: r[sc] ?? '' }, line, sc + 1);
        let t = resolver.resolve(st);
        const text = () =>
          stampFormat === 'german-date' ? `${r[sc] ?? ''} ${r[stampCols[1]] ?? ''}` : (r[sc] ?? '');
        // A stamp in the skipped spring hour may mean a file in standard time or UTC all year: decided
        // at the end, when it is known whether the file repeats the autumn hour.
        if (t === 'skipped-hour' && settings.standardTime === undefined && st.offset_min === undefined) {
          skipped ??= { line, found: r[sc] ?? '', stamp: text(), column: sc + 1 };
          t = NaN;
        }
        if (typeof t === 'string') {
          const code =
            t === 'invalid-date' ? 'invalidDate' : t === 'skipped-hour' ? 'skippedHour' : 'invalidDateTime';
          throw fail(
            code,
            { line, found: r[sc] ?? '', zone: settings.timeZone ?? 'Europe/Berlin' },
            line,
            sc + 1,
          );
        }
        if (instants.length === 0) {
          firstStamp = st;
          firstStampText =
            stampFormat === 'german-date' ? `${r[sc] ?? ''} ${r[stampCols[1]] ?? ''}` : (r[sc] ?? '');
        }
        instants.push(t);
        naive.push(
          st.offset_min === undefined
            ? Date.UTC(st.year, st.month - 1, st.day, st.hour, st.minute, st.second)
            : NaN,
        );
      } else instants.push(NaN);
      lines.push(line);
      readable.forEach((j, c) => {
        const raw = r[j] ?? '';
        const v = parseNumber(raw, decimal);
        if (v !== null && Number.isNaN(v)) {
          if (!isMissingCell(raw))
            throw fail('expectedNumber', { line, column: name(j), found: raw.trim() }, line, j + 1);
          missing.push({ k: lines.length - 1, line, column: name(j), found: raw.trim() });
        }
        values[c].push(v === null ? NaN : v);
      });
    },
    finish() {
      const n = instants.length;
      if (n === 0) throw fail('headerNoData');
      const inst = instants.view();
      const lineOf = (k: number) => lines.data[k];
      if (firstStamp?.offset_min !== undefined) timeBasis = 'offset';
      if (skipped) {
        const zone = settings.timeZone ?? 'Europe/Berlin';
        const basis = noDaylightSaving(naive.view(), zone);
        if (!basis)
          throw fail(
            'skippedHour',
            { line: skipped.line, found: skipped.found, zone },
            skipped.line,
            skipped.column,
          );
        // UTC when the file says so (header or metadata), else the zone's standard time.
        const utc = /\b(?:UTC|GMT)\b/.test([...plan.header, ...plan.metadata].join(' '));
        const offset_min = utc ? 0 : basis.standardOffset_min;
        const nv = naive.view();
        for (let k = 0; k < n; k++) inst[k] = nv[k] - offset_min * 60_000;
        clock = new StampResolver(utc ? 'UTC' : zone, true);
        timeBasis = utc ? 'utc' : 'standard';
        const h = offset_min / 60;
        warn(
          utc
            ? importMessage('utcAssumed', { found: skipped.stamp })
            : importMessage('standardTimeAssumed', {
                found: skipped.stamp,
                offset: `${h < 0 ? '-' : '+'}${Math.abs(h)}`,
              }),
        );
      }
      const axis = timeAxis(inst, settings, {
        firstStamp: resolver ? firstStamp : null,
        firstStampText,
        warn,
      });
      if (axis.fileClock) clock = axis.fileClock;
      const { resolution_min, stampMode } = axis;
      /**
       * A time for a message: the ISO instant (`time`, machine-readable) and the same instant in the
       * file's own clock (`timeLocal`, what the user reads): UTC when its stamps say Z, else the time
       * zone's wall time (standard time all year when the file has no daylight saving).
       */
      const fileOffset = firstStamp?.offset_min === 0 ? 0 : undefined;
      const at = (t: number) => ({
        time: fmt(t),
        timeLocal: clock ? clock.wallClock(t, fileOffset) : fmt(t),
      });
      const grid = placeOnGrid(inst, lineOf, resolution_min, at);
      const columns = readable.map((j, c) =>
        gridColumn(plan, settings, grid, { j, name: name(j), raw: values[c].view(), lineOf }),
      );
      const selected = selectedColumn(columns, settings);
      summarise(grid, missing, warn);
      const { startT, step, count, issues } = grid;

      return {
        encoding: plan.encoding,
        delimiter: plan.delimiter,
        decimal,
        headerLine: plan.headerIdx + 1,
        metadata: plan.metadata,
        timestampFormat: stampFormat,
        timeBasis,
        stamp: stampMode,
        resolution_min,
        start: fmt(startT),
        end: fmt(startT + count * step),
        count,
        columns,
        selected,
        warnings: messages.map((m) => formatImportMessage(m)),
        messages,
        issues,
      };
    },
  };
}

/**
 * Whether wall-clock stamps (as if UTC, `naive`) are written without daylight saving: the file
 * covers an autumn clock change of the zone (from siteYear) and never repeats its hour. Returns the
 * zone's standard offset, or null when the file repeats the hour or does not reach an autumn change
 * (then a stamp in the skipped spring hour stays an error).
 */
function noDaylightSaving(naive: Float64Array, zone: string): { standardOffset_min: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of naive)
    if (!Number.isNaN(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (!(hi >= lo)) return null;
  let covered = false;
  let std = 0;
  for (let y = new Date(lo).getUTCFullYear(); y <= new Date(hi).getUTCFullYear(); y++) {
    const sy = siteYear(y, zone);
    std = sy.standardOffset_min;
    const fb = sy.fallBack;
    if (!fb) continue;
    // The repeated wall-clock hour: from the change (in standard time) for the shift's length.
    const from = fb.instant_ms + sy.standardOffset_min * 60_000;
    const to = from - fb.shift_min * 60_000;
    if (lo >= from || hi < to) continue;
    covered = true;
    const seen = new Set<number>();
    for (const v of naive)
      if (v >= from && v < to) {
        if (seen.has(v)) return null;
        seen.add(v);
      }
  }
  return covered ? { standardOffset_min: std } : null;
}

/**
 * The time axis: the interval length (given, or the most frequent step between stamps), whether
 * stamps mark interval ends (then shifted to starts in `inst`), and for a file without stamps the
 * instants of the project year's grid (with the standard-time clock of its messages).
 */
function timeAxis(
  inst: Float64Array,
  settings: ImportSettings,
  file: { firstStamp: Stamp | null; firstStampText: string; warn: (m: ImportMessage) => void },
): { resolution_min: number; stampMode: ImportResult['stamp']; fileClock: StampResolver | null } {
  const n = inst.length;
  let resolution_min = settings.resolution_min ?? 0;
  const first = file.firstStamp;
  if (first) {
    if (!resolution_min) {
      const diffs: number[] = [];
      for (let k = 1; k < Math.min(n, 2000); k++)
        if (inst[k] > inst[k - 1]) diffs.push(inst[k] - inst[k - 1]);
      if (!diffs.length) throw fail('unknownInterval');
      // The most frequent step (ties: the shorter), so a gap does not stretch the grid.
      const freq = new Map<number, number>();
      for (const d of diffs) freq.set(d, (freq.get(d) ?? 0) + 1);
      let best = diffs[0];
      for (const [d, c] of freq)
        if (c > (freq.get(best) ?? 0) || (c === freq.get(best) && d < best)) best = d;
      resolution_min = Math.round(best / 60_000);
    }
    // Interval-end stamps: the first stamp is one interval after midnight (e.g. 00:15), or settings say so.
    const stampMode = settings.stamp ?? (first.hour * 60 + first.minute === resolution_min ? 'end' : 'start');
    if (stampMode === 'end') {
      for (let k = 0; k < n; k++) inst[k] -= resolution_min * 60_000;
      if (!settings.stamp) file.warn(importMessage('intervalEndStamps', { first: file.firstStampText }));
    }
    if (!(resolution_min > 0)) throw fail('nonPositiveInterval');
    return { resolution_min, stampMode, fileClock: null };
  }
  const year = settings.year;
  if (!year) throw fail('noTimestampsYear', { count: n });
  if (!resolution_min) {
    const minutesInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 60_000;
    // A whole year of hours or quarter hours, but of the other kind of year (leap or not).
    for (const step of [60, 15]) {
      const hours = (n * step) / 60;
      if ((hours === 8760 || hours === 8784) && hours * 60 !== minutesInYear)
        throw fail('yearLength', { count: n, hours, resolution: step, year, expected: minutesInYear / 60 });
    }
    if (minutesInYear % n !== 0) throw fail('unevenYear', { count: n, year });
    resolution_min = minutesInYear / n;
  }
  const zone = settings.timeZone ?? 'Europe/Berlin';
  const t0 = new StampResolver(zone, true).resolve({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  for (let k = 0; k < n; k++) inst[k] = (t0 as number) + k * resolution_min * 60_000;
  file.warn(importMessage('noTimestamps', { count: n, resolution: resolution_min, year }));
  if (!(resolution_min > 0)) throw fail('nonPositiveInterval');
  return { resolution_min, stampMode: 'none', fileClock: new StampResolver(zone, true) };
}

/** Rows placed on the regular grid: the line of each slot (−1: a gap), each row's slot (−1: a duplicate). */
interface Grid {
  resolution_min: number;
  startT: number;
  step: number;
  count: number;
  slotLine: Int32Array;
  slotOf: Int32Array;
  issues: ImportIssue[];
}

type At = (t: number) => { time: string; timeLocal: string };

/** Places each row on the grid from the first instant; off-grid and backward rows are errors, duplicates and gaps issues. */
function placeOnGrid(
  inst: Float64Array,
  lineOf: (k: number) => number,
  resolution_min: number,
  at: At,
): Grid {
  const n = inst.length;
  const step = resolution_min * 60_000;
  const startT = inst[0];
  let endT = startT;
  for (let k = 0; k < n; k++) if (inst[k] > endT) endT = inst[k];
  const count = Math.round((endT - startT) / step) + 1;
  const slotLine = new Int32Array(count).fill(-1);
  const slotOf = new Int32Array(n);
  const issues: ImportIssue[] = [];
  for (let k = 0; k < n; k++) {
    const pos = (inst[k] - startT) / step;
    if (Math.abs(pos - Math.round(pos)) > 1e-6)
      throw fail(
        'offGrid',
        {
          line: lineOf(k),
          ...at(inst[k]),
          resolution: resolution_min,
          start: fmt(startT),
          startLocal: at(startT).timeLocal,
        },
        lineOf(k),
      );
    const slot = Math.round(pos);
    if (slot < 0) throw fail('backwards', { line: lineOf(k), ...at(inst[k]) }, lineOf(k));
    if (slotLine[slot] >= 0) {
      issues.push({
        kind: 'duplicate',
        line: lineOf(k),
        time: fmt(inst[k]),
        ...issueText(
          importMessage('duplicate', { line: lineOf(k), ...at(inst[k]), firstLine: slotLine[slot] }),
        ),
      });
      slotOf[k] = -1;
      continue;
    }
    slotLine[slot] = lineOf(k);
    slotOf[k] = slot;
  }
  for (let s = 0; s < count;) {
    if (slotLine[s] >= 0) {
      s++;
      continue;
    }
    let e = s;
    while (e < count && slotLine[e] < 0) e++;
    issues.push({
      kind: 'gap',
      line: slotLine[e] ?? 0,
      time: fmt(startT + s * step),
      ...issueText(
        importMessage('gap', { intervals: e - s, ...at(startT + s * step), line: slotLine[e] ?? 0 }),
      ),
    });
    s = e;
  }
  return { resolution_min, startT, step, count, slotLine, slotOf, issues };
}

const SCALES = { W: 0.001, kW: 1, MW: 1000 } as const;

/** The median of the absolute values that are not gaps (0 for none). */
function medianAbs(raw: Float64Array): number {
  const v = Array.from(raw)
    .filter((x) => !Number.isNaN(x))
    .map(Math.abs)
    .sort((a, b) => a - b);
  return v.length ? v[v.length >> 1] : 0;
}

/** One value column on the grid in kW (energy per interval divided by its hours), with its energy and peak. */
function gridColumn(
  plan: Plan,
  settings: ImportSettings,
  grid: Grid,
  col: { j: number; name: string; raw: Float64Array; lineOf: (k: number) => number },
): ImportedColumn {
  const { j, name, raw, lineOf } = col;
  const { resolution_min, slotOf, startT, step, count, issues } = grid;
  const { messages } = plan;
  const u = plan.units[j];
  let unit = settings.unit ?? u?.unit;
  let scale = settings.unit ? 1 : (u?.scale ?? 1);
  let unitSource: ImportedColumn['unitSource'] = settings.unit ? 'setting' : (u?.source ?? 'assumed');
  if (!unit) {
    // Hourly values without a unit: average kW and kWh per hour are the same number, so only the
    // scale is a guess (from a word in the header, else from the size of the numbers).
    // Only where the file names no unit at all: a column that names another one (kvar, °C) is not guessed.
    const otherUnit = plan.units.some((x) => x) || /[[(][^\])]+[\])]/.test(plan.header[j] ?? '');
    if (resolution_min !== 60 || otherUnit)
      throw fail('unitMissing', { column: name, resolution: resolution_min }, plan.headerIdx + 1, j + 1);
    unit = 'kW';
    unitSource = 'assumed';
    const word = scaleWordOf(plan.header[j] ?? '');
    const guess = settings.scale ?? word ?? (medianAbs(raw) > 10_000 ? 'W' : 'kW');
    scale = SCALES[guess];
    if (!settings.scale)
      messages.push(
        importMessage(word ? 'unitAssumedHourlyHeader' : 'unitAssumedHourlyMagnitude', {
          column: name,
          scale: guess,
        }),
      );
  }
  if (settings.scale) scale = SCALES[settings.scale];
  const toKW = unit === 'kWh' ? 60 / resolution_min : 1;
  const out = new Float64Array(count).fill(NaN);
  let negatives = 0;
  for (let k = 0; k < raw.length; k++) {
    const slot = slotOf[k];
    const v = raw[k];
    if (slot < 0 || Number.isNaN(v)) continue;
    if (v < 0 && negatives++ === 0)
      issues.push({
        kind: 'negative',
        line: lineOf(k),
        time: fmt(startT + slot * step),
        ...issueText(
          importMessage('negative', {
            line: lineOf(k),
            column: name,
            value: String(v).replace('.', plan.decimal),
          }),
        ),
      });
    out[slot] = v * scale * toKW;
  }
  let energy = 0;
  let peak = -Infinity;
  for (const v of out)
    if (!Number.isNaN(v)) {
      energy += (v * resolution_min) / 60;
      peak = Math.max(peak, v);
    }
  return { name, index: j, unit, unitSource, scale, values: out, energy_kWh: energy, peak_kW: peak };
}

/** The column the settings ask for (by header name or 0-based index), else the first. */
function selectedColumn(columns: ImportedColumn[], settings: ImportSettings): number {
  const col = settings.column;
  if (col === undefined) return 0;
  const selected =
    typeof col === 'number'
      ? columns.findIndex((x) => x.index === col)
      : columns.findIndex((x) => x.name === col);
  if (selected < 0)
    throw fail(typeof col === 'number' ? 'noColumnIndex' : 'noColumnNamed', {
      column: col,
      columns: columns.map((x) => `${x.index}: ${x.name}`).join(', '),
    });
  return selected;
}

/** Warnings from the issues: gaps and duplicates summarised, empty cells one by one up to five, every negative column. */
function summarise(
  grid: Grid,
  missing: { k: number; line: number; column: string; found: string }[],
  warn: (m: ImportMessage) => void,
): void {
  const { issues, count, slotLine, slotOf, startT, step } = grid;
  const gaps = issues.filter((i) => i.kind === 'gap');
  if (gaps.length)
    warn(
      importMessage(
        'gapsSummary',
        { gaps: gaps.length, missing: count - slotLine.filter((l) => l >= 0).length },
        gaps[0].detail,
      ),
    );
  for (const m of missing)
    issues.push({
      kind: 'missing',
      line: m.line,
      time: fmt(startT + Math.max(0, slotOf[m.k]) * step),
      ...issueText(importMessage('missingValue', { line: m.line, column: m.column, found: m.found })),
    });
  const empty = issues.filter((i) => i.kind === 'missing');
  if (empty.length > 5) warn(importMessage('missingSummary', { count: empty.length }, empty[0].detail));
  else for (const i of empty) warn(i.detail);
  const dups = issues.filter((i) => i.kind === 'duplicate');
  if (dups.length) warn(importMessage('duplicatesSummary', { count: dups.length }, dups[0].detail));
  for (const i of issues.filter((x) => x.kind === 'negative')) warn(i.detail);
}
