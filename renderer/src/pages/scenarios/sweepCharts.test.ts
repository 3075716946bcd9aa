import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../i18n/format';
import type { SweepRun } from '../../project/sweeps';
import {
  costUnit,
  sweepCapacityOption,
  sweepHeatmapOption,
  sweepLineOption,
  type SweepChartText,
} from './sweepCharts';

const RATE = '/economics/interestRate';
const CO2 = '/economics/co2Price_EUR_t';

const text: SweepChartText = {
  num: (v, d = 1) => formatNumber(v, 'de', d),
  parameter: (p) =>
    p === RATE
      ? { label: 'Kalkulationszins', unit: '%', scale: 100 }
      : { label: 'CO₂-Preis', unit: 'EUR/t', scale: 1 },
  cost: 'Kosten',
  co2: 'CO₂',
  costAxis: 'Kosten [EUR/a]',
  costAxisK: 'Kosten [Tsd. EUR/a]',
  co2Axis: 'CO₂ [t/a]',
};

const point = (i: number, j: number, cost?: number, co2?: number) => ({
  i,
  j,
  overrides: {},
  state: cost === undefined ? ('failed' as const) : ('done' as const),
  totalAnnualCost_EUR: cost,
  emissions_tCO2: co2,
});

const common = {
  projectId: 'p',
  options: { mode: 'aggregated' as const },
  state: 'done' as const,
  started: 0,
  inputsHash: 'h',
};

describe('sweep charts', () => {
  it('one parameter: cost in thousand EUR/a and CO2 over the parameter as shown (%), gaps for failed points', () => {
    const run: SweepRun = {
      ...common,
      a: { pointer: RATE, from: 0.03, to: 0.05, steps: 3 },
      xs: [0.03, 0.04, 0.05],
      ys: [],
      points: [point(0, 0, 1_250_000, 400), point(1, 0), point(2, 0, 1_500_000, 380)],
    };
    const o = sweepLineOption(run, text) as {
      xAxis: { name: string; min: number; max: number };
      yAxis: { name: string }[];
      series: { data: [number, number | null][]; yAxisIndex: number }[];
      tooltip: { formatter(items: unknown[]): string };
    };
    expect(o.xAxis.name).toBe('Kalkulationszins [%]');
    expect([o.xAxis.min, o.xAxis.max]).toEqual([3, 5]);
    expect(o.yAxis.map((a) => a.name)).toEqual(['Kosten [Tsd. EUR/a]', 'CO₂ [t/a]']);
    expect(o.series[0].data).toEqual([
      [3, 1250],
      [4, null],
      [5, 1500],
    ]);
    expect(o.series[1].yAxisIndex).toBe(1);
    expect(o.series[1].data.map((d) => d[1])).toEqual([400, null, 380]);
    expect(
      o.tooltip.formatter([
        { seriesIndex: 0, value: [3, 1250] },
        { seriesIndex: 1, value: [3, 400] },
      ]),
    ).toBe('Kalkulationszins [%]: 3<br>Kosten: 1.250.000 EUR/a<br>CO₂: 400 t/a');
  });

  it('two parameters: a heat map of the cost, empty where a point has no result', () => {
    const run: SweepRun = {
      ...common,
      a: { pointer: RATE, from: 0.03, to: 0.05, steps: 2 },
      b: { pointer: CO2, from: 50, to: 150, steps: 2 },
      xs: [0.03, 0.05],
      ys: [50, 150],
      points: [point(0, 0, 1_000_000), point(1, 0, 1_200_500), point(0, 1), point(1, 1, 1_400_000)],
    };
    const o = sweepHeatmapOption(run, text) as {
      xAxis: { data: string[]; name: string };
      yAxis: { data: string[]; name: string };
      visualMap: { min: number; max: number; text: string[] };
      series: { data: number[][]; label: { formatter(p: { value: number[] }): string } }[];
      tooltip: { formatter(p: { value: number[] }): string };
    };
    expect(o.xAxis.data).toEqual(['3', '5']);
    expect(o.yAxis.data).toEqual(['50', '150']);
    expect(o.yAxis.name).toBe('CO₂-Preis [EUR/t]');
    expect(o.series[0].data).toEqual([
      [0, 0, 1000],
      [1, 0, 1200.5],
      [1, 1, 1400],
    ]);
    expect([o.visualMap.min, o.visualMap.max]).toEqual([1000, 1400]);
    expect(o.visualMap.text).toEqual(['1.400 (Kosten [Tsd. EUR/a])', '1.000']);
    expect(o.series[0].label.formatter({ value: [1, 0, 1200.5] })).toBe('1.201');
    expect(o.tooltip.formatter({ value: [1, 0, 1200.5] })).toBe(
      'Kalkulationszins [%]: 5<br>CO₂-Preis [EUR/t]: 50<br>Kosten: 1.200.500 EUR/a',
    );
  });

  it('shows costs below 100 000 EUR/a in EUR/a, from there on in thousand EUR/a', () => {
    const run = (cost: number): SweepRun => ({
      ...common,
      a: { pointer: RATE, from: 0.03, to: 0.05, steps: 2 },
      b: { pointer: CO2, from: 50, to: 150, steps: 2 },
      xs: [0.03, 0.05],
      ys: [50, 150],
      points: [point(0, 0, 2814.4), point(1, 0, cost), point(0, 1), point(1, 1)],
    });
    expect(costUnit(run(99_999), text)).toEqual({ div: 1, name: 'Kosten [EUR/a]' });
    expect(costUnit(run(100_000), text)).toEqual({ div: 1000, name: 'Kosten [Tsd. EUR/a]' });
    const o = sweepHeatmapOption(run(3747), text) as {
      series: { data: number[][]; label: { formatter(p: { value: number[] }): string } }[];
    };
    expect(o.series[0].data).toEqual([
      [0, 0, 2814.4],
      [1, 0, 3747],
    ]);
    expect(o.series[0].label.formatter({ value: [0, 0, 2814.4] })).toBe('2.814');
  });
});

describe('sweep capacity chart', () => {
  const boiler = { tech: 'gb', field: 'power_kW' as const, label: 'Gaskessel', unit: 'kW' };
  const withCap = (i: number, j: number, kW?: number): SweepRun['points'][number] => ({
    ...point(i, j, kW === undefined ? undefined : 1000, 1),
    capacities: kW === undefined ? undefined : kW > 0 ? { gb: { power_kW: kW } } : {},
  });

  it('one parameter: the capacity as a line in its unit, gaps without a result, 0 when not built', () => {
    const run: SweepRun = {
      ...common,
      a: { pointer: RATE, from: 0.03, to: 0.05, steps: 3 },
      xs: [0.03, 0.04, 0.05],
      ys: [],
      points: [withCap(0, 0, 500), withCap(1, 0), withCap(2, 0, 0)],
    };
    const o = sweepCapacityOption(run, boiler, text) as {
      yAxis: { name: string };
      series: { data: [number, number | null][] }[];
    };
    expect(o.yAxis.name).toBe('Gaskessel [kW]');
    expect(o.series[0].data).toEqual([
      [3, 500],
      [4, null],
      [5, 0],
    ]);
  });

  it('two parameters: a heat map of the capacity', () => {
    const run: SweepRun = {
      ...common,
      a: { pointer: RATE, from: 0.03, to: 0.04, steps: 2 },
      b: { pointer: CO2, from: 50, to: 100, steps: 2 },
      xs: [0.03, 0.04],
      ys: [50, 100],
      points: [withCap(0, 0, 500), withCap(1, 0, 400), withCap(0, 1, 300), withCap(1, 1)],
    };
    const o = sweepCapacityOption(run, boiler, text) as {
      series: { data: number[][] }[];
      visualMap: { min: number; max: number; text: string[] };
    };
    expect(o.series[0].data).toEqual([
      [0, 0, 500],
      [1, 0, 400],
      [0, 1, 300],
    ]);
    expect([o.visualMap.min, o.visualMap.max]).toEqual([300, 500]);
    expect(o.visualMap.text[0]).toBe('500 kW');
  });
});
