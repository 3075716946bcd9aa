/** Longest display name shown (in code points); longer ones end in "…". */
export const DISPLAY_NAME_MAX = 120;

/**
 * Characters removed from names before display: bidi embeddings, overrides and isolates
 * (U+202A–202E, U+2066–2069), direction marks (U+200E/200F, U+061C), zero-width characters
 * (U+200B–200D, U+2060, U+FEFF), other format characters (Cf), C0/C1 controls (Cc) and line/paragraph separators.
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029\p{Cc}\p{Cf}]/gu;

/**
 * One sanitiser for every name that comes from the server or another user (colleagues, admin
 * and audit lists, conflict notices): a name like "Admin\u202Egnp.exe" cannot reorder the text
 * around it or hide characters. NFC, invisible characters removed, whitespace collapsed, length
 * bounded. Non-strings become ''.
 */
export function sanitizeDisplayName(name: unknown, max = DISPLAY_NAME_MAX): string {
  if (typeof name !== 'string') return '';
  const clean = name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(clean);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : clean;
}
