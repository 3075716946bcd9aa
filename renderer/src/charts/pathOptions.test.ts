import { describe, expect, it } from 'vitest';
import type { PathSeries } from '../../../solver/src';
import type { ChartText } from './options';
import {
  pathCapacityGroups,
  pathCapacityOption,
  pathColors,
  pathCompareOption,
  pathGenerationOption,
  pathGroupOf,
  pathTargetOption,
  pathUnitOf,
} from './pathOptions';

const text: ChartText = {
  name: (k) => ({ hp: 'Wärmepumpe', gb: 'Gaskessel', bat: 'Batterie' })[k] ?? k,
  num: (v, d = 1) => v.toFixed(d).replace('.', ','),
  kW: 'kW',
  kWh: 'kWh',
};

type Series = { name: string; stack?: string; data: unknown[]; itemStyle?: { color: string }; type: string };
type Opt = {
  xAxis: { data: string[] };
  yAxis: { name: string };
  series: Series[];
  legend: { data?: string[] };
};

const s = (key: string, unit: PathSeries['unit'], values: number[]): PathSeries => ({
  key,
  techId: key.replace(/\.power$/, ''),
  unit,
  values,
});

describe('path chart options', () => {
  it('shows each capacity in its unit: CHP and battery power in kW el, area in m², storage apart', () => {
    const techs = { chp: { type: 'chp' }, hp: { type: 'heatPump' }, bat: { type: 'battery' } };
    expect(pathUnitOf(s('hp', 'kW', []), techs)).toBe('kW');
    expect(pathUnitOf(s('chp', 'kW', []), techs)).toBe('kW el');
    expect(pathUnitOf(s('bat.power', 'kW', []), techs)).toBe('kW el');
    expect(pathUnitOf(s('st', 'm2', []), techs)).toBe('m²');
    expect(pathUnitOf(s('pv', 'kWp', []), techs)).toBe('kWp');
    expect(pathUnitOf(s('tes', 'kWh', []), techs)).toBe('kWh');
    expect(pathGroupOf(s('bat', 'kWh', []), techs)).toBe('battery');
    expect(pathGroupOf(s('tes', 'kWh', []), techs)).toBe('storage');
    const groups = pathCapacityGroups(
      [
        s('tes', 'kWh', [1]),
        s('hp', 'kW', [1]),
        s('st', 'm2', [1]),
        s('gb', 'kW', [1]),
        s('bat', 'kWh', [1]),
        s('bat.power', 'kW', [1]),
        s('chp', 'kW', [1]),
      ],
      techs,
    );
    expect(groups.map((g) => [g.key, g.unit, g.series.map((x) => x.key)])).toEqual([
      ['heat', 'kW', ['hp', 'gb']],
      ['electric', 'kW el', ['bat.power', 'chp']],
      ['storage', 'kWh', ['tes']],
      ['battery', 'kWh', ['bat']],
      ['area', 'm²', ['st']],
    ]);
  });

  it('gives each technology one colour, in the order of first appearance', () => {
    const c = pathColors(['hp', 'gb', 'hp', 'st']);
    expect(Object.keys(c)).toEqual(['hp', 'gb', 'st']);
    expect(c.hp).not.toBe(c.gb);
    // red stays for missed targets, however many plants
    expect(Object.values(pathColors(Array.from({ length: 12 }, (_, i) => `t${i}`)))).not.toContain('#c0392b');
  });

  it('stacks the capacity per year, names the plants and the battery power', () => {
    const o = pathCapacityOption(
      [2025, 2030],
      [s('hp', 'kW', [0, 400]), s('bat.power', 'kW', [10, 10])],
      'kW',
      text,
      { hp: '#123456' },
      (tech) => `${tech} – Leistung`,
    ) as unknown as Opt;
    expect(o.xAxis.data).toEqual(['2025', '2030']);
    expect(o.yAxis.name).toBe('kW');
    expect(o.series.map((x) => x.name)).toEqual(['Wärmepumpe', 'Batterie – Leistung']);
    expect(o.series.every((x) => x.stack === 'total')).toBe(true);
    expect(o.series[0].data).toEqual([0, 400]);
    expect(o.series[0].itemStyle?.color).toBe('#123456');
  });

  it('stacks the heat generation in MWh/a', () => {
    const o = pathGenerationOption(
      { years: [2025, 2030], series: [{ techId: 'gb', values_MWh: [100, 50] }] },
      text,
    ) as unknown as Opt;
    expect(o.yAxis.name).toBe('MWh/a');
    expect(o.series[0]).toMatchObject({ name: 'Gaskessel', data: [100, 50] });
  });

  it('marks the periods that miss their limit red and draws the limit as a line with gaps', () => {
    const o = pathTargetOption(
      [2025, 2030, 2035],
      [500, 300, 301],
      [null, 300, 300],
      [false, false, true],
      { value: 'CO₂', limit: 'Deckel' },
      't/a',
      text,
    ) as unknown as Opt;
    const bars = o.series[0].data as { value: number; itemStyle: { color: string } }[];
    expect(bars.map((b) => b.value)).toEqual([500, 300, 301]);
    const [none, met, miss] = bars.map((b) => b.itemStyle.color);
    expect(miss).toBe('#c0392b');
    expect(met).toBe('#3f9e4d');
    expect(none).not.toBe(miss);
    expect(o.series[1]).toMatchObject({ type: 'line', name: 'Deckel', data: ['-', 300, 300] });
    expect(o.legend.data).toEqual(['CO₂', 'Deckel']);
    const fmt = (o as unknown as { tooltip: { valueFormatter(v: unknown): string } }).tooltip.valueFormatter;
    expect(fmt(1234.4)).toBe('1234 t/a');
    expect(fmt('-')).toBe('–');
    // no limit in any period: no line, no legend entry
    const bare = pathTargetOption(
      [2025],
      [5],
      [null],
      [false],
      { value: 'CO₂', limit: 'Deckel' },
      't/a',
      text,
    ) as unknown as Opt;
    expect(bare.series).toHaveLength(1);
    expect(bare.legend.data).toEqual(['CO₂']);
  });

  it('sets two paths side by side per year, a missing year empty', () => {
    const o = pathCompareOption(
      [2025, 2030],
      [
        { name: 'A', values: [1, 2] },
        { name: 'B', values: [null, 3] },
      ],
      't/a',
      text,
    ) as unknown as Opt;
    expect(o.series.map((x) => x.data)).toEqual([
      [1, 2],
      ['-', 3],
    ]);
    expect(o.series[1].name).toBe('B');
  });
});
