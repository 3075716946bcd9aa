/**
 * The one translation mechanism of Werkplan's core: the solver's texts as i18next resources, one
 * namespace per area in JSON files beside this module (`<namespace>.<language>.json`), read through
 * one synchronously initialised i18next instance. The CLI, the report worker and the planner use
 * them; the planner's own i18next instance loads the same resources as extra namespaces
 * (renderer/src/i18n/index.ts), so every text is defined once. See docs/decisions/one-i18n.md.
 */
import i18next, { type i18n } from 'i18next';
import findingsDe from './findings.de.json' with { type: 'json' };
import findingsEn from './findings.en.json' with { type: 'json' };
import importDe from './import.de.json' with { type: 'json' };
import importEn from './import.en.json' with { type: 'json' };
import labelsDe from './labels.de.json' with { type: 'json' };
import networkDe from './networkInput.de.json' with { type: 'json' };
import networkEn from './networkInput.en.json' with { type: 'json' };
import labelsEn from './labels.en.json' with { type: 'json' };
import reportDe from './report.de.json' with { type: 'json' };
import reportEn from './report.en.json' with { type: 'json' };
import sourceNotesDe from './sourceNotes.de.json' with { type: 'json' };
import sourceNotesEn from './sourceNotes.en.json' with { type: 'json' };
import viewsDe from './views.de.json' with { type: 'json' };
import viewsEn from './views.en.json' with { type: 'json' };

export type I18nLanguage = 'de' | 'en';

/** All solver namespaces in i18next's resources layout (`language → namespace → key`). */
export const solverResources = {
  de: {
    findings: findingsDe,
    import: importDe,
    report: reportDe,
    labels: labelsDe,
    networkInput: networkDe,
    sourceNotes: sourceNotesDe,
    views: viewsDe,
  },
  en: {
    findings: findingsEn,
    import: importEn,
    report: reportEn,
    labels: labelsEn,
    networkInput: networkEn,
    sourceNotes: sourceNotesEn,
    views: viewsEn,
  },
} as const;

export type SolverNamespace = keyof (typeof solverResources)['en'];
export const SOLVER_NAMESPACES = Object.keys(solverResources.en) as SolverNamespace[];

/**
 * A new i18next instance with the solver's namespaces, ready to use on return (`initAsync: false`:
 * the resources are bundled, nothing is loaded). Keys use i18next's default separators ('.' for
 * nesting, ':' for a namespace), as the planner's instance does, so a key reads the same in both.
 */
export function createSolverI18n(language: I18nLanguage = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: solverResources,
    lng: language,
    fallbackLng: false,
    ns: SOLVER_NAMESPACES,
    defaultNS: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const instance = createSolverI18n();

/** Interpolation values: the texts' `{{name}}` placeholders. */
export type I18nParams = Readonly<Record<string, string | number>>;

/** i18next's own options for one text: a plural count, a context (variant). */
export interface I18nOptions {
  count?: number;
  context?: string;
}

/**
 * Text `key` of namespace `ns` in `language`. Values are given apart from i18next's options
 * (`replace`), so a parameter named `count` or `context` is only interpolated, and nesting is off:
 * a value is never read as markup.
 */
export function t(
  language: I18nLanguage,
  ns: SolverNamespace,
  key: string,
  params: I18nParams = {},
  options: I18nOptions = {},
): string {
  // i18next's return type widens to objects for returnObjects; these texts are strings.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return instance.t(key, { lng: language, ns, replace: params, nest: false, ...options }) as string;
}

/** True when `ns` has a text `key` in `language`. */
export function hasText(language: I18nLanguage, ns: SolverNamespace, key: string): boolean {
  return instance.exists(key, { lng: language, ns });
}

/**
 * The name of `id` in the table `table` of namespace `ns` (e.g. report `flows.heat_out`); an id the
 * table does not have (a user's own fuel, a new kind) is returned as it is.
 */
export function nameOf(language: I18nLanguage, ns: SolverNamespace, table: string, id: string): string {
  const group = (solverResources.en[ns] as Record<string, unknown>)[table];
  return group !== null && typeof group === 'object' && Object.hasOwn(group, id)
    ? t(language, ns, `${table}.${id}`)
    : id;
}
