import { siteYearOrDefault } from '../calendar/siteYear';
import type { ReportLanguage } from './texts';

/** A number for display in the report's language (German: 1.234,5; English: 1,234.5). */
export function fmt(lang: ReportLanguage, v: number | undefined | null, digits = 1): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return '–';
  const x = Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v;
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

/** A share (0..1) as a percentage. */
export const pct = (lang: ReportLanguage, v: number | undefined | null, digits = 1): string =>
  v === undefined || v === null || !Number.isFinite(v) ? '–' : `${fmt(lang, v * 100, digits)} %`;

/** Formula-injection guard for spreadsheet cells and CSV fields (shared with the dispatch CSV). */
export { neutralise } from '../results/views/csv';

// Characters of the PDF standard fonts' WinAnsi encoding beyond Latin-1 (€, dashes, quotes, ...).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = { '₂': '2', '₃': '3', '≈': '~', '≤': '<=', '≥': '>=', '−': '-' };

/**
 * Text for the PDF's standard fonts (WinAnsi): umlauts, ß, €, ², – stay; subscripts become plain
 * digits (CO₂ → CO2); anything else that the font cannot show becomes '?'.
 */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.has(ch) ||
      ch === '\n'
    )
      out += ch;
    else out += REPLACE[ch] ?? '?';
  }
  return out;
}

/** The report's date as the reader writes it, at the site (its time zone), not in UTC. */
export function reportDate(
  lang: ReportLanguage,
  at: Date,
  site: { year: number; timeZone?: string },
): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: siteYearOrDefault(site.year, site.timeZone).timeZone,
  }).format(at);
}
