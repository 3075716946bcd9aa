import { formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n';

/** A figure in the user's language, or "–" when there is none (never "NaN" or "∞" on screen). */
export const figure = (value: number | undefined, language: Language, digits = 1): string =>
  value !== undefined && Number.isFinite(value) ? formatNumber(value, language, digits) : '–';
