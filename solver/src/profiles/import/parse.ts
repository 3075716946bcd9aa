import Papa from 'papaparse';
import { decodeText, ImportError } from './text';
import { guessDecimal, parseNumber, type DecimalSeparator } from './numbers';
import { parseStamp, StampResolver, stampFormatOf, type StampFormat } from './timestamps';

export { ImportError };

export interface ImportSettings {
  /** Value column to select: header name or 0-based index among all columns. */
  column?: string | number;
  /** Unit of the values when the file does not say: average power per interval or energy per interval. */
  unit?: 'kW' | 'kWh';
  /** Time zone of wall-clock stamps (default Europe/Berlin). */
  timeZone?: string;
  /** Stamps are in the zone's standard time all year (no daylight saving shift). */
  standardTime?: boolean;
  /** Whether a stamp marks the start or the end of its interval (default: detected). */
  stamp?: 'start' | 'end';
  /** For files without timestamps: the year (start 1 January 00:00 standard time). */
  year?: number;
  /** Interval length in minutes (default: from the stamps or the number of values). */
  resolution_min?: number;
}

export interface ImportIssue {
  kind: 'gap' | 'duplicate' | 'negative';
  /** 1-based line in the file (for gaps: the line after the gap). */
  line: number;
  time: string;
  message: string;
}

export interface ImportedColumn {
  name: string;
  /** 0-based column in the file. */
  index: number;
  unit: 'kW' | 'kWh';
  /** Average power per interval in kW; NaN where the file has a gap. */
  values_kW: Float64Array;
  energy_kWh: number;
  peak_kW: number;
}

export interface ImportResult {
  encoding: string;
  delimiter: string;
  decimal: DecimalSeparator;
  /** 1-based line of the header (0: none), lines of metadata above it. */
  headerLine: number;
  metadata: string[];
  timestampFormat: StampFormat | 'none';
  stamp: 'start' | 'end' | 'none';
  resolution_min: number;
  /** ISO instants: start of the first interval, end of the last. */
  start: string;
  end: string;
  count: number;
  columns: ImportedColumn[];
  selected: number;
  warnings: string[];
  issues: ImportIssue[];
}

const UNIT = /(?:^|[\s([{/_-])(M|k)?(W|Wh)(?=$|[\s)\]}/_.,;:-])/;

function unitOf(text: string): { unit: 'kW' | 'kWh'; scale: number } | null {
  const m = UNIT.exec(text);
  if (!m) return null;
  const scale = m[1] === 'M' ? 1000 : m[1] === 'k' ? 1 : 0.001;
  return { unit: m[2] === 'Wh' ? 'kWh' : 'kW', scale };
}

function splitter(delimiter: string, quoted: boolean): (line: string) => string[] {
  if (!quoted) return (line) => line.split(delimiter);
  return (line) => Papa.parse<string[]>(line, { delimiter, quoteChar: '"' }).data[0] ?? [''];
}

const fmt = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

/** Reads a load profile from CSV/TXT bytes (see docs/formats/profile-import.md). */
export function importProfile(bytes: Uint8Array, settings: ImportSettings = {}): ImportResult {
  const { text, encoding } = decodeText(bytes);
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new ImportError('the file has no lines');
  const warnings: string[] = [];

  // Delimiter: the candidate whose field count (≥ 2) stays the same over the longest run of lines at the
  // end of the file (the data), so metadata lines above the header do not disturb it. A single column of
  // numbers with decimal commas ("1,5") is not comma-separated.
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const tail = nonEmpty.slice(-200);
  const decimalCommaColumn = tail.every((l) => /^\s*[+-]?\d+,\d+\s*$/.test(l) || /^\s*[+-]?\d+\s*$/.test(l));
  let delimiter = '';
  let bestRun = 0;
  for (const d of decimalCommaColumn ? [';', '\t'] : [';', '\t', ',']) {
    const last = tail[tail.length - 1].split(d).length;
    if (last < 2) continue;
    let run = 0;
    for (let i = tail.length - 1; i >= 0 && tail[i].split(d).length === last; i--) run++;
    if (run > bestRun) {
      bestRun = run;
      delimiter = d;
    }
  }
  const split = delimiter ? splitter(delimiter, text.includes('"')) : (l: string) => [l];
  return importRows(lines.map(split), settings, { encoding, delimiter, warnings });
}

/**
 * The format-independent part: rows of cells (from CSV/TXT, or from a spreadsheet's first sheet) to
 * an imported profile. Row k is line k + 1 of the file.
 */
export function importRows(
  rows: string[][],
  settings: ImportSettings,
  source: { encoding: string; delimiter: string; warnings?: string[] },
): ImportResult {
  const warnings = source.warnings ?? [];
  const { encoding, delimiter } = source;
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  if (rows.length === 0) throw new ImportError('the file has no rows');
  const lines = rows.map((r) => r.join(delimiter || ';'));
  const width = rows[rows.length - 1].length;

  // Cells that look like data: numbers (either decimal) or timestamps.
  const isData = (c: string) =>
    c.trim() !== '' &&
    (stampFormatOf(c) !== null ||
      !Number.isNaN(parseNumber(c, ',') ?? NaN) ||
      !Number.isNaN(parseNumber(c, '.') ?? NaN));
  const isDataRow = (r: string[]) =>
    r.length === width && r.some(isData) && r.every((c) => c.trim() === '' || isData(c));
  // The first data row: from there on, rows are data (a unit row may sit between header and data).
  let first = 0;
  while (first < rows.length && !isDataRow(rows[first])) first++;
  if (first >= rows.length)
    throw new ImportError(
      rows.length <= 2
        ? 'the file has a header but no data rows'
        : 'no data rows found: no line holds only numbers and timestamps',
    );
  let headerIdx = -1;
  let unitRow: string[] | null = null;
  for (let i = first - 1; i >= 0; i--) {
    if (rows[i].length === width && rows[i].some((c) => c.trim() !== '')) {
      const unitOnly = (c: string) => /^[[(]?\s*(?:[Mk]?Wh?|-)?\s*[\])]?$/.test(c.trim());
      if (
        unitRow === null &&
        i === first - 1 &&
        rows[i].every(unitOnly) &&
        rows[i].some((c) => unitOf(c) !== null)
      ) {
        unitRow = rows[i];
        continue;
      }
      headerIdx = i;
      break;
    }
  }
  const header =
    headerIdx >= 0
      ? rows[headerIdx].map((c) => c.trim())
      : Array.from({ length: width }, (_, j) => `Spalte ${j + 1}`);
  const metadata = lines.slice(0, Math.max(0, headerIdx)).filter((l) => l.trim() !== '');
  const data = rows.slice(first);
  const lineOf = (k: number) => first + k + 1;
  if (data.length === 0) throw new ImportError('the file has a header but no data rows');

  // Column roles from a sample.
  const sample = data.slice(0, 200);
  const formats: (StampFormat | null)[] = header.map((_, j) => {
    const f = stampFormatOf(sample[0][j] ?? '');
    return f && sample.every((r) => stampFormatOf(r[j] ?? '') === f) ? f : null;
  });
  const stampCols: number[] = [];
  let stampFormat: StampFormat | 'none' = 'none';
  for (let j = 0; j < width; j++) {
    const f = formats[j];
    if (!f || stampCols.length) continue;
    if (f === 'german-date' && formats[j + 1] === 'time') {
      stampCols.push(j, j + 1);
      stampFormat = 'german-date';
    } else if (f !== 'time' && f !== 'german-date') {
      stampCols.push(j);
      stampFormat = f;
    }
  }
  const skip = new Set(formats.map((f, j) => (f ? j : -1)).filter((j) => j >= 0));
  const decimal = guessDecimal(sample.flatMap((r) => r.filter((_, j) => !skip.has(j))));
  const valueCols = header
    .map((_, j) => j)
    .filter((j) => !skip.has(j) && sample.some((r) => parseNumber(r[j] ?? '', decimal) !== null));
  if (valueCols.length === 0) throw new ImportError('no column with numbers found');
  const toLabel = stampFormat === 'german-date' ? 'Datum/Zeit' : 'Zeit';
  if (stampCols.length > 1 && stampFormat !== 'german-date')
    warnings.push(
      `from–to columns: the first (${header[stampCols[0]] || toLabel}) is taken as the start of each interval`,
    );

  // Instants.
  const n = data.length;
  const instants = new Float64Array(n);
  let resolution_min = settings.resolution_min ?? 0;
  let stampMode: ImportResult['stamp'] = 'none';
  if (stampCols.length) {
    const zone = settings.timeZone ?? 'Europe/Berlin';
    let resolver: StampResolver;
    try {
      resolver = new StampResolver(zone, settings.standardTime ?? false);
    } catch (e) {
      throw new ImportError((e as Error).message);
    }
    const sc = stampCols[0];
    for (let k = 0; k < n; k++) {
      const r = data[k];
      const st = parseStamp(
        stampFormat as StampFormat,
        r[sc] ?? '',
        stampFormat === 'german-date' ? r[stampCols[1]] : undefined,
      );
      if (!st)
        throw new ImportError(
          `line ${lineOf(k)}: column '${header[sc]}': expected a timestamp like the lines above, found '${r[sc]}'`,
          lineOf(k),
          sc + 1,
        );
      const t = resolver.resolve(st);
      if (typeof t === 'string')
        throw new ImportError(`line ${lineOf(k)}: '${r[sc]}' ${t}`, lineOf(k), sc + 1);
      instants[k] = t;
    }
    if (!resolution_min) {
      const diffs: number[] = [];
      for (let k = 1; k < Math.min(n, 2000); k++)
        if (instants[k] > instants[k - 1]) diffs.push(instants[k] - instants[k - 1]);
      diffs.sort((a, b) => a - b);
      if (!diffs.length) throw new ImportError('cannot tell the interval length: give the resolution');
      resolution_min = Math.round(diffs[diffs.length >> 1] / 60_000);
    }
    // Interval-end stamps: the first stamp is one interval after midnight (e.g. 00:15), or settings say so.
    const firstStamp = parseStamp(
      stampFormat as StampFormat,
      data[0][sc] ?? '',
      stampFormat === 'german-date' ? data[0][stampCols[1]] : undefined,
    )!;
    stampMode =
      settings.stamp ?? (firstStamp.hour * 60 + firstStamp.minute === resolution_min ? 'end' : 'start');
    if (stampMode === 'end') {
      for (let k = 0; k < n; k++) instants[k] -= resolution_min * 60_000;
      if (!settings.stamp)
        warnings.push(
          `stamps mark the end of each interval (the first is ${data[0][sc]}); shifted to interval starts`,
        );
    }
  } else {
    const year = settings.year;
    if (!year)
      throw new ImportError(
        `the file has no timestamps: give the year (and the resolution unless it follows from the ${n} values)`,
      );
    if (!resolution_min) {
      const minutesInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 60_000;
      if (minutesInYear % n !== 0)
        throw new ImportError(`${n} values do not fill the year ${year} evenly: give the resolution`);
      resolution_min = minutesInYear / n;
    }
    const resolver = new StampResolver(settings.timeZone ?? 'Europe/Berlin', true);
    const t0 = resolver.resolve({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0 }) as number;
    for (let k = 0; k < n; k++) instants[k] = t0 + k * resolution_min * 60_000;
    warnings.push(
      `no timestamps: ${n} values taken as ${resolution_min}-minute intervals from 1 January ${year} 00:00 standard time`,
    );
  }
  if (!(resolution_min > 0)) throw new ImportError('the interval length must be positive');

  // The regular grid and the values on it.
  const step = resolution_min * 60_000;
  const startT = instants[0];
  let endT = startT;
  for (let k = 0; k < n; k++) if (instants[k] > endT) endT = instants[k];
  const count = Math.round((endT - startT) / step) + 1;
  const slotLine = new Int32Array(count).fill(-1);
  const slotOf = new Int32Array(n);
  const issues: ImportIssue[] = [];
  for (let k = 0; k < n; k++) {
    const pos = (instants[k] - startT) / step;
    if (Math.abs(pos - Math.round(pos)) > 1e-6)
      throw new ImportError(
        `line ${lineOf(k)}: ${fmt(instants[k])} is not on the ${resolution_min}-minute grid that starts at ${fmt(startT)}`,
        lineOf(k),
      );
    const slot = Math.round(pos);
    if (slot < 0)
      throw new ImportError(`line ${lineOf(k)}: time goes backwards (${fmt(instants[k])})`, lineOf(k));
    if (slotLine[slot] >= 0) {
      issues.push({
        kind: 'duplicate',
        line: lineOf(k),
        time: fmt(instants[k]),
        message: `line ${lineOf(k)}: ${fmt(instants[k])} appears again (first on line ${slotLine[slot]}); the first value is kept`,
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
      message: `gap of ${e - s} interval(s) from ${fmt(startT + s * step)} (before line ${slotLine[e]}); not filled: choose a fill rule`,
    });
    s = e;
  }

  // Columns whose unit is not known (e.g. reactive power in kvar) are left out unless selected.
  const chosen = (j: number) =>
    settings.column !== undefined &&
    (settings.column === j || settings.column === (header[j] || `Spalte ${j + 1}`));
  const readable = valueCols.filter((j, idx) => {
    if (settings.unit || unitOf(`${header[j] ?? ''} ${unitRow?.[j] ?? ''}`) || chosen(j)) return true;
    const anyOther = valueCols.some(
      (o, k) => k !== idx && unitOf(`${header[o] ?? ''} ${unitRow?.[o] ?? ''}`),
    );
    if (anyOther)
      warnings.push(
        `column '${header[j] || `Spalte ${j + 1}`}' has no unit in kW or kWh and was left out (select it with a unit to read it)`,
      );
    return !anyOther;
  });
  const columns: ImportedColumn[] = readable.map((j) => {
    const name = header[j] || `Spalte ${j + 1}`;
    const u = unitOf(`${header[j] ?? ''} ${unitRow?.[j] ?? ''}`);
    const unit = settings.unit ?? u?.unit;
    if (!unit)
      throw new ImportError(
        `the unit of column '${name}' is not in the file: choose kW (power) or kWh (energy per interval)`,
        headerIdx + 1,
        j + 1,
      );
    const scale = settings.unit ? 1 : (u?.scale ?? 1);
    const toKW = unit === 'kWh' ? 60 / resolution_min : 1;
    const values = new Float64Array(count).fill(NaN);
    let negatives = 0;
    for (let k = 0; k < n; k++) {
      const slot = slotOf[k];
      if (slot < 0) continue;
      const raw = data[k][j] ?? '';
      const v = parseNumber(raw, decimal);
      if (v === null) continue;
      if (Number.isNaN(v))
        throw new ImportError(
          `line ${lineOf(k)}, column '${name}': expected a number, found '${raw.trim()}'`,
          lineOf(k),
          j + 1,
        );
      if (v < 0 && negatives++ === 0)
        issues.push({
          kind: 'negative',
          line: lineOf(k),
          time: fmt(startT + slot * step),
          message: `line ${lineOf(k)}, column '${name}': negative value ${raw.trim()} (feed-in or a sign error?)`,
        });
      values[slot] = v * scale * toKW;
    }
    let energy = 0;
    let peak = -Infinity;
    for (const v of values)
      if (!Number.isNaN(v)) {
        energy += (v * resolution_min) / 60;
        peak = Math.max(peak, v);
      }
    return { name, index: j, unit, values_kW: values, energy_kWh: energy, peak_kW: peak };
  });

  let selected = 0;
  if (settings.column !== undefined) {
    const c = settings.column;
    selected =
      typeof c === 'number'
        ? columns.findIndex((col) => col.index === c)
        : columns.findIndex((col) => col.name === c);
    if (selected < 0)
      throw new ImportError(
        `no value column ${typeof c === 'number' ? `at index ${c}` : `named '${c}'`} (value columns: ${columns.map((col) => `${col.index}: ${col.name}`).join(', ')})`,
      );
  }
  const gaps = issues.filter((i) => i.kind === 'gap');
  if (gaps.length)
    warnings.push(
      `${gaps.length} gap(s), ${count - slotLine.filter((l) => l >= 0).length} missing interval(s); first: ${gaps[0].message}`,
    );
  const dups = issues.filter((i) => i.kind === 'duplicate');
  if (dups.length) warnings.push(`${dups.length} duplicate timestamp(s); first: ${dups[0].message}`);
  for (const i of issues.filter((x) => x.kind === 'negative')) warnings.push(i.message);

  return {
    encoding,
    delimiter,
    decimal,
    headerLine: headerIdx + 1,
    metadata,
    timestampFormat: stampFormat,
    stamp: stampMode,
    resolution_min,
    start: fmt(startT),
    end: fmt(startT + count * step),
    count,
    columns,
    selected,
    warnings,
    issues,
  };
}
