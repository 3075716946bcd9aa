/** The collection of data rows and their placement on the regular grid, for importProfile and its stream. */
import { fail } from './text';
import { formatImportMessage, type ImportMessage } from './messages';
import { isMissingCell, parseNumber, type DecimalSeparator } from './numbers';
import { parseStamp, StampResolver, type StampFormat } from './timestamps';
import type { ImportResult, ImportSettings } from './parse';
import { standardTimeBasis, timeAxis } from './axis';
import { fmt, gridColumn, placeOnGrid, selectedColumn, summarise } from './grid';

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
        const basis = standardTimeBasis(naive.view(), inst, skipped, settings, plan);
        clock = basis.clock;
        timeBasis = basis.timeBasis;
        warn(basis.message);
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
