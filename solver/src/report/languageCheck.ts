/**
 * The language test: finds text that must not reach a user, in reports and on every page of the
 * planner. Pure (no DOM): the report tests feed it PDF, workbook and CSV text; the end-to-end tests
 * feed it the visible text of each page.
 *
 * It looks for English words in German text (a curated list of words that occur in this code
 * base's English strings, chosen so that German words and proper names such as Werkplan, HiGHS,
 * BDEW or Power-to-Heat do not trip it), raw JSON pointers (/fuels/gas/price_EUR_kWh), internal
 * keys (snake_case or camelCase ids such as pv_yield or heatPumpAir), `unit` placeholders
 * ([EUR/unit], unit·h), exponent notation (5.7e-14), NaN, Infinity, undefined, [object Object],
 * ISO timestamps (2026-12-04T10:00:00Z) and numbers in the other language's format (0.09 in German).
 */

export type CheckedLanguage = 'de' | 'en';

export interface LanguageCheckOptions {
  /** Words or phrases that are allowed anyway (e.g. an English project name the user chose). */
  allow?: string[];
}

/** English words that have no place in German text, in any capitalisation. */
const ENGLISH_ANY_CASE = `
  price prices fuel fuels unit units cost costs total demand demands
  electricity heat storage building buildings pump pumps battery ambient
  emissions capacity capacities output yield annual share renewable
  grid feed-in lifetime investment subsidy interest
  scenario scenarios result results series profiles weather
  year years hour hours week day days month summer timestamp
  check full-year sizing solving solver optimisation optimization
  infeasible unbounded cancelled error warning warnings invalid missing
  required saved loading settings delete rename cancel yes
`;
/**
 * English words that count only in lower case, because the capitalised word is German as well
 * (Gas, Tank, Boiler, Profil/Profile, Emission, Not, Spot) or may start a proper name (The …).
 */
const ENGLISH_LOWER_CASE = `
  the and of with for is are to from not must be no or this
  gas oil tank boiler spot simplex german english local standard profile emission
  pv hp chp gb eb bat tes rod base
`;
/** English month and weekday labels, exactly (Jan, Feb, Apr, Jun, Jul, Aug, Sep, Nov are German too). */
const ENGLISH_EXACT = `
  Mar May Oct Dec March June July October December January February
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Tue Wed Thu
`;
const words = (s: string) => s.split(/\s+/).filter(Boolean);
/** Multi-word phrases (any case). */
const ENGLISH_PHRASES = ['import price', 'time zone', 'typical days'];
const ENGLISH: { word: string; anyCase: boolean }[] = [
  ...[...words(ENGLISH_ANY_CASE), ...ENGLISH_PHRASES].map((word) => ({ word, anyCase: true })),
  ...[...words(ENGLISH_LOWER_CASE), ...words(ENGLISH_EXACT)].map((word) => ({ word, anyCase: false })),
];

/** German words that have no place in English text (only unmistakable ones). */
const GERMAN = ['und', 'oder', 'nicht', 'für', 'mit', 'der', 'die', 'das', 'ist', 'sind', 'wird', 'werden'];

/** German terms and names that contain an English word but are fine in German text. */
const GERMAN_EXCEPTIONS = [/Power-to-[A-Z][\w-]*/g, /Simplex-\p{L}+/gu, /Check-?[Ll]iste/g, /Day-Ahead/gi];

const L = '[\\p{L}\\p{N}_]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Units that look like camelCase ids (kWh, kWp, kWel) and are not. */
const UNIT_LIKE = /^(?:[kMGTm]W[hp]?(?:el|th)?|kVA|kvar|mWS|[kgt]CO2(?:eq)?)$/;

function context(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 30);
  const to = Math.min(text.length, index + length + 30);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

/**
 * Problems of `text` shown to a user whose language is `lang`: one line per finding with a short
 * context (empty when the text is clean). See the module comment for what is looked for.
 */
export function findLanguageProblems(
  text: string,
  lang: CheckedLanguage,
  options: LanguageCheckOptions = {},
): string[] {
  let s = text;
  for (const a of options.allow ?? []) s = s.split(a).join(' '.repeat(a.length));
  const problems: string[] = [];
  const seen = new Set<string>();
  const report = (what: string, re: RegExp) => {
    for (const m of s.matchAll(re)) {
      const key = `${what}: ${m[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(`${what} "${m[0].trim()}": ${context(s, m.index ?? 0, m[0].length)}`);
    }
  };

  report('not a number', /(?<![\p{L}])(?:NaN|-?Infinity)(?![\p{L}])/gu);
  report('raw value', /(?<![\p{L}])undefined(?![\p{L}])|\[object \w+\]/gu);
  report('exponent notation', /(?<![\p{L}\p{N}_.,])-?\d+(?:[.,]\d+)?[eE][+-]?\d+(?![\p{L}\p{N}_])/gu);
  report('ISO timestamp', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g);
  report('JSON pointer', /(?<![\p{L}\p{N}_.:/~-])\/[A-Za-z_~][\w~-]*(?:\/[\w~.-]+)+/gu);
  report('unit placeholder', /\[[^\]\n]*\bunit\b[^\]\n]*\]|\bunit·h\b|\/unit\b|\bper_unit\b/g);
  report('internal key', new RegExp(`(?<!${L})[a-z][a-z0-9]*(?:_[A-Za-z0-9]+)+(?!${L})`, 'gu'));
  for (const m of s.matchAll(new RegExp(`(?<![\\p{L}\\p{N}_/.])[a-z]+(?:[A-Z][a-z0-9]*)+(?!${L})`, 'gu'))) {
    if (UNIT_LIKE.test(m[0])) continue;
    const key = `internal id: ${m[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(`internal id "${m[0]}": ${context(s, m.index ?? 0, m[0].length)}`);
  }

  if (lang === 'de') {
    let g = s;
    for (const re of GERMAN_EXCEPTIONS) g = g.replace(re, (x) => ' '.repeat(x.length));
    for (const { word, anyCase } of ENGLISH) {
      const flags = anyCase ? 'giu' : 'gu';
      const re = new RegExp(`(?<!${L})${escape(word).replace(/ /g, '\\s+')}(?!${L})`, flags);
      for (const m of g.matchAll(re)) {
        const key = `English: ${word}`;
        if (seen.has(key)) break;
        seen.add(key);
        problems.push(`English word "${m[0]}": ${context(g, m.index ?? 0, m[0].length)}`);
        break;
      }
    }
    // A decimal point (0.09, 12.5) where German writes a comma; 1.234 (thousands) is fine.
    report('English number format', /(?<![\p{L}\p{N}.,])\d+\.(?:\d{1,2}|\d{4,})(?![\p{N}.,])/gu);
  } else {
    for (const word of GERMAN) {
      const re = new RegExp(`(?<!${L})${escape(word)}(?!${L})`, 'gu');
      const m = re.exec(s);
      if (m) problems.push(`German word "${m[0]}": ${context(s, m.index, m[0].length)}`);
    }
    // A decimal comma (0,09) where English writes a point; 1,234 (thousands) is fine.
    report('German number format', /(?<![\p{L}\p{N}.,])\d+,(?:\d{1,2}|\d{4,})(?![\p{N}.,])/gu);
  }
  return problems;
}
