import type { TFunction } from 'i18next';
import { costCategoryName, parseColumn, type ViewLanguage } from '../../../solver/src';
import { fuelName } from '../pages/scenarios/labels';

/**
 * Display name of anything a results chart labels: dispatch columns ("hp.heat_out_kW"), demands
 * ("demand:heat"), cost categories ("cost:fuel"), Sankey nodes ("source:fuel:gas") or a plain
 * technology id. Technologies appear under the name the user gave them (`techNames`: id → name
 * from the project), or under their id when the project no longer has them.
 */
export function displayName(
  t: TFunction,
  key: string,
  techNames: Record<string, string> = {},
  /**
   * The user's language: cost categories take their names from the results views (as in the report);
   * without it, from the same texts in the planner's i18next (the solver's namespace `views`).
   */
  language?: ViewLanguage,
): string {
  const tech = (id: string) => techNames[id] || id;
  const [head, a, b] = key.split(':');
  switch (head) {
    case 'demand':
      return t(a === 'heat' ? 'results.names.demandHeat' : 'results.names.demandElectricity');
    case 'cost':
      return language ? costCategoryName(language, a) : t(`views:costCategory.${a}`);
    case 'day':
      return t('results.names.day');
    case 'hour':
      return t('results.names.hour');
    case 'bus':
      return t(a === 'heat' ? 'results.names.heatBus' : 'results.names.electricityBus');
    case 'plant':
      return tech(key.slice('plant:'.length));
    case 'source':
      if (a === 'grid') return t('results.names.gridImport');
      if (a === 'ambient') return t('results.names.ambient');
      if (a === 'sun') return t('results.names.sun');
      if (a === 'fuel') return t('results.names.fuel', { fuel: fuelName(t, b) });
      if (a === 'discharge') return t('results.names.discharge', { tech: tech(b) });
      break;
    case 'sink':
      if (a === 'export') return t('results.names.export');
      if (a === 'losses') return t('results.names.losses');
      if (a === 'charge') return t('results.names.charge', { tech: tech(b) });
      if (a === 'dump') return t('results.names.dump', { tech: tech(b) });
      if (a === 'demand') return displayName(t, `demand:${b}`, techNames, language);
      break;
  }
  const col = parseColumn(key);
  if (col) return t(`results.names.flow.${col.flow}`, { tech: tech(col.techId), defaultValue: key });
  return tech(key);
}
