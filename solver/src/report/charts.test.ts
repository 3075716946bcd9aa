import { describe, expect, it } from 'vitest';
import type { Project } from '../project/types';
import type { Results } from '../results/results';
import { sankeyOption } from './charts';

describe('report Sankey (the planner’s, from the results views)', () => {
  it('shows storage charge and discharge and the heat dump, named in the report language', () => {
    const project = {
      technologies: [
        { id: 'gb', type: 'boiler', name: 'Kessel', fuel: 'gas', efficiency: 0.8 },
        { id: 'tes', type: 'heatStorage', name: 'Puffer' },
        { id: 'cool', type: 'heatDump', name: 'Rückkühler' },
      ],
    } as unknown as Project;
    const r = {
      annual: { gb: { heat_out_MWh: 10 }, tes: { charge_MWh: 2, discharge_MWh: 1.5 }, cool: { dump_MWh: 1 } },
      kpis: { heatDemand_MWh: 8.5, electricityDemand_MWh: 0 },
    } as unknown as Results;
    const names = { gb: { name: 'Kessel' }, tes: { name: 'Puffer' }, cool: { name: 'Rückkühler' } };
    const o = sankeyOption(project, r, 'de', names) as {
      series: {
        data: { name: string }[];
        links: { source: string; target: string; value: number }[];
        label: { formatter(p: { name: string; value: number }): string };
      }[];
    };
    const s = o.series[0];
    const ids = s.data.map((n) => n.name);
    expect(ids).toEqual(
      expect.arrayContaining([
        'sink:charge:tes',
        'source:discharge:tes',
        'sink:dump:cool',
        'sink:demand:heat',
      ]),
    );
    expect(s.links).toContainEqual({ source: 'bus:heat', target: 'sink:dump:cool', value: 1 });
    expect(s.links).toContainEqual({ source: 'bus:heat', target: 'sink:demand:heat', value: 8.5 });
    const label = (name: string, value: number) => s.label.formatter({ name, value });
    expect(label('sink:dump:cool', 1)).toBe('Rückkühler (Notkühlung) 1,0');
    expect(label('sink:charge:tes', 2)).toBe('Puffer (Beladung) 2,0');
    expect(label('source:discharge:tes', 1.5)).toBe('Puffer (Entladung) 1,5');
    expect(label('sink:demand:heat', 8.5)).toBe('Wärmebedarf 8,5');
    // Every plant and bus balances (to the rounding of the link values, 1e-3 MWh).
    const net: Record<string, number> = {};
    for (const l of s.links) {
      net[l.target] = (net[l.target] ?? 0) + l.value;
      net[l.source] = (net[l.source] ?? 0) - l.value;
    }
    for (const id of ['bus:heat', 'plant:gb']) expect(Math.abs(net[id])).toBeLessThan(1e-6);
  });
});
