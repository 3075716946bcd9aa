import type { DayType, FederalState } from '../../calendar/dayTypes';
import { localIntervals, siteYear } from '../../calendar/siteYear';

/** BDEW electricity standard load profiles: the 2025 set and the 1999 set still used in many contracts. */
export const PROFILES_2025 = ['H25', 'G25', 'L25', 'P25', 'S25'] as const;
export const PROFILES_1999 = ['H0', 'G0', 'G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'L0', 'L1', 'L2'] as const;
export type Profile2025 = (typeof PROFILES_2025)[number];
export type Profile1999 = (typeof PROFILES_1999)[number];
export type StandardProfile = Profile2025 | Profile1999;

/**
 * Profiles that BDEW multiplies by the dynamisation polynomial of the day of the year: H0 (VDEW,
 * "Anwendung der Repräsentativen VDEW-Lastprofile step-by-step", M-05/2000, step 4b, households) and the
 * household profiles of the 2025 set (as oemof/demandlib `DynamicBDEW25Profile`, _profiles25.py, 2025).
 */
export const DYNAMIC: ReadonlySet<StandardProfile> = new Set(['H0', 'H25', 'P25', 'S25']);

const DT_INDEX: Record<DayType, number> = { WT: 0, SA: 1, FT: 2 };

/** A profile table: 96 quarter-hour values (kW) per [season or month][day type]. */
export interface ProfileTable {
  /** 12 months (2025 set) or 3 periods winter/summer/transition (1999 set). */
  kind: 'month' | 'period';
  /** Index ((s · 3) + dayType) · 96 + quarter hour; mean power in kW. */
  kW: Float64Array;
}

/**
 * BDEW dynamisation factor of day `t` (1 = 1 January), VDEW M-05/2000 step 4b (coefficients as in
 * oemof/demandlib, _profiles25.py):
 * F(t) = −3.92·10⁻¹⁰·t⁴ + 3.2·10⁻⁷·t³ − 7.02·10⁻⁵·t² + 2.1·10⁻³·t + 1.24.
 */
export function dynamisation(t: number): number {
  return -3.92e-10 * t ** 4 + 3.2e-7 * t ** 3 - 7.02e-5 * t ** 2 + 2.1e-3 * t + 1.24;
}

const num = (s: string, where: string) => {
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`${where}: expected a number, found '${s}'`);
  return v;
};

/** Parses a 2025 table (h25.csv …): kWh per quarter hour → kW. */
export function parse2025(text: string, name: string): ProfileTable {
  const lines = text.trim().split(/\r?\n/);
  const types = lines[1].split(',').slice(1);
  if (lines.length !== 98 || types.length !== 36)
    throw new Error(`${name}: expected 96 quarter hours × 36 columns`);
  const kW = new Float64Array(12 * 3 * 96);
  for (let q = 0; q < 96; q++) {
    const cells = lines[q + 2].split(',');
    for (let c = 0; c < 36; c++) {
      const month = Math.floor(c / 3);
      const dt = DT_INDEX[types[c] as DayType];
      if (dt === undefined) throw new Error(`${name}: unknown day type '${types[c]}'`);
      kW[(month * 3 + dt) * 96 + q] = num(cells[c + 1], `${name} line ${q + 3}`) * 4;
    }
  }
  return { kind: 'month', kW };
}

/** Parses selp_series.csv (1999 profiles) into one table per profile. */
export function parse1999(text: string): Record<Profile1999, ProfileTable> {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const out = {} as Record<Profile1999, ProfileTable>;
  const periods: Record<string, number> = { winter: 0, summer: 1, transition: 2 };
  for (const p of PROFILES_1999) {
    const col = header.indexOf(p.toLowerCase());
    if (col < 0) throw new Error(`selp_series.csv: no column ${p.toLowerCase()}`);
    const kW = new Float64Array(3 * 3 * 96);
    const seen = new Map<string, number>();
    for (let i = 1; i < lines.length; i++) {
      const cells = lines[i].split(',');
      const period = periods[cells[1]];
      const weekday = Number(cells[2]);
      const dt = weekday === 7 ? 2 : weekday === 6 ? 1 : 0;
      const key = `${period}-${weekday}`;
      const q = seen.get(key) ?? 0;
      seen.set(key, q + 1);
      if (weekday === 1 || weekday >= 6)
        kW[(period * 3 + dt) * 96 + q] = num(cells[col], `selp_series.csv line ${i + 1}`);
    }
    out[p] = { kind: 'period', kW };
  }
  return out;
}

/** 1999 seasons (VDEW M-32/99, 1999): winter 1 Nov – 20 Mar, summer 15 May – 14 Sep, transition otherwise. */
export function period1999(month: number, day: number): number {
  const md = month * 100 + day;
  if (md >= 1101 || md <= 320) return 0;
  if (md >= 515 && md <= 914) return 1;
  return 2;
}

export interface SlpOptions {
  year: number;
  state: FederalState;
  annual_kWh: number;
  /** 15 (BDEW native) or 60. */
  resolution_min?: 15 | 60;
  /**
   * IANA time zone whose legal (wall-clock) time the profile follows; default Europe/Berlin (Annahme: the
   * BDEW profiles are German, and the site year of a German project is in this zone). 'Etc/GMT-1'
   * places the profile on CET all year (standard time, no daylight saving shift).
   */
  timeZone?: string;
}

/**
 * A standard load profile for the site year (solver/src/calendar/siteYear.ts: hour 0 = 1 January
 * 00:00 local time, evenly spaced UTC intervals), as mean power per interval in kW, scaled so that
 * the year's energy is exactly `annual_kWh`.
 *
 * The tables give one value per quarter hour of the clock for each typical day (96 a day: VDEW,
 * "Repräsentative VDEW-Lastprofile", M-32/99, 1999; BDEW, Standardlastprofile Strom 2025), and they
 * are applied in legal time, daylight saving time included, as the meter series they are settled
 * against are recorded (a profile kept on standard time is an hour late from late March to late
 * October: oemof-demand issue #80, 2025-08-20, against another H0 implementation). Each interval on the
 * axis therefore takes the table value of its local legal date (month or season, day type,
 * dynamisation day) and quarter hour of the day. On the spring change day the quarter hours
 * 02:00–03:00 do not exist and their values are left out (the day has 92); on the autumn day
 * 02:00–03:00 occurs twice and takes the same table values both times (100 quarter hours), as a
 * series in legal time does (Bundesnetzagentur, SMARD, "Zeitumstellung: Wie sie in den SMARD-Daten
 * verarbeitet wird": the hour 02:00–03:00 is skipped in March and repeated in October). The scaling
 * to `annual_kWh` comes last, so the year's energy stays exact.
 */
export function standardLoadProfile(table: ProfileTable, name: StandardProfile, o: SlpOptions): Float64Array {
  const sy = siteYear(o.year, o.timeZone ?? 'Europe/Berlin', o.state);
  const slots = localIntervals(sy, 15);
  const q = new Float64Array(slots.count);
  const dynamic = DYNAMIC.has(name);
  for (let i = 0; i < slots.count; i++) {
    const d = slots.day[i];
    const s = table.kind === 'month' ? sy.month[d] - 1 : period1999(sy.month[d], sy.dayOfMonth[d]);
    const f = dynamic ? dynamisation(d + 1) : 1;
    q[i] = table.kW[(s * 3 + DT_INDEX[sy.dayType[d]]) * 96 + Math.floor(slots.minuteOfDay[i] / 15)] * f;
  }
  let energy = 0;
  for (const v of q) energy += v * 0.25;
  const scale = o.annual_kWh / energy;
  for (let i = 0; i < q.length; i++) q[i] *= scale;
  if ((o.resolution_min ?? 15) === 15) return q;
  const h = new Float64Array(q.length / 4);
  for (let i = 0; i < h.length; i++) h[i] = (q[4 * i] + q[4 * i + 1] + q[4 * i + 2] + q[4 * i + 3]) / 4;
  return h;
}
