/** Rows on the regular grid: placement, value columns in kW, and the summary of issues. */
import { fail } from './text';
import { formatImportMessage, importMessage, type ImportMessage } from './messages';
import { scaleWordOf } from './numbers';
import type { ImportedColumn, ImportIssue, ImportSettings } from './parse';
import type { Plan } from './collect';

/** An issue's English text and its message. */
const issueText = (detail: ImportMessage) => ({ message: formatImportMessage(detail), detail });

export const fmt = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

/** Rows placed on the regular grid: the line of each slot (−1: a gap), each row's slot (−1: a duplicate). */
export interface Grid {
  resolution_min: number;
  startT: number;
  step: number;
  count: number;
  slotLine: Int32Array;
  slotOf: Int32Array;
  issues: ImportIssue[];
}

export type At = (t: number) => { time: string; timeLocal: string };

/** Places each row on the grid from the first instant; off-grid and backward rows are errors, duplicates and gaps issues. */
export function placeOnGrid(
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
export function gridColumn(
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
export function selectedColumn(columns: ImportedColumn[], settings: ImportSettings): number {
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
export function summarise(
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
