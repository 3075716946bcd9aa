/** The time axis of an import: daylight-saving detection and the interval of the regular grid. */
import { fail } from './text';
import { importMessage, type ImportMessage } from './messages';
import { StampResolver, type Stamp } from './timestamps';
import type { ImportResult, ImportSettings } from './parse';
import { siteYear } from '../../calendar/siteYear';

/**
 * Whether wall-clock stamps (as if UTC, `naive`) are written without daylight saving: the file
 * covers an autumn clock change of the zone (from siteYear) and never repeats its hour. Returns the
 * zone's standard offset, or null when the file repeats the hour or does not reach an autumn change
 * (then a stamp in the skipped spring hour stays an error).
 */
export function noDaylightSaving(naive: Float64Array, zone: string): { standardOffset_min: number } | null {
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
export function timeAxis(
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

/**
 * A file with a stamp in the skipped spring hour and no repeated autumn hour is in standard time all
 * year (UTC when its header or metadata say so): its instants are rewritten in `inst` from the
 * wall-clock stamps `naive`. Throws the skipped-hour error when the file does not show that.
 */
export function standardTimeBasis(
  naive: Float64Array,
  inst: Float64Array,
  skipped: { line: number; found: string; stamp: string; column: number },
  settings: ImportSettings,
  file: { header: string[]; metadata: string[] },
): { clock: StampResolver; timeBasis: 'utc' | 'standard'; message: ImportMessage } {
  const zone = settings.timeZone ?? 'Europe/Berlin';
  const basis = noDaylightSaving(naive, zone);
  if (!basis)
    throw fail(
      'skippedHour',
      { line: skipped.line, found: skipped.found, zone },
      skipped.line,
      skipped.column,
    );
  // UTC when the file says so (header or metadata), else the zone's standard time.
  const utc = /\b(?:UTC|GMT)\b/.test([...file.header, ...file.metadata].join(' '));
  const offset_min = utc ? 0 : basis.standardOffset_min;
  for (let k = 0; k < inst.length; k++) inst[k] = naive[k] - offset_min * 60_000;
  const h = offset_min / 60;
  return {
    clock: new StampResolver(utc ? 'UTC' : zone, true),
    timeBasis: utc ? 'utc' : 'standard',
    message: utc
      ? importMessage('utcAssumed', { found: skipped.stamp })
      : importMessage('standardTimeAssumed', {
          found: skipped.stamp,
          offset: `${h < 0 ? '-' : '+'}${Math.abs(h)}`,
        }),
  };
}
