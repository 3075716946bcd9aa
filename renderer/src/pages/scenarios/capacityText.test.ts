import { describe, expect, it } from 'vitest';
import type { StoredResult } from '../../db/results';
import type { StoredProject } from '../../project/document';
import { capacityText } from './RunPanel';

describe('scenario table capacities', () => {
  it('names the plants as the user did, each in its own capacity unit', () => {
    const doc = {
      technologies: [
        { id: 'gasBoiler', name: 'Gaskessel', type: 'boiler' },
        { id: 'heatStorageBuffer', name: 'Pufferspeicher', type: 'heatStorage' },
        { id: 'pv', name: 'Photovoltaik Dach', type: 'pv' },
        { id: 'st', name: 'Solarthermie', type: 'solarThermal' },
      ],
    } as unknown as StoredProject;
    const r = {
      payload: {
        results: {
          capacities: {
            gasBoiler: { power_kW: 505.79 },
            heatStorageBuffer: { energy_kWh: 45.5, power_kW: 22.75 },
            pv: { power_kW: 150 },
            st: { area_m2: 80 },
            gone: { power_kW: -1e-12 },
          },
        },
      },
    } as unknown as StoredResult;
    expect(capacityText(r, doc, 'de')).toBe(
      'Gaskessel 505,8 kW, Pufferspeicher 45,5 kWh, Photovoltaik Dach 150 kWp, Solarthermie 80 m², gone 0 kW',
    );
  });
});
