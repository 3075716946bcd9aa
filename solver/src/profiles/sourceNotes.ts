/**
 * The source notes of generated series (BDEW standard load profiles, BDEW SigLinDe heat profiles,
 * the site's weather) in German and English (texts: i18next namespace `sourceNotes`). A project stores the note as text in the
 * language it was written in; the English notes are the ones the planner has always written (and
 * still recognises series by, renderer/src/project/generate.ts), so they stay exactly as they were.
 * `sourceNoteIn` shows a known note in the reader's language and leaves any other note as it is.
 */
import { t } from '../i18n';
import { messageNumber } from '../results/messages';

export type NoteLanguage = 'de' | 'en';

/**
 * What a generated series was made from (the planner's GeneratedSpec, without its type lists). The
 * three weather series share one note, which reads back as 'weather'.
 */
export type GeneratedNote =
  | { kind: 'heat'; type: string; annual_kWh: number; weather?: TryNote | FileNote }
  | { kind: 'electricity'; profile: string; annual_kWh: number }
  | { kind: 'ambient' | 'pvYield' | 'solarYield' | 'weather'; weather?: TryNote | FileNote };

/** An imported weather file (site.weather of kind 'file'), named as the user's file is named. */
export interface FileNote {
  file: string;
}
const isFile = (w: TryNote | FileNote): w is FileNote => 'file' in w;

/**
 * The DWD test reference year a weather-based series was made from (solver/src/weather/site.ts
 * `siteWeather`). With it the note names that weather with DWD's source note ("Quelle: Deutscher
 * Wetterdienst", German in either language); without it the note is the old PVGIS-sample text,
 * which older projects carry and which is still read back.
 */
export interface TryNote {
  year: number;
  region: number;
  place: string;
}

/** The weather sample's note; in German with a version number (v5.3) and no file path. */
const WEATHER_EN = t('en', 'sourceNotes', 'weather');
const WEATHER_DE = t('de', 'sourceNotes', 'weather');

const HEAT_EN = /^BDEW SigLinDe (\w+), PVGIS TMY weather, ([\d.e+]+) kWh\/a \(Werkplan\)$/;
/**
 * The German notes do not start like the English ones, so the planner's reading of old notes (the
 * English patterns, numbers with a decimal point) never misreads '20.000 kWh/a' as 20.
 */
const HEAT_DE = /^BDEW-SigLinDe-Wärmeprofil (\w+), Wetter PVGIS TMY, ([\d.,]+) kWh\/a \(Werkplan\)$/;
const TRY_EN = /DWD test reference year (\d{4}) region (\d+) (.+?), Quelle: Deutscher Wetterdienst/.source;
const TRY_DE = /DWD-Testreferenzjahr (\d{4}) Region (\d+) (.+?), Quelle: Deutscher Wetterdienst/.source;
const HEAT_TRY_EN = new RegExp(`^BDEW SigLinDe (\\w+), ${TRY_EN}, ([\\d.e+]+) kWh/a \\(Werkplan\\)$`);
const HEAT_TRY_DE = new RegExp(
  `^BDEW-SigLinDe-Wärmeprofil (\\w+), Wetter ${TRY_DE}, ([\\d.,]+) kWh/a \\(Werkplan\\)$`,
);
const WEATHER_TRY_EN = new RegExp(`^${TRY_EN} \\(Werkplan\\)$`);
const WEATHER_TRY_DE = new RegExp(`^${TRY_DE} \\(Werkplan\\)$`);
const HEAT_FILE_EN = /^BDEW SigLinDe (\w+), weather file (.+), ([\d.e+]+) kWh\/a \(Werkplan\)$/;
const HEAT_FILE_DE = /^BDEW-SigLinDe-Wärmeprofil (\w+), Wetterdatei (.+), ([\d.,]+) kWh\/a \(Werkplan\)$/;
const WEATHER_FILE_EN = /^Weather file (.+) \(Werkplan\)$/;
const WEATHER_FILE_DE = /^Wetterdatei (.+) \(Werkplan\)$/;
const tryOf = (m: RegExpExecArray, at: number): TryNote => ({
  year: Number(m[at]),
  region: Number(m[at + 1]),
  place: m[at + 2],
});
const ELECTRICITY_EN = /^BDEW standard load profile (\w+) \(2025\), ([\d.e+]+) kWh\/a \(Werkplan\)$/;
const ELECTRICITY_DE = /^BDEW-Standardlastprofil (\w+) \(2025\), ([\d.,]+) kWh\/a \(Werkplan\)$/;

/** A German number as written by {@link generatedSourceNote} ('12.345,5'). */
const germanNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/** The source note of a generated series in one language (i18next namespace `sourceNotes`). */
export function generatedSourceNote(spec: GeneratedNote, language: NoteLanguage): string {
  // German groups thousands ('20.000'); English keeps the number as it is, as it always has.
  const annual = (kWh: number) => (language === 'de' ? messageNumber(kWh, 'de', 3) : String(kWh));
  const weather = (w: TryNote) =>
    t(language, 'sourceNotes', 'tryName', { year: String(w.year), region: String(w.region), place: w.place });
  switch (spec.kind) {
    case 'heat':
      if (spec.weather && isFile(spec.weather))
        return t(language, 'sourceNotes', 'heatFile', {
          type: spec.type,
          file: spec.weather.file,
          annual: annual(spec.annual_kWh),
        });
      return spec.weather
        ? t(language, 'sourceNotes', 'heatTry', {
            type: spec.type,
            weather: weather(spec.weather),
            annual: annual(spec.annual_kWh),
          })
        : t(language, 'sourceNotes', 'heat', { type: spec.type, annual: annual(spec.annual_kWh) });
    case 'electricity':
      return t(language, 'sourceNotes', 'electricity', {
        profile: spec.profile,
        annual: annual(spec.annual_kWh),
      });
    default:
      if (spec.weather && isFile(spec.weather))
        return t(language, 'sourceNotes', 'weatherFile', { file: spec.weather.file });
      return spec.weather
        ? t(language, 'sourceNotes', 'weatherTry', { weather: weather(spec.weather) })
        : t(language, 'sourceNotes', 'weather');
  }
}

/** What a note written by {@link generatedSourceNote} (in either language) says; null for any other text. */
export function parseGeneratedSourceNote(note: string): GeneratedNote | null {
  const s = note.trim();
  if (s === WEATHER_EN || s === WEATHER_DE) return { kind: 'weather' };
  let m = WEATHER_TRY_EN.exec(s) ?? WEATHER_TRY_DE.exec(s);
  if (m) return { kind: 'weather', weather: tryOf(m, 1) };
  m = HEAT_FILE_EN.exec(s);
  if (m) return { kind: 'heat', type: m[1], annual_kWh: Number(m[3]), weather: { file: m[2] } };
  m = HEAT_FILE_DE.exec(s);
  if (m) return { kind: 'heat', type: m[1], annual_kWh: germanNumber(m[3]), weather: { file: m[2] } };
  m = WEATHER_FILE_EN.exec(s) ?? WEATHER_FILE_DE.exec(s);
  if (m) return { kind: 'weather', weather: { file: m[1] } };
  m = HEAT_TRY_EN.exec(s);
  if (m) return { kind: 'heat', type: m[1], annual_kWh: Number(m[5]), weather: tryOf(m, 2) };
  m = HEAT_TRY_DE.exec(s);
  if (m) return { kind: 'heat', type: m[1], annual_kWh: germanNumber(m[5]), weather: tryOf(m, 2) };
  m = HEAT_EN.exec(s);
  if (m) return { kind: 'heat', type: m[1], annual_kWh: Number(m[2]) };
  m = HEAT_DE.exec(s);
  if (m) return { kind: 'heat', type: m[1], annual_kWh: germanNumber(m[2]) };
  m = ELECTRICITY_EN.exec(s);
  if (m) return { kind: 'electricity', profile: m[1], annual_kWh: Number(m[2]) };
  m = ELECTRICITY_DE.exec(s);
  if (m) return { kind: 'electricity', profile: m[1], annual_kWh: germanNumber(m[2]) };
  return null;
}

/**
 * A series' source note in the reader's language: a generated series' note (also one with a remark
 * appended after ' – ', e.g. the shift to the project year) is given in `language`; any other note
 * is the user's text and stays as it is.
 */
export function sourceNoteIn(note: string, language: NoteLanguage): string {
  const cut = note.indexOf(' – ');
  const head = cut < 0 ? note : note.slice(0, cut);
  const spec = parseGeneratedSourceNote(head);
  if (!spec) return note;
  return generatedSourceNote(spec, language) + (cut < 0 ? '' : note.slice(cut));
}
