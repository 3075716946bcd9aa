import type { Language } from './index';

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/**
 * Numbers in the user's language: German uses decimal comma and thousands dots (1.234,5). A value
 * that rounds to zero shows as 0, never "-0" (a solver's −1e-9 t of CO2), as the report's `fmt` does.
 */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 1): string {
  const x = Math.abs(value) < 0.5 * 10 ** -maximumFractionDigits ? 0 : value;
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits }).format(x);
}

/** Date and time in the user's language and the local time zone, e.g. 24.11.2026, 14:05. */
export function formatDateTime(date: Date | number, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(locales[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}
