/**
 * Cleaning of profile text from tokens (display name, username) before it is stored in the tenant's
 * user directory and when it is served: names are shown to colleagues, so characters that reorder
 * or hide text (bidi controls, zero-width characters) and control characters are removed.
 */

/**
 * Bidi controls (LRM/RLM, ALM, embeddings/overrides, isolates), zero-width characters and BOM,
 * C0/C1 controls and DEL, line/paragraph separators.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/** Longest stored profile text, in code points. */
export const PROFILE_TEXT_MAX = 128;

/** NFC, without invisible and control characters, whitespace collapsed, trimmed, bounded; or undefined. */
export function cleanProfileText(v: unknown, max = PROFILE_TEXT_MAX): string | undefined {
  if (typeof v !== 'string') return undefined;
  const clean = v.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!clean) return undefined;
  return Array.from(clean).slice(0, max).join('').trim();
}
