import type { StoredResult } from '../../db/results';
import { formatNumber } from '../../i18n/format';
import type { StoredProject } from '../../project/document';
import { mainCapacity } from '../../../../solver/src';

/** The sized plants as the user named them, each in its own capacity unit (storage kWh, PV kWp). */
export function capacityText(r: StoredResult, doc: StoredProject, language: 'de' | 'en'): string {
  return Object.entries(r.payload.results.capacities)
    .map(([id, c]) => {
      const tech = doc.technologies.find((x) => x.id === id);
      const { value, unit } = mainCapacity(tech?.type, c);
      return `${tech?.name || id} ${formatNumber(value, language, 1)} ${unit}`;
    })
    .join(', ');
}
