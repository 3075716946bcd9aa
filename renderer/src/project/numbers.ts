/** Parsing what a planner types into a number field, in the UI language. */

export type NumberParse = { ok: true; value: number } | { ok: false; error: 'notANumber' | 'empty' };

/**
 * German input accepts a decimal comma and thousands dots ("1.234,5", "0,055"); a plain point is
 * also read as a decimal point unless it groups thousands ("1.500" = 1500). English input
 * accepts thousands commas ("1,234.5"). Spaces (also narrow no-break) are ignored.
 */
export function parseLocaleNumber(raw: string, language: 'de' | 'en'): NumberParse {
  let s = raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\+/, '')
    .replace(/−/g, '-');
  if (s === '') return { ok: false, error: 'empty' };
  if (language === 'de') {
    if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
    else if (/^-?[1-9]\d{0,2}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  } else {
    if (/^-?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s)) return { ok: false, error: 'notANumber' };
  const value = Number(s);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, error: 'notANumber' };
}

/**
 * A number as the input field shows it: decimal comma in German, up to 6 decimals; with `grouping`
 * thousands separators as the language writes them (10.000 / 10,000), which parseLocaleNumber reads
 * back. Fields show the grouped text when not focused and the plain one while editing.
 */
export function inputText(value: number | undefined, language: 'de' | 'en', grouping = false): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    maximumFractionDigits: 6,
    useGrouping: grouping,
  }).format(value);
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Value must be greater than min (not equal). */
  exclusiveMin?: boolean;
  integer?: boolean;
  required?: boolean;
}

export type RuleError =
  | { code: 'empty' }
  | { code: 'notANumber' }
  | { code: 'min' | 'greater' | 'max'; limit: number }
  | { code: 'integer' };

/** Checks a typed value against a field's rule; the value is in display units (e.g. % for shares). */
export function checkNumber(
  raw: string,
  language: 'de' | 'en',
  rule: NumberRule,
): { value: number | undefined; error: RuleError | null } {
  const p = parseLocaleNumber(raw, language);
  if (!p.ok) {
    if (p.error === 'empty') return { value: undefined, error: rule.required ? { code: 'empty' } : null };
    return { value: undefined, error: { code: 'notANumber' } };
  }
  const v = p.value;
  if (rule.integer && !Number.isInteger(v)) return { value: v, error: { code: 'integer' } };
  if (rule.min !== undefined && (rule.exclusiveMin ? v <= rule.min : v < rule.min))
    return { value: v, error: { code: rule.exclusiveMin ? 'greater' : 'min', limit: rule.min } };
  if (rule.max !== undefined && v > rule.max) return { value: v, error: { code: 'max', limit: rule.max } };
  return { value: v, error: null };
}
