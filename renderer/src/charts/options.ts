import { siteYear, type Dispatch, type Results, type SiteYear } from '../../../solver/src';
import type { ChartOption } from './EChart';
import {
  costChart,
  durationCurve,
  type CarrierStacks,
  type CostCategoryKey,
  type Heatmap,
  type Sankey,
  type SankeyNode,
  type TechInfos,
  mainCapacity,
} from '../../../solver/src';

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

/**
 * Hour of the year → "dd.mm. hh:00" on the site's legal wall clock (site.timeZone, Europe/Berlin
 * when absent), from the site-year calendar: on the spring change day 02:00 is missing, on the
 * autumn change day 02:00 appears twice.
 */
export function hourLabels(d: Pick<Dispatch, 'year' | 'hours' | 'timeZone'>): string[] {
  let sy: SiteYear;
  try {
    sy = siteYear(d.year, d.timeZone ?? 'Europe/Berlin');
  } catch {
    sy = siteYear(d.year, 'UTC');
  }
  const p = (n: number) => String(n).padStart(2, '0');
  return Array.from(d.hours, (h) => {
    const day = sy.day[h];
    if (day === undefined) return '';
    return `${p(sy.dayOfMonth[day])}.${p(sy.month[day])}. ${p(sy.hourOfDay[h])}:00`;
  });
}

/** Axis numbers in the user's language (German: 1.000, decimal comma). */
const axisNum = (text: ChartText) => ({ formatter: (v: number) => text.num(v, 1) });

/** A value ECharts hands a tooltip's valueFormatter (its OptionDataValue). */
type TooltipValue = string | number | Date | null | undefined;

const base = (text: ChartText) => ({
  animation: false,
  color: COLORS,
  textStyle: { fontFamily: 'inherit' },
  tooltip: {
    trigger: 'axis',
    valueFormatter: (v: TooltipValue | TooltipValue[]) =>
      typeof v === 'number' ? text.num(v) : String(v ?? ''),
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
  /** Rows shown first (inclusive indices, e.g. the week of the peak heat demand); all when absent. */
  window?: { start: number; end: number },
): ChartOption {
  const zoom = window ? { startValue: window.start, endValue: window.end } : { start: 0, end: 100 };
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
      { type: 'inside', ...zoom, throttle: 0 },
      { type: 'slider', ...zoom, bottom: 16, height: 24, throttle: 0 },
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

/** Storage levels over the year (kWh), one line per storage; `window` as in dispatchOption. */
export function socOption(
  d: Dispatch,
  columns: string[],
  labels: string[],
  text: ChartText,
  window?: { start: number; end: number },
): ChartOption {
  const zoom = window ? { startValue: window.start, endValue: window.end } : {};
  return {
    ...base(text),
    legend: { top: 0 },
    grid: { left: 72, right: 24, top: 52, bottom: 72 },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', name: text.kWh, axisLabel: axisNum(text) },
    dataZoom: [
      { type: 'inside', ...zoom, throttle: 0 },
      { type: 'slider', ...zoom, bottom: 16, height: 24, throttle: 0 },
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

/** Day × hour heatmap of one series: hours across ("Stunde"), days down ("Tag"), the colour scale in `unit`. */
export function heatmapOption(h: Heatmap, text: ChartText, unit: string): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      position: 'top',
      formatter: (p: { value: [number, number, number] }) =>
        `${text.name('day')} ${p.value[1] + 1}, ${p.value[0]}:00 – ${text.num(p.value[2])} ${unit}`,
    },
    grid: { left: 64, right: 112, top: 32, bottom: 48 },
    xAxis: {
      type: 'category',
      data: Array.from({ length: 24 }, (_, i) => String(i)),
      name: text.name('hour'),
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: {
      type: 'category',
      data: Array.from({ length: h.days }, (_, i) => String(i + 1)),
      inverse: true,
      axisLabel: { interval: 29 },
      name: text.name('day'),
      nameLocation: 'middle',
      nameGap: 40,
    },
    visualMap: {
      type: 'continuous',
      min: h.min,
      max: h.max > h.min ? h.max : h.min + 1,
      calculable: true,
      right: 8,
      top: 'middle',
      text: [unit, ''],
      textGap: 8,
      inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
      formatter: (v: number) => `${text.num(v, 0)} ${unit}`,
    },
    series: [{ type: 'heatmap', data: h.cells, progressive: 0, emphasis: { disabled: true } }],
  };
}

const COST_LEGEND_ROW_PX = 22;
/** Lines of the cost legend (about three categories fit a line of a results panel). */
export const costLegendRows = (categories: number) => Math.max(1, Math.ceil(categories / 3));
/** Height of the cost chart so that its wrapped legend fits below the bars. */
export const costChartHeight = (categories: number, bars = 260) =>
  bars + COST_LEGEND_ROW_PX * costLegendRows(categories);

/** Costs per scenario, stacked by category (negative categories stack below zero): results views `costChart`. */
export function costOption(
  scenarios: { name: string; results: Results }[],
  categories: CostCategoryKey[],
  text: ChartText,
  yMax?: number,
): ChartOption {
  const chart = costChart(scenarios, categories);
  return {
    ...base(text),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${text.num(Number(v), 0)} €`,
    },
    // All categories visible: the legend wraps below the chart (costLegendRows lines, see costChartHeight).
    legend: { type: 'plain', bottom: 0, left: 'center', itemGap: 12, itemWidth: 14 },
    grid: {
      left: 88,
      right: 24,
      top: 32,
      bottom: 36 + COST_LEGEND_ROW_PX * costLegendRows(categories.length),
    },
    xAxis: { type: 'category', data: chart.scenarios },
    yAxis: {
      type: 'value',
      name: '€/a',
      max: yMax,
      axisLabel: { formatter: (v: number) => text.num(v, 0) },
    },
    series: chart.series.map((x) => ({
      type: 'bar',
      name: text.name(`cost:${x.category}`),
      stack: 'cost',
      barMaxWidth: 80,
      data: x.values_EUR,
    })),
  };
}

/** The capacities of the scenarios grouped by what they measure: power (kW, kWp, kW el), storage (kWh), area (m²). */
function capacityGroups(scenarios: { results: Results }[], techs: TechInfos) {
  const ids = [...new Set(scenarios.flatMap((s) => Object.keys(s.results.capacities)))];
  const groups: { axis: string; ids: string[]; units: string[] }[] = [];
  for (const id of ids) {
    const c = scenarios.map((s) => s.results.capacities[id]).find(Boolean) ?? {};
    const unit = mainCapacity(techs[id]?.type, c).unit;
    const axis = unit === 'kWh' || unit === 'm²' ? unit : 'kW';
    let g = groups.find((x) => x.axis === axis);
    if (!g) groups.push((g = { axis, ids: [], units: [] }));
    g.ids.push(id);
    g.units.push(unit);
  }
  const order = ['kW', 'kWh', 'm²'];
  return groups.sort((a, b) => order.indexOf(a.axis) - order.indexOf(b.axis));
}

const CAPACITY_ROW_PX = 20;
const CAPACITY_GAP_PX = 56;

/** Height of the capacity comparison: a bar per scenario and plant, a block per kind of capacity. */
export function capacityChartHeight(scenarios: { results: Results }[], techs: TechInfos = {}): number {
  const groups = capacityGroups(scenarios, techs);
  const rows = groups.reduce((n, g) => n + g.ids.length, 0);
  return 40 + rows * Math.max(1, scenarios.length) * CAPACITY_ROW_PX + groups.length * CAPACITY_GAP_PX;
}

/**
 * Capacities per technology as horizontal bars, one per scenario, in a block per kind of
 * capacity with its own axis from zero (power in kW/kWp/kW el, storage in kWh, collector area in
 * m²), so a large store does not squash the plants; each name carries its unit.
 */
export function capacityOption(
  scenarios: { name: string; results: Results }[],
  text: ChartText,
  techs: TechInfos = {},
): ChartOption {
  const groups = capacityGroups(scenarios, techs);
  const n = Math.max(1, scenarios.length);
  let top = 36;
  const grids = groups.map((g) => {
    const height = g.ids.length * n * CAPACITY_ROW_PX;
    // the same left edge in every block, so their bars line up
    const grid = { left: 196, right: 40, top, height };
    top += height + CAPACITY_GAP_PX;
    return grid;
  });
  return {
    ...base(text),
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: number; name: string }) =>
        `${p.name}<br>${p.seriesName}: ${text.num(p.value, 1)}`,
    },
    legend: { type: 'scroll', top: 0 },
    grid: grids,
    yAxis: groups.map((g, k) => ({
      type: 'category',
      gridIndex: k,
      inverse: true,
      data: g.ids.map((id, i) => `${text.name(id)} [${g.units[i]}]`),
      axisLabel: { width: 184, overflow: 'truncate' },
    })),
    xAxis: groups.map((g, k) => ({
      type: 'value',
      gridIndex: k,
      min: 0,
      name: g.axis,
      nameGap: 8,
      axisLabel: axisNum(text),
    })),
    series: groups.flatMap((g, k) =>
      scenarios.map((s, i) => ({
        type: 'bar',
        name: s.name,
        xAxisIndex: k,
        yAxisIndex: k,
        color: COLORS[i % COLORS.length],
        barMaxWidth: 16,
        data: g.ids.map((id) => {
          const c = s.results.capacities[id];
          return c ? mainCapacity(techs[id]?.type, c).value : 0;
        }),
      })),
    ),
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
        // room for the labels of the last column, which stand right of their nodes
        left: 8,
        right: 150,
        top: 12,
        bottom: 12,
        nodeGap: 18,
        nodeWidth: 14,
        emphasis: { focus: 'adjacency' },
        layoutIterations: 32,
        data: s.nodes.map((n) => ({ name: n.id, itemStyle: { color: NODE_COLORS[n.kind] } })),
        links: s.links.map((l) => ({ source: l.source, target: l.target, value: l.value_MWh })),
        // one line per label, cut with "…" at the column gap (the tooltip has the full name)
        label: {
          formatter: (p: { name: string }) => text.name(p.name),
          width: 140,
          overflow: 'truncate',
          fontSize: 11,
        },
        labelLayout: { hideOverlap: false, moveOverlap: 'shiftY' },
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
