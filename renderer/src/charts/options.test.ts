import { describe, expect, it } from 'vitest';
import type { Results } from '../../../solver/src/results/results';
import {
  capacityChartHeight,
  capacityOption,
  hourLabels,
  costChartHeight,
  costLegendRows,
  costOption,
  dispatchOption,
  heatmapOption,
  sankeyOption,
  type ChartText,
} from './options';

const text: ChartText = {
  name: (k) => ({ hour: 'Stunde', day: 'Tag', gb: 'Gaskessel', pv: 'Photovoltaik', tes: 'Speicher' })[k] ?? k,
  num: (v, d = 1) => v.toFixed(d).replace('.', ','),
  kW: 'kW',
  kWh: 'kWh',
};

type Opt = Record<string, unknown> & {
  xAxis: Record<string, unknown>;
  yAxis: Record<string, unknown>;
  series: Record<string, unknown>[];
};

describe('chart options', () => {
  it('names the heatmap axes and puts the unit on the colour scale', () => {
    const o = heatmapOption({ days: 2, cells: [[0, 0, 5]], min: 0, max: 5 }, text, 'kW') as Opt;
    expect(o.xAxis.name).toBe('Stunde');
    expect(o.yAxis.name).toBe('Tag');
    const vm = o.visualMap as { text: string[]; formatter(v: number): string };
    expect(vm.text[0]).toBe('kW');
    expect(vm.formatter(12)).toBe('12 kW');
  });

  it('shows each capacity in its unit, named under its bar', () => {
    const r = {
      capacities: { gb: { power_kW: 500 }, pv: { power_kW: 150 }, tes: { energy_kWh: 45.5, power_kW: 20 } },
    } as unknown as Results;
    const o = capacityOption([{ name: 'Basis', results: r }], text, {
      gb: { type: 'boiler' },
      pv: { type: 'pv' },
      tes: { type: 'heatStorage' },
    }) as Opt;
    // a block per kind of capacity, each with its own axis from zero
    const y = o.yAxis as unknown as { data: string[] }[];
    expect(y.map((a) => a.data)).toEqual([['Gaskessel [kW]', 'Photovoltaik [kWp]'], ['Speicher [kWh]']]);
    expect((o.xAxis as unknown as { name: string }[]).map((a) => a.name)).toEqual(['kW', 'kWh']);
    expect(o.series.map((x) => x.data)).toEqual([[500, 150], [45.5]]);
    expect(capacityChartHeight([{ results: r }])).toBeGreaterThan(100);
  });

  it('wraps the cost legend below the chart and makes room for it', () => {
    const r = { costs: { byCategory_EUR: { annuity: 1, fuel: 2 } } } as unknown as Results;
    const o = costOption([{ name: 'Basis', results: r }], ['annuity', 'fuel'], text) as Opt;
    expect((o.legend as { type: string }).type).toBe('plain');
    expect(costLegendRows(7)).toBe(3);
    expect(costChartHeight(7)).toBeGreaterThan(costChartHeight(2));
  });

  it('opens a dispatch on a given window of rows', () => {
    const stacks = { carrier: 'heat' as const, supply: [], use: [], demand: new Float64Array(400) };
    const o = dispatchOption(stacks, [], text, undefined, undefined, undefined, { start: 10, end: 177 });
    const zoom = o.dataZoom as { startValue?: number; endValue?: number }[];
    expect(zoom.map((z) => [z.startValue, z.endValue])).toEqual([
      [10, 177],
      [10, 177],
    ]);
  });

  it('keeps Sankey labels to one cut line with room on the right', () => {
    const o = sankeyOption({ nodes: [], links: [] }, text) as Opt;
    const s = o.series[0] as { right: number; nodeGap: number; label: { width: number; overflow: string } };
    expect(s.label.overflow).toBe('truncate');
    expect(s.right).toBeGreaterThanOrEqual(s.label.width);
    expect(s.nodeGap).toBeGreaterThanOrEqual(16);
  });
});

describe('hourLabels: legal time of the site (time axis)', () => {
  const hoursOf = (from: number, n: number) => Int32Array.from({ length: n }, (_, i) => from + i);
  it('labels the spring change day in Berlin with 23 hours (01:00 then 03:00)', () => {
    // 2025-03-30 00:00 CET = 2025-03-29T23:00Z; hour index from 2024-12-31T23:00Z.
    const h0 = (Date.UTC(2025, 2, 29, 23) - Date.UTC(2024, 11, 31, 23)) / 3_600_000;
    const labels = hourLabels({ year: 2025, hours: hoursOf(h0, 24) });
    const day = labels.filter((l) => l.startsWith('30.03.'));
    expect(day).toHaveLength(23);
    expect(day.slice(0, 3)).toEqual(['30.03. 00:00', '30.03. 01:00', '30.03. 03:00']);
  });
  it('labels the autumn change day in Berlin with 25 hours (02:00 twice)', () => {
    const h0 = (Date.UTC(2025, 9, 25, 22) - Date.UTC(2024, 11, 31, 23)) / 3_600_000;
    const labels = hourLabels({ year: 2025, hours: hoursOf(h0, 26) });
    const day = labels.filter((l) => l.startsWith('26.10.'));
    expect(day).toHaveLength(25);
    expect(day.slice(0, 5)).toEqual([
      '26.10. 00:00',
      '26.10. 01:00',
      '26.10. 02:00',
      '26.10. 02:00',
      '26.10. 03:00',
    ]);
  });
  it('labels hours in another site zone (America/New_York)', () => {
    expect(hourLabels({ year: 2025, hours: Int32Array.of(0, 5), timeZone: 'America/New_York' })).toEqual([
      '01.01. 00:00',
      '01.01. 05:00',
    ]);
  });
});
