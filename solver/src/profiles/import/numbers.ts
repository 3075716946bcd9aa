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

/** Lower-case and all-caps energy units as header suffixes ("load_kw", "verbrauch_kwh", "KWH"); not "KW" (calendar week). */
const UNIT_LOWER = /(?:^|[\s([{/_-])(m|k|M|K)(w|wh|Wh|WH)(?=$|[\s)\]}/_.,;:-])/;

export function unitOf(text: string): { unit: 'kW' | 'kWh'; scale: number } | null {
  const m = UNIT.exec(text);
  if (m) {
    const scale = m[1] === 'M' ? 1000 : m[1] === 'k' ? 1 : 0.001;
    return { unit: m[2] === 'Wh' ? 'kWh' : 'kW', scale };
  }
  const l = UNIT_LOWER.exec(text);
  if (!l || (l[1] === 'K' && l[2] === 'w')) return null;
  return { unit: l[2].length === 2 ? 'kWh' : 'kW', scale: /m/i.test(l[1]) ? 1000 : 1 };
}

/** The scale named by a word in a header ("Leistung in Watt", "Megawatt"), when it has no unit symbol. */
export function scaleWordOf(text: string): 'W' | 'kW' | 'MW' | null {
  if (/mega\s?watt/i.test(text)) return 'MW';
  if (/kilo\s?watt/i.test(text)) return 'kW';
  if (/(?:^|[^a-z])watt/i.test(text)) return 'W';
  return null;
}

/** The unit named in a metadata line above the header: "Einheit;kW", "Maßeinheit: kWh", "Unit = MWh". */
export function metadataUnitOf(cells: string[]): { unit: 'kW' | 'kWh'; scale: number } | null {
  const line = cells.map((c) => c.trim()).join(';');
  const m = /^(?:maß|mass|mess)?einheit|^unit/i.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length).replace(/^[\s;:=,\t]+/, '');
  return rest ? unitOf(rest.split(/[;\t]/)[0].trim()) : null;
}
