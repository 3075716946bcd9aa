/** Number formats of German and international exports: decimal comma or point, thousands separators. */
export type DecimalSeparator = ',' | '.';

const DE = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const EN = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Cells that stand for a missing value in meter exports: n/a, -, —, NaN, null, k.A. and the
 * spreadsheet error values (#N/A, #DIV/0!, #VALUE!, …) (read as gaps).
 */
const MISSING =
  /^(?:n\/?a|#n\/a|#div\/0!|#value!|#ref!|#name\?|#num!|#null!|-+|—|–|nan|null|k\.\s?a\.?|keine angabe)$/i;

export const isMissingCell = (raw: string): boolean => MISSING.test(raw.trim());

/** Parses a cell; null for an empty cell, NaN for text that is not a number. */
export function parseNumber(raw: string, decimal: DecimalSeparator): number | null {
  const s = raw
    .trim()
    .replace(/\u00a0/g, '')
    .replace(/ /g, '');
  if (s === '') return null;
  if (decimal === ',') return DE.test(s) ? Number(s.replace(/\./g, '').replace(',', '.')) : NaN;
  return EN.test(s) ? Number(s.replace(/,/g, '')) : NaN;
}

/** Guesses the decimal separator from sample cells: a comma followed by 1–2 or 4+ digits, or '1.234,5', means decimal comma. */
export function guessDecimal(samples: string[]): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const raw of samples) {
    const s = raw.trim();
    if (/^[+-]?\d+,\d+$/.test(s) && !/^[+-]?\d{1,3},\d{3}$/.test(s)) comma++;
    else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) comma++;
    else if (/^[+-]?\d+\.\d+$/.test(s) && !/^[+-]?\d{1,3}\.\d{3}$/.test(s)) point++;
    else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(s)) point++;
  }
  return comma > point ? ',' : '.';
}

/** The power or energy unit named in a header cell ("Leistung [kW]", "MWh"), with its scale to kW/kWh. */
const UNIT = /(?:^|[\s([{/_-])(M|k)?(W|Wh)(?=$|[\s)\]}/_.,;:-])/;

export function unitOf(text: string): { unit: 'kW' | 'kWh'; scale: number } | null {
  const m = UNIT.exec(text);
  if (!m) return null;
  const scale = m[1] === 'M' ? 1000 : m[1] === 'k' ? 1 : 0.001;
  return { unit: m[2] === 'Wh' ? 'kWh' : 'kW', scale };
}
