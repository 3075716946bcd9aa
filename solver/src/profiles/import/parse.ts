import Papa from 'papaparse';
import { decodeText, fail, ImportError } from './text';
import { importMessage, type ImportMessage } from './messages';
import {
  guessDecimal,
  isMissingCell,
  metadataUnitOf,
  parseNumber,
  unitOf,
  type DecimalSeparator,
} from './numbers';
import { stampFormatOf, type StampFormat } from './timestamps';
import { createCollector, type Plan } from './collect';

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
  /** Overrides of the detected layout: field delimiter, decimal separator, 1-based header line (0: none). */
  delimiter?: ';' | ',' | '\t';
  decimal?: DecimalSeparator;
  headerLine?: number;
  /** For files without timestamps: the year (start 1 January 00:00 standard time). */
  year?: number;
  /**
   * Scale of the values (W, kW or MW): overrides the file's and the guessed one. Hourly values without
   * a unit are read as average power whose scale is guessed from the header or the size of the numbers.
   */
  scale?: 'W' | 'kW' | 'MW';
  /** Interval length in minutes (default: from the stamps or the number of values). */
  resolution_min?: number;
}

export interface ImportIssue {
  /** 'missing': a cell that says it has no value (n/a, -, NaN …), read as a gap at its line and column. */
  kind: 'gap' | 'duplicate' | 'negative' | 'missing';
  /** 1-based line in the file (for gaps: the line after the gap). */
  line: number;
  time: string;
  message: string;
  detail: ImportMessage;
}

export interface ImportedColumn {
  name: string;
  /** 0-based column in the file. */
  index: number;
  unit: 'kW' | 'kWh';
  /**
   * Where the unit comes from: the header (or a unit row), the metadata block above the header, the
   * settings, or a guess (hourly values without a unit: see the warnings).
   */
  unitSource: 'header' | 'metadata' | 'setting' | 'assumed';
  /** Factor from the file's numbers to kW or kWh (0.001 for W, 1000 for MW). */
  scale: number;
  /**
   * The value per interval, NaN where the file has a gap: average power in kW for an energy column
   * (a kWh file is converted); a column the user files as a price or a temperature keeps the file's
   * numbers as they are (the unit is then the one the user names, not `unit`).
   */
  values: Float64Array;
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
  /**
   * How wall-clock stamps were read: 'legal' (local time with daylight saving), 'standard' (the
   * zone's standard time all year), 'utc', 'offset' (the stamps carry their offset), 'none' (no stamps).
   */
  timeBasis: 'legal' | 'standard' | 'utc' | 'offset' | 'none';
  stamp: 'start' | 'end' | 'none';
  resolution_min: number;
  /** ISO instants: start of the first interval, end of the last. */
  start: string;
  end: string;
  count: number;
  columns: ImportedColumn[];
  selected: number;
  /** Warnings in English (the CLI prints these); `messages` holds the same for other languages. */
  warnings: string[];
  messages: ImportMessage[];
  issues: ImportIssue[];
}

function splitter(delimiter: string, quoted: boolean): (line: string) => string[] {
  if (!quoted) return (line) => line.split(delimiter);
  return (line) => Papa.parse<string[]>(line, { delimiter, quoteChar: '"' }).data[0] ?? [''];
}

/** An instant as ISO 8601 in UTC: the machine-readable form (`start`, `end`, issues' `time`). */

/** Reads a load profile from CSV/TXT bytes (see docs/formats/profile-import.md). */
export function importProfile(bytes: Uint8Array, settings: ImportSettings = {}): ImportResult {
  const { rows, encoding, delimiter } = readTable(bytes, settings.delimiter);
  const messages: ImportMessage[] = [];
  return importRows(rows, settings, { encoding, delimiter, messages });
}

/**
 * The one CSV/TXT reading of the solver: decoding (UTF-8 or Windows-1252), trailing blank lines
 * dropped, the delimiter detected (or given) and each line split into cells (quoted with Papa Parse
 * when the text has quotes). Row k is line k + 1 of the file.
 */
export function readTable(
  bytes: Uint8Array,
  delimiterSetting?: ImportSettings['delimiter'],
): { rows: string[][]; encoding: string; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw fail('noLines');
  const delimiter = delimiterSetting ?? detectDelimiter(lines);
  const split = delimiter ? splitter(delimiter, text.includes('"')) : (l: string) => [l];
  return { rows: lines.map(split), encoding, delimiter };
}

/**
 * Delimiter: the candidate whose field count (≥ 2) stays the same over the longest run of lines at the
 * end of `lines` (the data), so metadata lines above the header do not disturb it. A single column of
 * numbers with decimal commas ("1,5") is not comma-separated.
 */
function detectDelimiter(lines: string[]): string {
  const tail = lines.filter((l) => l.trim() !== '').slice(-200);
  if (tail.length === 0) return '';
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
  return delimiter;
}

/**
 * The format-independent part: rows of cells (from CSV/TXT, or from a spreadsheet's first sheet) to
 * an imported profile. Row k is line k + 1 of the file.
 */
export function importRows(
  rows: string[][],
  settings: ImportSettings,
  source: { encoding: string; delimiter: string; messages?: ImportMessage[] },
): ImportResult {
  const { plan, first } = analyseRows(rows, settings, source);
  const collector = createCollector(plan, settings);
  for (let k = first; k < rows.length; k++) if (!isBlank(rows[k])) collector.add(rows[k], k + 1);
  return collector.finish();
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');

/** Decides the file's layout from its first rows: header, metadata, stamp and value columns, units. */
function analyseRows(
  rows: string[][],
  settings: ImportSettings,
  source: { encoding: string; delimiter: string; messages?: ImportMessage[] },
): { plan: Plan; first: number } {
  const messages = source.messages ?? [];
  const warn = (m: ImportMessage) => messages.push(m);
  const { encoding, delimiter } = source;
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  if (rows.length === 0) throw fail('noRows');
  const lines = rows.map((r) => r.join(delimiter || ';'));
  const width = rows[rows.length - 1].length;

  const { first, headerIdx, unitRow } = findLayout(rows, width, settings);
  const header =
    headerIdx >= 0
      ? rows[headerIdx].map((c) => c.trim())
      : Array.from({ length: width }, (_, j) => `Spalte ${j + 1}`);
  const metadata = lines.slice(0, Math.max(0, headerIdx)).filter((l) => l.trim() !== '');
  const data: string[][] = [];
  for (let k = first; k < rows.length && data.length < 200; k++) if (!isBlank(rows[k])) data.push(rows[k]);
  if (data.length === 0) throw fail('headerNoData');

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
  const decimal = settings.decimal ?? guessDecimal(sample.flatMap((r) => r.filter((_, j) => !skip.has(j))));
  // Value candidates: columns with numbers; a text column (more text cells than numbers) is not one.
  const valueCols = header
    .map((_, j) => j)
    .filter((j) => {
      if (skip.has(j)) return false;
      let numbers = 0;
      let texts = 0;
      for (const r of sample) {
        const v = parseNumber(r[j] ?? '', decimal);
        if (v === null) continue;
        if (!Number.isNaN(v)) numbers++;
        else if (!isMissingCell(r[j] ?? '')) texts++;
      }
      return numbers > 0 && numbers >= texts;
    });
  if (valueCols.length === 0) throw fail('noNumberColumn');
  const toLabel = stampFormat === 'german-date' ? 'Datum/Zeit' : 'Zeit';
  if (stampCols.length > 1 && stampFormat !== 'german-date')
    warn(importMessage('fromToColumns', { column: header[stampCols[0]] || toLabel }));

  const { units, readable } = columnUnits(rows, { header, headerIdx, unitRow, valueCols }, settings, warn);
  const plan: Plan = {
    encoding,
    delimiter,
    decimal,
    header,
    headerIdx,
    metadata,
    unitRow,
    units,
    stampCols,
    stampFormat,
    readable,
    messages,
  };
  return { plan, first };
}

/**
 * Where the data start (the first data row, 0-based), the header line above it (−1: none) and a
 * unit row between them.
 */
function findLayout(
  rows: string[][],
  width: number,
  settings: ImportSettings,
): { first: number; headerIdx: number; unitRow: string[] | null } {
  // Cells that look like data: numbers (either decimal) or timestamps.
  const isData = (c: string) =>
    c.trim() !== '' &&
    (stampFormatOf(c) !== null ||
      !Number.isNaN(parseNumber(c, ',') ?? NaN) ||
      !Number.isNaN(parseNumber(c, '.') ?? NaN));
  const isNumber = (c: string) =>
    c.trim() !== '' &&
    (!Number.isNaN(parseNumber(c, ',') ?? NaN) || !Number.isNaN(parseNumber(c, '.') ?? NaN));
  // A data row: only numbers and timestamps, or a timestamp and at least one number beside text
  // cells (a comment column such as "ok, checked" in a portal export).
  const isPureDataRow = (r: string[]) =>
    r.length === width && r.some(isData) && r.every((c) => c.trim() === '' || isData(c) || isMissingCell(c));
  const isMixedDataRow = (r: string[]) =>
    r.length === width &&
    r.some((c) => stampFormatOf(c) !== null) &&
    r.some((c) => stampFormatOf(c) === null && isNumber(c));
  const isDataRow = (r: string[]) => isPureDataRow(r) || isMixedDataRow(r);
  // The first data row: from there on, rows are data (a unit row may sit between header and data).
  if (settings.headerLine !== undefined && !(settings.headerLine >= 0 && settings.headerLine < rows.length))
    throw fail('headerOutside', { headerLine: settings.headerLine, lines: rows.length });
  let first = settings.headerLine ?? 0;
  // A metadata line that happens to hold a date and a number beside text ("Erstellt am;05.12.2026
  // 10:00;Version;2") is not the first data row: after a row with text, the next row must be data too.
  const nextRow = (k: number) => {
    let i = k + 1;
    while (i < rows.length && isBlank(rows[i])) i++;
    return rows[i];
  };
  const startsData = (k: number) =>
    isPureDataRow(rows[k]) || (isMixedDataRow(rows[k]) && (!nextRow(k) || isDataRow(nextRow(k))));
  while (first < rows.length && !startsData(first)) first++;
  if (first >= rows.length) throw fail(rows.length <= 2 ? 'headerNoData' : 'noDataRows');
  let headerIdx = -1;
  let unitRow: string[] | null = null;
  for (let i = first - 1; i >= 0 && settings.headerLine === undefined; i--) {
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
  if (settings.headerLine) headerIdx = settings.headerLine - 1;
  return { first, headerIdx, unitRow };
}

/** Each column's unit (header, unit row or metadata block) and the value columns that are read. */
function columnUnits(
  rows: string[][],
  layout: { header: string[]; headerIdx: number; unitRow: string[] | null; valueCols: number[] },
  settings: ImportSettings,
  warn: (m: ImportMessage) => void,
): { units: Plan['units']; readable: number[] } {
  const { header, headerIdx, unitRow, valueCols } = layout;
  // Each column's unit: its header (or a unit row below it), else one named in the metadata block
  // above the header ("Einheit;kW", "Maßeinheit: kWh").
  let metaUnit: { unit: 'kW' | 'kWh'; scale: number; line: number } | null = null;
  for (let i = 0; i < Math.max(0, headerIdx) && !metaUnit; i++) {
    const u = metadataUnitOf(rows[i]);
    if (u) metaUnit = { ...u, line: i + 1 };
  }
  const units: Plan['units'] = header.map((_, j) => {
    const u = unitOf(`${header[j] ?? ''} ${unitRow?.[j] ?? ''}`);
    return u ? { ...u, source: 'header' } : null;
  });
  if (metaUnit)
    for (const j of valueCols)
      if (!units[j]) {
        units[j] = { unit: metaUnit.unit, scale: metaUnit.scale, source: 'metadata' };
        warn(
          importMessage('unitFromMetadata', {
            column: header[j] || `Spalte ${j + 1}`,
            unit: metaUnit.unit,
            line: metaUnit.line,
          }),
        );
      }
  // Columns whose unit is not known (e.g. reactive power in kvar) are left out unless selected.
  const chosen = (j: number) =>
    settings.column !== undefined &&
    (settings.column === j || settings.column === (header[j] || `Spalte ${j + 1}`));
  const readable = valueCols.filter((j, idx) => {
    if (settings.unit || units[j] || chosen(j)) return true;
    const anyOther = valueCols.some((o, k) => k !== idx && units[o]);
    if (anyOther) warn(importMessage('columnNoUnit', { column: header[j] || `Spalte ${j + 1}` }));
    return !anyOther;
  });
  return { units, readable };
}

/**
 * Streamed import for very large files: chunks are decoded and split into lines as they come; the
 * first lines decide the layout, then every row is reduced to its instant and values at once, so
 * memory grows with the number of values, not with the text.
 */
export async function importProfileStream(
  chunks: AsyncIterable<Uint8Array>,
  settings: ImportSettings = {},
  headLines = 500,
): Promise<ImportResult> {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let encoding = 'utf-8';
  let rest = '';
  let lineNo = 0;
  const head: string[] = [];
  let split: (l: string) => string[] = (l) => [l];
  let collector: ReturnType<typeof createCollector> | null = null;
  const messages: ImportMessage[] = [];

  const start = () => {
    while (head.length && head[head.length - 1].trim() === '') head.pop();
    if (head.length === 0) throw fail('fileEmpty');
    const delimiter = settings.delimiter ?? detectDelimiter(head);
    split = delimiter
      ? splitter(
          delimiter,
          head.some((l) => l.includes('"')),
        )
      : (l: string) => [l];
    const rows = head.map(split);
    const { plan, first } = analyseRows(rows, settings, { encoding, delimiter, messages });
    collector = createCollector(plan, settings);
    for (let k = first; k < rows.length; k++) if (!isBlank(rows[k])) collector.add(rows[k], k + 1);
  };
  const onLine = (line: string) => {
    lineNo++;
    if (!collector) {
      head.push(line);
      if (head.length >= headLines) start();
    } else if (line.trim() !== '') collector.add(split(line), lineNo);
  };

  const feed = (bytes: Uint8Array) => {
    let text: string;
    try {
      text = rest + decoder!.decode(bytes, { stream: true });
    } catch {
      throw fail('invalidUtf8', { line: lineNo + 1 }, lineNo + 1);
    }
    // Keep a trailing CR: its LF may start the next chunk.
    const parts = text.split(/\r\n|\n|\r(?!$)/);
    rest = parts.pop() ?? '';
    for (const l of parts) onLine(l.replace(/\r$/, ''));
  };
  // The encoding is decided on the first 64 KiB (or the whole file if it is shorter).
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const decide = (complete: boolean) => {
    const headBytes = new Uint8Array(pendingBytes);
    let o = 0;
    for (const p of pending) {
      headBytes.set(p, o);
      o += p.length;
    }
    // Judge only whole characters: a UTF-8 sequence cut at the end of the first 64 KiB is not an error.
    let cut = headBytes.length;
    if (!complete) {
      cut = Math.max(1, cut - 4);
      while (cut > 1 && (headBytes[cut] & 0xc0) === 0x80) cut--;
    }
    encoding = decodeText(headBytes.subarray(0, cut)).encoding; // also refuses empty and binary input
    decoder =
      encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : new TextDecoder('windows-1252');
    feed(headBytes);
  };
  for await (const chunk of chunks) {
    if (!decoder) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= 65536) decide(false);
      continue;
    }
    feed(chunk);
  }
  if (!decoder) decide(true);
  const tail = (rest + decoder!.decode()).replace(/\r$/, '');
  if (tail !== '') onLine(tail);
  if (!collector) start();
  return collector!.finish();
}
