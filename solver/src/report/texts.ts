/**
 * Texts of the reports in German and English: the i18next namespace `report` of the solver's one
 * translation mechanism (solver/src/i18n), read the same way by the CLI and the planner's report
 * worker.
 */
import { nameOf, type solverResources, t } from '../i18n';
import { costCategoryName } from '../results/views/costs';

export type ReportLanguage = 'de' | 'en';

type ReportTexts = (typeof solverResources)['en']['report'];
/** The report's texts: the i18next namespace `report` (solver/src/i18n/report.*.json), without its name tables. */
export type TextKey = {
  [K in keyof ReportTexts]: ReportTexts[K] extends string ? K : never;
}[keyof ReportTexts];

/** A report text in the given language; `{{name}}` placeholders are filled from `params`. */
export function text(lang: ReportLanguage, key: TextKey, params: Record<string, string> = {}): string {
  return t(lang, 'report', key, params);
}

export const techTypeName = (lang: ReportLanguage, type: string): string =>
  nameOf(lang, 'report', 'techTypes', type);

/** Cost category names: one list for the planner and the report (results views). */
export const categoryName = (lang: ReportLanguage, c: string): string => costCategoryName(lang, c);

export const flowName = (lang: ReportLanguage, f: string): string => nameOf(lang, 'report', 'flows', f);

export const statusName = (lang: ReportLanguage, s: string): string => nameOf(lang, 'report', 'statuses', s);

/** The solver as its makers write it. */
export const solverName = (s: string): string => ({ highs: 'HiGHS', glpk: 'GLPK' })[s] ?? s.toUpperCase();

export const methodName = (lang: ReportLanguage, m: string): string => nameOf(lang, 'report', 'methods', m);
