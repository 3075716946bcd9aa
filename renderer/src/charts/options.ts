import type { Dispatch, Results } from '../../../solver/src/results/results';
import type { ChartOption } from './EChart';
import {
  durationCurve,
  type CarrierStacks,
  type CostCategoryKey,
  type Heatmap,
  type Sankey,
  type SankeyNode,
} from './prepare';

/** Texts and number format of the user's language, handed in by the page. */
export interface ChartText {
  /** Display name of a dispatch series or Sankey node. */
  name(key: string): string;
  num(value: number, digits?: number): string;
  kW: string;
  kWh: string;
}

export const COLORS = [
  '#1f6f8b',
  '#e07a1f',
  '#3f9e4d',
  '#c0392b',
  '#8e5ea2',
  '#b8860b',
  '#5d6d7e',
  '#17a2b8',
  '#d35400',
  '#7f8c8d',
];

/** Hour of the year (local standard time) → "dd.mm. hh:00". */
export function hourLabels(d: Dispatch): string[] {
  const t0 = Date.UTC(d.year, 0, 1);
  return Array.from(d.hours, (h) => {
    const t = new Date(t0 + h * 3_600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(t.getUTCDate())}.${p(t.getUTCMonth() + 1)}. ${p(t.getUTCHours())}:00`;
  });
}

/** Axis numbers in the user's language (German: 1.000, decimal comma). */
const axisNum = (text: ChartText) => ({ formatter: (v: number) => text.num(v, 1) });

const base = (text: ChartText) => ({
  animation: false,
  color: COLORS,
  textStyle: { fontFamily: 'inherit' },
  tooltip: {
    trigger: 'axis',
    valueFormatter: (v: unknown) => (typeof v === 'number' ? text.num(v) : String(v ?? '')),
  },
});

/**
 * Dispatch of one carrier: supply stacked above zero, use below, the demand as a line; zoom over
 * the year (inside + slider). LTTB sampling keeps 8760 × n points smooth.
 */
export function dispatchOption(
  stacks: CarrierStacks,
  labels: string[],
  text: ChartText,
  yMax?: number,
  yMin?: number,
  /** Fixed colour per column, so several charts show the same plant in the same colour. */
  colors?: Record<string, string>,
): ChartOption {
  const line = (name: string, values: ArrayLike<number>, stack: string | undefined) => ({
    type: 'line',
    name: text.name(name),
    ...(colors?.[name] ? { itemStyle: { color: colors[name] }, color: colors[name] } : {}),
    stack,
    data: Array.from(values),
    showSymbol: false,
    sampling: 'lttb',
    lineStyle: { width: 0 },
    areaStyle: { opacity: 0.85 },
    emphasis: { disabled: true },
  });
  return {
    ...base(text),
    legend: { type: 'scroll', top: 0 },
    grid: { left: 64, right: 24, top: 52, bottom: 72 },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', name: text.kW, max: yMax, min: yMin, axisLabel: axisNum(text) },
    dataZoom: [
      { type: 'inside', start: 0, end: 100, throttle: 0 },
      { type: 'slider', start: 0, end: 100, bottom: 16, height: 24, throttle: 0 },
    ],
    series: [
      ...stacks.supply.map((s) => line(s.column, s.values, 'supply')),
      ...stacks.use.map((s) => line(s.column, s.values, 'use')),
      {
        type: 'line',
        name: text.name(`demand:${stacks.carrier}`),
        data: Array.from(stacks.demand),
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { width: 1.2, color: '#111' },
        itemStyle: { color: '#111' },
        z: 5,
      },
    ],
  };
}

/** Storage levels over the year (kWh), one line per storage. */
export function socOption(d: Dispatch, columns: string[], labels: string[], text: ChartText): ChartOption {
  return {
    ...base(text),
    legend: { top: 0 },
    grid: { left: 72, right: 24, top: 52, bottom: 72 },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', name: text.kWh, axisLabel: axisNum(text) },
    dataZoom: [
      { type: 'inside', throttle: 0 },
      { type: 'slider', bottom: 16, height: 24, throttle: 0 },
    ],
    series: columns.map((c) => ({
      type: 'line',
      name: text.name(c),
      data: Array.from(d.series[c]),
      showSymbol: false,
      sampling: 'lttb',
      lineStyle: { width: 1 },
    })),
  };
}

/** Load duration curves of several series (kW) against the hours of the year. */
export function durationOption(
  curves: { key: string; values: ArrayLike<number> }[],
  weights: ArrayLike<number>,
  text: ChartText,
  yMax?: number,
): ChartOption {
  return {
    ...base(text),
    legend: { type: 'scroll', top: 0 },
    grid: { left: 64, right: 24, top: 52, bottom: 40 },
    xAxis: { type: 'value', name: 'h', min: 0, max: 'dataMax', axisLabel: axisNum(text) },
    yAxis: { type: 'value', name: text.kW, max: yMax, axisLabel: axisNum(text) },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? text.num(v) : '') },
    series: curves.map((c) => {
      const dc = durationCurve(c.values, weights);
      return {
        type: 'line',
        name: text.name(c.key),
        data: Array.from(dc.hours, (h, i) => [h, dc.values[i]]),
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { width: 1.5 },
      };
    }),
  };
}

/** Day × hour heatmap of one series. */
export function heatmapOption(h: Heatmap, text: ChartText, unit: string): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      position: 'top',
      formatter: (p: { value: [number, number, number] }) =>
        `${text.name('day')} ${p.value[1] + 1}, ${p.value[0]}:00 – ${text.num(p.value[2])} ${unit}`,
    },
    grid: { left: 56, right: 96, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, i) => String(i)), name: 'h' },
    yAxis: {
      type: 'category',
      data: Array.from({ length: h.days }, (_, i) => String(i + 1)),
      inverse: true,
      axisLabel: { interval: 29 },
    },
    visualMap: {
      type: 'continuous',
      min: h.min,
      max: h.max > h.min ? h.max : h.min + 1,
      calculable: true,
      right: 8,
      top: 'middle',
      inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
      formatter: (v: number) => text.num(v, 0),
    },
    series: [{ type: 'heatmap', data: h.cells, progressive: 0, emphasis: { disabled: true } }],
  };
}

/** Costs per scenario, stacked by category (negative categories stack below zero). */
export function costOption(
  scenarios: { name: string; results: Results }[],
  categories: CostCategoryKey[],
  text: ChartText,
  yMax?: number,
): ChartOption {
  return {
    ...base(text),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${text.num(Number(v), 0)} €`,
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 88, right: 24, top: 52, bottom: 32 },
    xAxis: { type: 'category', data: scenarios.map((s) => s.name) },
    yAxis: {
      type: 'value',
      name: '€/a',
      max: yMax,
      axisLabel: { formatter: (v: number) => text.num(v, 0) },
    },
    series: categories.map((c) => ({
      type: 'bar',
      name: text.name(`cost:${c}`),
      stack: 'cost',
      barMaxWidth: 80,
      data: scenarios.map((s) => s.results.costs.byCategory_EUR[c] ?? 0),
    })),
  };
}

/** Capacities per technology, one bar per scenario (kW; storage energy in kWh on a second axis). */
export function capacityOption(
  scenarios: { name: string; results: Results }[],
  text: ChartText,
): ChartOption {
  const techs = [...new Set(scenarios.flatMap((s) => Object.keys(s.results.capacities)))];
  return {
    ...base(text),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${text.num(Number(v), 0)} kW`,
    },
    legend: { top: 0 },
    grid: { left: 72, right: 24, top: 52, bottom: 32 },
    xAxis: { type: 'category', data: techs.map((t) => text.name(t)) },
    yAxis: { type: 'value', name: text.kW, axisLabel: axisNum(text) },
    series: scenarios.map((s) => ({
      type: 'bar',
      name: s.name,
      data: techs.map((t) => s.results.capacities[t]?.power_kW ?? 0),
    })),
  };
}

const NODE_COLORS: Record<SankeyNode['kind'], string> = {
  source: '#b8860b',
  bus: '#1f6f8b',
  plant: '#3f9e4d',
  sink: '#8e5ea2',
};

/** Annual energies as a Sankey diagram (MWh). */
export function sankeyOption(s: Sankey, text: ChartText): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      trigger: 'item',
      formatter: (p: {
        dataType: string;
        name: string;
        data: { source?: string; target?: string; value: number };
      }) =>
        p.dataType === 'edge'
          ? `${text.name(p.data.source!)} → ${text.name(p.data.target!)}: ${text.num(p.data.value)} MWh`
          : text.name(p.name),
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 140,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        emphasis: { focus: 'adjacency' },
        layoutIterations: 32,
        data: s.nodes.map((n) => ({ name: n.id, itemStyle: { color: NODE_COLORS[n.kind] } })),
        links: s.links.map((l) => ({ source: l.source, target: l.target, value: l.value_MWh })),
        label: { formatter: (p: { name: string }) => text.name(p.name) },
        lineStyle: { color: 'gradient', opacity: 0.4 },
      },
    ],
  };
}

export interface ParetoPointLike {
  totalAnnualCost_EUR: number;
  emissions_tCO2: number;
}

/** Cost–CO2 Pareto front: the points and the line through them, sorted by emissions. */
export function paretoOption(points: ParetoPointLike[], text: ChartText): ChartOption {
  const data = [...points]
    .sort((a, b) => a.emissions_tCO2 - b.emissions_tCO2)
    .map((p) => [p.emissions_tCO2, p.totalAnnualCost_EUR]);
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      trigger: 'item',
      formatter: (p: { value: [number, number] }) =>
        `${text.num(p.value[0])} t CO₂ – ${text.num(p.value[1], 0)} €/a`,
    },
    grid: { left: 88, right: 24, top: 24, bottom: 40 },
    xAxis: { type: 'value', name: 't CO₂/a', scale: true, axisLabel: axisNum(text) },
    yAxis: {
      type: 'value',
      name: '€/a',
      scale: true,
      axisLabel: { formatter: (v: number) => text.num(v, 0) },
    },
    series: [
      { type: 'line', data, showSymbol: false, lineStyle: { width: 1.5 } },
      { type: 'scatter', data, symbolSize: 9 },
    ],
  };
}
