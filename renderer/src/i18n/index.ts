import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { SOLVER_NAMESPACES, solverResources } from '../../../solver/src';
import de from './de.json';
import en from './en.json';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'de';

type Messages = Record<string, unknown>;

/**
 * Each feature area keeps its texts in `areas/<area>.<language>.json` (top-level key = area), so
 * features grow without editing one shared file. They are merged over the common texts.
 */
const areaFiles = import.meta.glob<Messages>('./areas/*.json', { eager: true, import: 'default' });

export function areaMessages(language: Language): Messages {
  const out: Messages = {};
  for (const [path, messages] of Object.entries(areaFiles)) {
    if (path.endsWith(`.${language}.json`)) Object.assign(out, messages);
  }
  return out;
}

/**
 * The planner's texts (namespace `translation`, the default) and the solver's namespaces
 * (`findings`, `import`, `report`, `labels`, `views`, `sourceNotes`: solver/src/i18n), so the UI
 * and the core share one i18next mechanism and one set of texts (docs/decisions/one-i18n.md).
 */
export const resources = {
  de: { translation: { ...de, ...areaMessages('de') }, ...solverResources.de },
  en: { translation: { ...en, ...areaMessages('en') }, ...solverResources.en },
} as const;

/** Every namespace the planner's i18next holds: its own first (the default), then the solver's. */
export const NAMESPACES = ['translation', ...SOLVER_NAMESPACES] as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Initialises i18next once, in the given language (German by default). */
export async function initI18n(language: Language = DEFAULT_LANGUAGE): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources,
      ns: NAMESPACES,
      defaultNS: 'translation',
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  } else if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18next;
}

export { i18next };
