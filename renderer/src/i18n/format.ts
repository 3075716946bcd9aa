import type { Language } from './index';

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** Numbers in the user's language: German uses decimal comma and thousands dots (1.234,5). */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits }).format(value);
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
