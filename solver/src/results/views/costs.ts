import { nameOf, t } from '../../i18n';
import type { CostCategory } from '../../model/context';
import type { Results } from '../results';

/**
 * The cost categories of a result: one list, one order (results.json's `costs.byCategory_EUR`,
 * the cost tables and charts of the planner and the report), one set of German and English names.
 */
export const COST_CATEGORIES: readonly CostCategory[] = [
  'annuity',
  'subsidy',
  'fixedOm',
  'variableOm',
  'fuel',
  'gridEnergy',
  'gridPeak',
  'co2',
  'exportRevenue',
  'bonus',
];

export type CostCategoryKey = CostCategory;
export type ViewLanguage = 'de' | 'en';

/** Display names of the cost categories in German and English (i18next namespace `views`). */
export const COST_CATEGORY_NAMES: Readonly<Record<CostCategory, Readonly<Record<ViewLanguage, string>>>> =
  Object.fromEntries(
    COST_CATEGORIES.map((c) => [
      c,
      { de: t('de', 'views', `costCategory.${c}`), en: t('en', 'views', `costCategory.${c}`) },
    ]),
  ) as Record<CostCategory, Record<ViewLanguage, string>>;

/** A cost category's name in the language (an unknown key stays as it is). */
export const costCategoryName = (lang: ViewLanguage, c: string): string =>
  nameOf(lang, 'views', 'costCategory', c);

/**
 * Below half a euro a year a category counts as unused: the charts and tables show whole euros, so
 * it would read 0 (and solver round-off must not add a legend entry).
 */
export const COST_EPS_EUR = 0.5;

/** Cost categories with a value in any of the results, in the documented order. */
export function usedCostCategories(results: Results[]): CostCategoryKey[] {
  return COST_CATEGORIES.filter((c) =>
    results.some((r) => Math.abs(r.costs.byCategory_EUR[c] ?? 0) > COST_EPS_EUR),
  );
}

/** The data of a cost chart: per used category, its value (EUR/a) in each scenario, stacked in this order. */
export interface CostChart {
  scenarios: string[];
  series: { category: CostCategoryKey; values_EUR: number[] }[];
}

/**
 * Annual cost by category per scenario (subsidies and revenues negative): the used categories
 * (usedCostCategories) unless `categories` names them.
 */
export function costChart(
  scenarios: { name: string; results: Results }[],
  categories: readonly CostCategoryKey[] = usedCostCategories(scenarios.map((s) => s.results)),
): CostChart {
  return {
    scenarios: scenarios.map((s) => s.name),
    series: categories.map((category) => ({
      category,
      values_EUR: scenarios.map((s) => s.results.costs.byCategory_EUR[category] ?? 0),
    })),
  };
}
