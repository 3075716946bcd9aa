import { fieldUnit } from '../results/capacity';
import { fixed } from './numbers';
import type { Results } from '../results/results';
import { pathHorizon, pathTargets } from '../results/views/path';
import type { Project } from '../project/types';

const unitText = (u: string) => (u === 'm2' ? 'm²' : u);

/**
 * The summary `werkplan solve` prints for a transformation path: the net present cost and, per
 * period, the capacities in service, the renewable heat share against its target and the CO2.
 */
export function pathSummaryText(r: Results, project: Project): string {
  if (!r.periods?.length || !r.path) return '';
  const name = (id: string) => {
    const [techId, power] = id.split('.');
    const t = project.technologies.find((x) => x.id === techId);
    return `${t?.name ?? techId}${power ? ' (power)' : ''}`;
  };
  const targets = pathTargets(r);
  const horizon = pathHorizon(r)!;
  const lines = [
    `transformation path ${horizon.from}–${horizon.to}: net present cost ${(r.objective.netPresentCost_EUR ?? 0).toFixed(0)} EUR (base year ${r.path.baseYear}, interest ${(r.path.interestRate * 100).toFixed(1)} %)`,
  ];
  r.periods.forEach((p, k) => {
    const caps = Object.entries(p.capacities)
      .filter(([, c]) => c.total > 1e-6)
      .map(([id, c]) => {
        const t = project.technologies.find((x) => x.id === id);
        const unit = c.unit === 'kW' && !id.endsWith('.power') && t ? fieldUnit(t.type, 'power_kW') : c.unit;
        return `${name(id)} ${c.total.toFixed(0)} ${unitText(unit)}`;
      })
      .join(', ');
    const target = targets.renewableHeatTarget[k];
    const share = `renewable heat ${(p.renewableHeatShare * 100).toFixed(1)} %${target !== null ? ` (target ${(target * 100).toFixed(0)} %${targets.targetMet[k] ? '' : ', MISSED'})` : ''}`;
    lines.push(
      `  ${p.year}: ${share}, ${fixed(p.emissions_tCO2, 0)} t CO2/a, ${fixed(p.cost_EUR.annualCost_EUR_a, 0)} EUR/a; ${caps}`,
    );
  });
  return lines.join('\n') + '\n';
}
