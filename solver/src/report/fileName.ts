/**
 * File names the user gets (reports, exports): their own words, umlauts and spaces kept
 * ("Wohnanlage Lindenstraße 2023.pdf"); only what a file system forbids is replaced.
 */

/** Characters Windows, macOS or Linux do not allow in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
/** Names Windows reserves for devices, with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_LENGTH = 120;

/**
 * A file name from a name the user chose: forbidden characters become '-', runs of spaces one
 * space, no leading or trailing spaces or dots (Windows drops them), at most 120 characters, NFC
 * (so "ä" typed on a Mac is one character). Empty → `fallback`. `suffix` and `extension` are
 * appended as given ("Projekt" + " – Fahrplan" + "csv" → "Projekt – Fahrplan.csv").
 */
export function userFileName(name: string, extension: string, suffix = '', fallback = 'Werkplan'): string {
  let base = name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  base = [...base].slice(0, MAX_LENGTH).join('').trim();
  if (!base.replace(/[-\s]/g, '')) base = fallback;
  if (RESERVED.test(base)) base = `_${base}`;
  return `${base}${suffix}.${extension}`;
}
