/**
 * Every error and warning of the profile import, in German and English. The import keeps the
 * English text in `warnings` and in the error message (the CLI's JSON contract) and the message
 * itself (code + parameters) beside it, so the planner shows it in the user's language. A time in a
 * message is kept twice: the ISO instant in UTC (`time`, `start`: for machines, as in the issues) and
 * the same instant in the file's own clock (`timeLocal`, `startLocal`: 'YYYY-MM-DD HH:MM ±hh:mm'),
 * which is what the text shows, in the language's date format and with its offset from UTC.
 */
import { solverResources, t } from '../../i18n';

export type MessageLanguage = 'de' | 'en';

type Params = Record<string, string | number>;

/** The message codes: the keys of the i18next namespace `import` (solver/src/i18n/import.*.json). */
export type MessageCode = keyof (typeof solverResources)['en']['import'];

export interface ImportMessage {
  code: MessageCode;
  params: Params;
  /** A message nested in this one (e.g. the first gap in a summary), formatted in the same language. */
  first?: ImportMessage;
}

export const MESSAGE_CODES = Object.keys(solverResources.en.import) as MessageCode[];

export function importMessage(code: MessageCode, params: Params = {}, first?: ImportMessage): ImportMessage {
  return first ? { code, params, first } : { code, params };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}(?::\d{2})?) ([+-])(\d{2}):(\d{2})$/;
const UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(?::00(?:\.0+)?|(:\d{2}))?(?:\.\d+)?Z$/;

/**
 * A time of the import as the user reads it: the file's own clock with its basis, German
 * '26.03.2023, 03:00 UTC+2', English '2023-03-26 03:00 UTC+2' (from `local`, 'YYYY-MM-DD HH:MM
 * ±hh:mm'). A message without it (made before it existed) shows its ISO instant in UTC the same way;
 * anything else as it is.
 */
export function importTime(local: unknown, iso: unknown, language: MessageLanguage): string {
  const show = (y: string, mo: string, d: string, hm: string, basis: string) =>
    `${language === 'de' ? `${d}.${mo}.${y}, ${hm}` : `${y}-${mo}-${d} ${hm}`} ${basis}`;
  const l = typeof local === 'string' ? LOCAL.exec(local) : null;
  if (l) {
    const minutes = +l[6] * 60 + +l[7];
    const basis = minutes === 0 ? 'UTC' : `UTC${l[5]}${+l[6]}${+l[7] ? `:${l[7]}` : ''}`;
    return show(l[1], l[2], l[3], l[4], basis);
  }
  const u = typeof iso === 'string' ? UTC.exec(iso) : null;
  if (u) return show(u[1], u[2], u[3], u[4] + (u[5] ?? ''), 'UTC');
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- anything else as it is (params are text or numbers)
  return iso === undefined ? '' : String(iso);
}

/** The message in one language (English is what the CLI prints). */
export function formatImportMessage(m: ImportMessage, language: MessageLanguage = 'en'): string {
  const params: Params = { ...m.params };
  if ('time' in params) params.time = importTime(params.timeLocal, params.time, language);
  if ('start' in params) params.start = importTime(params.startLocal, params.start, language);
  if (m.first) params.first = formatImportMessage(m.first, language);
  return t(language, 'import', m.code, params);
}
