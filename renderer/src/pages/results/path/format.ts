import type { ChartText } from '../../../charts/options';

type Num = Pick<ChartText, 'num'>;

/** A unit as the user reads it: m2 → m², EUR → €. */
export const unitLabel = (unit: string): string => (unit === 'm2' ? 'm²' : unit.replace('EUR', '€'));

/** A figure for a table cell in the user's language: "–" for a missing or non-finite value, never NaN. */
export function cell(text: Num, v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return text.num(Math.abs(v) < 1e-9 ? 0 : v, digits);
}

/** A figure with its unit, or "–". */
export function withUnit(text: Num, v: number | null | undefined, unit: string, digits = 0): string {
  const s = cell(text, v, digits);
  return s === '–' ? s : `${s} ${unit}`;
}
