/**
 * The source notes of generated series (BDEW standard load profiles, BDEW SigLinDe heat profiles,
 * the PVGIS weather sample) in German and English (texts: i18next namespace `sourceNotes`). A project stores the note as text in the
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
  | { kind: 'heat'; type: string; annual_kWh: number }
  | { kind: 'electricity'; profile: string; annual_kWh: number }
  | { kind: 'ambient' | 'pvYield' | 'solarYield' | 'weather' };

/** The weather sample's note; in German with a version number (v5.3) and no file path. */
const WEATHER_EN = t('en', 'sourceNotes', 'weather');
const WEATHER_DE = t('de', 'sourceNotes', 'weather');

const HEAT_EN = /^BDEW SigLinDe (\w+), PVGIS TMY weather, ([\d.e+]+) kWh\/a \(Werkplan\)$/;
/**
 * The German notes do not start like the English ones, so the planner's reading of old notes (the
 * English patterns, numbers with a decimal point) never misreads '20.000 kWh/a' as 20.
 */
const HEAT_DE = /^BDEW-SigLinDe-Wärmeprofil (\w+), Wetter PVGIS TMY, ([\d.,]+) kWh\/a \(Werkplan\)$/;
const ELECTRICITY_EN = /^BDEW standard load profile (\w+) \(2025\), ([\d.e+]+) kWh\/a \(Werkplan\)$/;
const ELECTRICITY_DE = /^BDEW-Standardlastprofil (\w+) \(2025\), ([\d.,]+) kWh\/a \(Werkplan\)$/;

/** A German number as written by {@link generatedSourceNote} ('12.345,5'). */
const germanNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/** The source note of a generated series in one language (i18next namespace `sourceNotes`). */
export function generatedSourceNote(spec: GeneratedNote, language: NoteLanguage): string {
  // German groups thousands ('20.000'); English keeps the number as it is, as it always has.
  const annual = (kWh: number) => (language === 'de' ? messageNumber(kWh, 'de', 3) : String(kWh));
  switch (spec.kind) {
    case 'heat':
      return t(language, 'sourceNotes', 'heat', { type: spec.type, annual: annual(spec.annual_kWh) });
    case 'electricity':
      return t(language, 'sourceNotes', 'electricity', {
        profile: spec.profile,
        annual: annual(spec.annual_kWh),
      });
    default:
      return t(language, 'sourceNotes', 'weather');
  }
}

/** What a note written by {@link generatedSourceNote} (in either language) says; null for any other text. */
export function parseGeneratedSourceNote(note: string): GeneratedNote | null {
  const s = note.trim();
  if (s === WEATHER_EN || s === WEATHER_DE) return { kind: 'weather' };
  let m = HEAT_EN.exec(s);
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
