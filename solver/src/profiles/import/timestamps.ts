import { DateTime, FixedOffsetZone } from 'luxon';

/** Wall-clock time as written in a file, or an instant when the file gives an offset. */
export interface Stamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset in minutes when the stamp carries one (ISO 8601 with Z or ±hh:mm). */
  offset_min?: number;
}

export type StampFormat = 'iso' | 'german' | 'german-date' | 'time' | 'us';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])$/;

export function stampFormatOf(cell: string): StampFormat | null {
  const s = cell.trim();
  if (ISO.test(s)) return 'iso';
  if (GERMAN.test(s)) return 'german';
  if (GERMAN_DATE.test(s)) return 'german-date';
  if (US.test(s)) return 'us';
  if (TIME.test(s)) return 'time';
  return null;
}

/** Parses one cell (or a date cell and a time cell) in a known format; null if it does not match. */
export function parseStamp(format: StampFormat, cell: string, timeCell?: string): Stamp | null {
  const s = cell.trim();
  let m: RegExpExecArray | null;
  switch (format) {
    case 'iso': {
      if (!(m = ISO.exec(s))) return null;
      const st: Stamp = {
        year: +m[1],
        month: +m[2],
        day: +m[3],
        hour: +m[4],
        minute: +m[5],
        second: +(m[6] ?? 0),
      };
      if (m[7])
        st.offset_min =
          m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (+m[7].slice(1, 3) * 60 + +m[7].slice(-2));
      return st;
    }
    case 'german': {
      if (!(m = GERMAN.exec(s))) return null;
      const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
      return { year, month: +m[2], day: +m[1], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) };
    }
    case 'german-date': {
      if (!(m = GERMAN_DATE.exec(s))) return null;
      const t = timeCell !== undefined ? TIME.exec(timeCell.trim()) : null;
      if (!t) return null;
      return { year: +m[3], month: +m[2], day: +m[1], hour: +t[1], minute: +t[2], second: +(t[3] ?? 0) };
    }
    case 'us': {
      if (!(m = US.exec(s))) return null;
      let hour = +m[4] % 12;
      if (m[7].toLowerCase() === 'pm') hour += 12;
      return { year: +m[3], month: +m[1], day: +m[2], hour, minute: +m[5], second: +(m[6] ?? 0) };
    }
    default:
      return null;
  }
}

/**
 * Turns wall-clock stamps into instants (ms since epoch), in order. Local wall time in a zone with
 * daylight saving: the repeated autumn hour is placed in summer time the first time and in winter time
 * the second; a stamp inside the missing spring hour is an error. `standardTime`: the file uses the
 * zone's standard offset all year (no DST shift). Stamps with an offset are taken as they are.
 */
/** Why a wall-clock stamp has no instant. */
export type StampProblem = 'invalid-date-time' | 'invalid-date' | 'skipped-hour';

export class StampResolver {
  private last = -Infinity;
  private readonly standardOffset_min: number;

  constructor(
    readonly zone: string,
    readonly standardTime: boolean,
  ) {
    const jan = DateTime.fromObject({ year: 2023, month: 1, day: 15 }, { zone });
    if (!jan.isValid) throw new Error(`unknown time zone '${zone}'`);
    this.standardOffset_min = jan.offset;
  }

  /**
   * An instant in the file's own clock: 'YYYY-MM-DD HH:MM[:SS] ±hh:mm' (the wall time and its offset
   * from UTC). Standard time all year: the zone's standard offset; `offset_min` (a file whose stamps
   * carry an offset, e.g. Z): that fixed offset; else local wall time with daylight saving.
   */
  wallClock(t: number, offset_min?: number): string {
    const off = offset_min ?? (this.standardTime ? this.standardOffset_min : undefined);
    const d = DateTime.fromMillis(t, { zone: off !== undefined ? FixedOffsetZone.instance(off) : this.zone });
    return d.toFormat(d.second ? 'yyyy-MM-dd HH:mm:ss ZZ' : 'yyyy-MM-dd HH:mm ZZ');
  }

  /** The instant (ms), or why the stamp has none. */
  resolve(s: Stamp): number | StampProblem {
    let { year, month, day, hour } = s;
    if (hour === 24 && s.minute === 0 && s.second === 0) {
      // "24:00" closes a day: the next day's 00:00.
      const next = DateTime.utc(year, month, day).plus({ days: 1 });
      ({ year, month, day } = next);
      hour = 0;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || s.minute > 59 || s.second > 59)
      return 'invalid-date-time';
    if (s.offset_min !== undefined || this.standardTime) {
      const off = s.offset_min ?? this.standardOffset_min;
      const t = Date.UTC(year, month - 1, day, hour, s.minute, s.second) - off * 60_000;
      if (new Date(t + off * 60_000).getUTCDate() !== day) return 'invalid-date';
      this.last = t;
      return t;
    }
    const dt = DateTime.fromObject(
      { year, month, day, hour, minute: s.minute, second: s.second },
      { zone: this.zone },
    );
    if (!dt.isValid) return 'invalid-date';
    if (dt.hour !== hour || dt.minute !== s.minute) return 'skipped-hour';
    let t = dt.toMillis();
    // The repeated autumn hour has two instants for one wall time: take the earlier one unless the
    // series has already passed it (then this is the second time round).
    const same = (x: number) => {
      const d = DateTime.fromMillis(x, { zone: this.zone });
      return d.hour === hour && d.minute === s.minute && d.day === day;
    };
    if (same(t - 3_600_000) && t - 3_600_000 > this.last) t -= 3_600_000;
    else if (t <= this.last && same(t + 3_600_000)) t += 3_600_000;
    this.last = t;
    return t;
  }
}
