/**
 * Every error and warning of the profile import, in German and English. The import keeps the
 * English text in `warnings` and in the error message (the CLI's JSON contract) and the message
 * itself (code + parameters) beside it, so the planner shows it in the user's language. A time in a
 * message is kept twice: the ISO instant in UTC (`time`, `start`: for machines, as in the issues) and
 * the same instant in the file's own clock (`timeLocal`, `startLocal`: 'YYYY-MM-DD HH:MM ±hh:mm'),
 * which is what the text shows, in the language's date format and with its offset from UTC.
 */
export type MessageLanguage = 'de' | 'en';

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const TEXTS = {
  fileEmpty: { en: () => 'the file is empty', de: () => 'die Datei ist leer' },
  noLines: { en: () => 'the file has no lines', de: () => 'die Datei hat keine Zeilen' },
  noRows: { en: () => 'the file has no rows', de: () => 'die Datei hat keine Zeilen' },
  binaryNul: {
    en: () => 'the file is binary (it contains NUL bytes), not a text table; for Excel files use .xlsx',
    de: () => 'die Datei ist binär (sie enthält NUL-Bytes), keine Texttabelle; Excel-Dateien bitte als .xlsx',
  },
  binary: {
    en: () => 'the file is binary, not a text table',
    de: () => 'die Datei ist binär, keine Texttabelle',
  },
  notXlsx: {
    en: (p) => `not a readable .xlsx file: ${p.reason}`,
    de: (p) => `keine lesbare .xlsx-Datei: ${p.reason}`,
  },
  noSheetNamed: {
    en: (p) => `no worksheet named '${p.sheet}'`,
    de: (p) => `kein Tabellenblatt namens '${p.sheet}'`,
  },
  noSheet: { en: () => 'the workbook has no worksheet', de: () => 'die Arbeitsmappe hat kein Tabellenblatt' },
  headerOutside: {
    en: (p) => `header line ${p.headerLine} is outside the file (${p.lines} lines)`,
    de: (p) => `Kopfzeile ${p.headerLine} liegt außerhalb der Datei (${p.lines} Zeilen)`,
  },
  headerNoData: {
    en: () => 'the file has a header but no data rows',
    de: () => 'die Datei hat eine Kopfzeile, aber keine Datenzeilen',
  },
  noDataRows: {
    en: () => 'no data rows found: no line holds only numbers and timestamps',
    de: () => 'keine Datenzeilen gefunden: keine Zeile enthält nur Zahlen und Zeitstempel',
  },
  noNumberColumn: { en: () => 'no column with numbers found', de: () => 'keine Spalte mit Zahlen gefunden' },
  fromToColumns: {
    en: (p) => `from–to columns: the first (${p.column}) is taken as the start of each interval`,
    de: (p) => `Von–bis-Spalten: die erste (${p.column}) gilt als Beginn jedes Intervalls`,
  },
  columnNoUnit: {
    en: (p) =>
      `column '${p.column}' has no unit in kW or kWh and was left out (select it with a unit to read it)`,
    de: (p) =>
      `Spalte '${p.column}' hat keine Einheit in kW oder kWh und wurde ausgelassen (mit einer Einheit auswählen, um sie zu lesen)`,
  },
  invalidUtf8: {
    en: (p) => `line ${p.line}: the file is not valid UTF-8 after its beginning was; save it in one encoding`,
    de: (p) =>
      `Zeile ${p.line}: die Datei ist ab hier kein gültiges UTF-8 mehr, ihr Anfang war es; bitte in einer Kodierung speichern`,
  },
  unknownTimeZone: {
    en: (p) => `unknown time zone '${p.zone}'`,
    de: (p) => `unbekannte Zeitzone '${p.zone}'`,
  },
  expectedTimestamp: {
    en: (p) =>
      `line ${p.line}: column '${p.column}': expected a timestamp like the lines above, found '${p.found}'`,
    de: (p) =>
      `Zeile ${p.line}, Spalte '${p.column}': erwartet wurde ein Zeitstempel wie in den Zeilen darüber, gefunden '${p.found}'`,
  },
  invalidDateTime: {
    en: (p) => `line ${p.line}: '${p.found}' is not a valid date and time`,
    de: (p) => `Zeile ${p.line}: '${p.found}' ist kein gültiges Datum mit Uhrzeit`,
  },
  invalidDate: {
    en: (p) => `line ${p.line}: '${p.found}' is not a valid date`,
    de: (p) => `Zeile ${p.line}: '${p.found}' ist kein gültiges Datum`,
  },
  skippedHour: {
    en: (p) =>
      `line ${p.line}: '${p.found}' does not exist in ${p.zone} (the hour skipped when clocks go forward)`,
    de: (p) =>
      `Zeile ${p.line}: '${p.found}' gibt es in ${p.zone} nicht (die Stunde, die bei der Umstellung auf Sommerzeit entfällt)`,
  },
  expectedNumber: {
    en: (p) => `line ${p.line}, column '${p.column}': expected a number, found '${p.found}'`,
    de: (p) => `Zeile ${p.line}, Spalte '${p.column}': erwartet wurde eine Zahl, gefunden '${p.found}'`,
  },
  unknownInterval: {
    en: () => 'cannot tell the interval length: give the resolution',
    de: () => 'die Intervalllänge ist nicht zu erkennen: bitte die Auflösung angeben',
  },
  intervalEndStamps: {
    en: (p) => `stamps mark the end of each interval (the first is ${p.first}); shifted to interval starts`,
    de: (p) =>
      `die Zeitstempel bezeichnen das Ende jedes Intervalls (der erste ist ${p.first}); auf den Intervallbeginn verschoben`,
  },
  noTimestampsYear: {
    en: (p) =>
      `the file has no timestamps: give the year (and the resolution unless it follows from the ${p.count} values)`,
    de: (p) =>
      `die Datei hat keine Zeitstempel: bitte das Jahr angeben (und die Auflösung, falls sie nicht aus den ${p.count} Werten folgt)`,
  },
  unevenYear: {
    en: (p) => `${p.count} values do not fill the year ${p.year} evenly: give the resolution`,
    de: (p) => `${p.count} Werte füllen das Jahr ${p.year} nicht gleichmäßig: bitte die Auflösung angeben`,
  },
  noTimestamps: {
    en: (p) =>
      `no timestamps: ${p.count} values taken as ${p.resolution}-minute intervals from 1 January ${p.year} 00:00 standard time`,
    de: (p) =>
      `keine Zeitstempel: ${p.count} Werte als ${p.resolution}-Minuten-Intervalle ab 1. Januar ${p.year} 00:00 Normalzeit gelesen`,
  },
  nonPositiveInterval: {
    en: () => 'the interval length must be positive',
    de: () => 'die Intervalllänge muss positiv sein',
  },
  offGrid: {
    en: (p) =>
      `line ${p.line}: ${p.time} is not on the ${p.resolution}-minute grid that starts at ${p.start}`,
    de: (p) => `Zeile ${p.line}: ${p.time} liegt nicht im ${p.resolution}-Minuten-Raster ab ${p.start}`,
  },
  backwards: {
    en: (p) => `line ${p.line}: time goes backwards (${p.time})`,
    de: (p) => `Zeile ${p.line}: die Zeit läuft rückwärts (${p.time})`,
  },
  duplicate: {
    en: (p) =>
      `line ${p.line}: ${p.time} appears again (first on line ${p.firstLine}); the first value is kept`,
    de: (p) =>
      `Zeile ${p.line}: ${p.time} kommt doppelt vor (zuerst in Zeile ${p.firstLine}); der erste Wert bleibt`,
  },
  gap: {
    en: (p) =>
      `gap of ${p.intervals} interval(s) from ${p.time} (before line ${p.line}); not filled: choose a fill rule`,
    de: (p) =>
      `Lücke von ${p.intervals} Intervall(en) ab ${p.time} (vor Zeile ${p.line}); nicht gefüllt: bitte eine Füllregel wählen`,
  },
  unitMissing: {
    en: (p) =>
      `the unit of column '${p.column}' is not in the file: choose kW (power) or kWh (energy per interval)`,
    de: (p) =>
      `die Einheit der Spalte '${p.column}' steht nicht in der Datei: bitte kW (Leistung) oder kWh (Energie je Intervall) wählen`,
  },
  negative: {
    en: (p) => `line ${p.line}, column '${p.column}': negative value ${p.value} (feed-in or a sign error?)`,
    de: (p) =>
      `Zeile ${p.line}, Spalte '${p.column}': negativer Wert ${p.value} (Einspeisung oder Vorzeichenfehler?)`,
  },
  noColumnIndex: {
    en: (p) => `no value column at index ${p.column} (value columns: ${p.columns})`,
    de: (p) => `keine Wertespalte mit Index ${p.column} (Wertespalten: ${p.columns})`,
  },
  noColumnNamed: {
    en: (p) => `no value column named '${p.column}' (value columns: ${p.columns})`,
    de: (p) => `keine Wertespalte namens '${p.column}' (Wertespalten: ${p.columns})`,
  },
  missingValue: {
    en: (p) => `line ${p.line}, column '${p.column}': no value ('${p.found}'), read as a gap`,
    de: (p) => `Zeile ${p.line}, Spalte '${p.column}': kein Wert ('${p.found}'), als Lücke gelesen`,
  },
  missingSummary: {
    en: (p) => `${p.count} cells without a value, read as gaps; first: ${p.first}`,
    de: (p) => `${p.count} Zellen ohne Wert, als Lücken gelesen; erste: ${p.first}`,
  },
  gapsSummary: {
    en: (p) => `${p.gaps} gap(s), ${p.missing} missing interval(s); first: ${p.first}`,
    de: (p) => `${p.gaps} Lücke(n), ${p.missing} fehlende(s) Intervall(e); erste: ${p.first}`,
  },
  duplicatesSummary: {
    en: (p) => `${p.count} duplicate timestamp(s); first: ${p.first}`,
    de: (p) => `${p.count} doppelte(r) Zeitstempel; erster: ${p.first}`,
  },
} satisfies Record<string, Record<MessageLanguage, Text>>;

export type MessageCode = keyof typeof TEXTS;

export interface ImportMessage {
  code: MessageCode;
  params: Params;
  /** A message nested in this one (e.g. the first gap in a summary), formatted in the same language. */
  first?: ImportMessage;
}

export const MESSAGE_CODES = Object.keys(TEXTS) as MessageCode[];

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
  return TEXTS[m.code][language](params);
}
