import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { siteYearOrDefault, standardWallClock_ms } from '../calendar/siteYear';
import type { Project } from '../project/types';
import type { Dispatch, Results } from '../results/results';
import {
  carrierStacks,
  costChart,
  networkMonthLabel,
  sankeyOf,
  techInfosOf,
  type StackSeries,
} from '../results/views';
import { fmt, pdfText } from './format';
import { fuelName } from './labels';
import type { ReportModel, ReportRun } from './model';
import { scenarioLabel } from './tables';
import { categoryName, flowName, text, type ReportLanguage } from './texts';

echarts.use([BarChart, LineChart, SankeyChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Chart size in PDF points (the PDF draws the SVG 1:1). */
export const CHART_WIDTH = 515;
export const CHART_HEIGHT = 250;

const PALETTE = [
  '#c0392b',
  '#e67e22',
  '#2e86c1',
  '#16a085',
  '#f1c40f',
  '#8e44ad',
  '#7f8c8d',
  '#27ae60',
  '#d35400',
  '#34495e',
];
const FONT = { fontFamily: 'Helvetica', fontSize: 9, color: '#333' };

/** Renders an echarts option to an SVG string on the server side (no DOM). */
export function renderSvg(
  option: echarts.EChartsCoreOption,
  width = CHART_WIDTH,
  height = CHART_HEIGHT,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const title = (t: string) => ({
  text: pdfText(t),
  left: 0,
  top: 0,
  textStyle: { ...FONT, fontSize: 11, fontWeight: 'bold' },
});
const axisNum = (lang: ReportLanguage) => ({ formatter: (v: number) => fmt(lang, v, 0), ...FONT });

/** Load duration curves of the heat and electricity demand. */
export function loadDurationOption(m: ReportModel, lang: ReportLanguage): echarts.EChartsCoreOption | null {
  const series = (['heat', 'electricity'] as const)
    .filter((k) => m.demands[k])
    .map((k) => {
      const d = m.demands[k]!.duration_kW;
      const step = Math.max(1, Math.floor(d.length / 730));
      const data: [number, number][] = [];
      for (let i = 0; i < d.length; i += step) data.push([i, d[i]]);
      data.push([d.length - 1, d[d.length - 1]]);
      return {
        type: 'line',
        name: pdfText(text(lang, k === 'heat' ? 'heatDemand' : 'electricityDemand')),
        data,
        showSymbol: false,
        lineStyle: { width: 1.5 },
      };
    });
  if (!series.length) return null;
  return {
    title: title(text(lang, 'loadDuration')),
    legend: { top: 0, right: 0, textStyle: FONT },
    grid: { left: 60, right: 15, top: 35, bottom: 35 },
    xAxis: {
      type: 'value',
      name: pdfText(text(lang, 'hoursOfYear')),
      nameLocation: 'middle',
      nameGap: 22,
      // The year's hours: 8,784 in a leap year.
      max: Math.max(...(['heat', 'electricity'] as const).map((k) => m.demands[k]?.duration_kW.length ?? 0)),
      axisLabel: axisNum(lang),
    },
    yAxis: {
      type: 'value',
      name: 'kW',
      nameLocation: 'middle',
      nameGap: 45,
      nameTextStyle: FONT,
      axisLabel: axisNum(lang),
    },
    series,
  };
}

/** Heat output per technology (stacked) and the heat demand over one week of the base dispatch. */
export function weekOption(
  m: ReportModel,
  lang: ReportLanguage,
  run: ReportRun,
  start: number,
  which: 'winterWeek' | 'summerWeek',
): echarts.EChartsCoreOption | null {
  const d = run.dispatch;
  if (!d) return null;
  const end = Math.min(d.hours.length, start + 168);
  const x = Array.from({ length: end - start }, (_, i) => i);
  const round = (v: number) => Number(v.toFixed(3));
  // The heat stacks of the results views: supply above the axis, and where heat leaves (net storage
  // charging, the heat dump) below it, so the stack above minus the area below is the demand.
  const stacks = carrierStacks(d, 'heat', m.techs);
  // One colour per technology, the same in every chart of the report (its place in the project).
  const place = new Map(m.project.technologies.map((t, idx) => [t.id, idx]));
  const byPlace = (a: StackSeries, b: StackSeries) =>
    (place.get(a.techId) ?? Infinity) - (place.get(b.techId) ?? Infinity);
  const colour = (techId: string) => PALETTE[(place.get(techId) ?? 0) % PALETTE.length];
  const shown = (v: Float64Array) => x.some((i) => Math.abs(v[start + i]) > 1e-6);
  const area = (s: StackSeries, name: string, stack: 'heat' | 'sink', opacity: number) => ({
    type: 'line',
    name: pdfText(name),
    stack,
    areaStyle: { opacity },
    lineStyle: { width: 0 },
    itemStyle: { color: colour(s.techId) },
    color: colour(s.techId),
    showSymbol: false,
    data: x.map((i) => round(s.values[start + i])),
  });
  const techName = (id: string) => m.techs[id]?.name ?? id;
  const series: object[] = [
    ...[...stacks.supply]
      .sort(byPlace)
      .filter((s) => shown(s.values))
      .map((s) => area(s, techName(s.techId), 'heat', 0.85)),
    ...[...stacks.use]
      .sort(byPlace)
      .filter((s) => shown(s.values))
      .map((s) =>
        area(
          s,
          `${techName(s.techId)} (${s.flow === 'dump' ? flowName(lang, 'dump') : text(lang, 'charging')})`,
          'sink',
          0.45,
        ),
      ),
  ];
  const demand = m.demands.heat?.hourly_kW;
  if (demand && demand.length >= end)
    series.push({
      type: 'line',
      name: pdfText(text(lang, 'heatDemand')),
      showSymbol: false,
      lineStyle: { width: 1.2, color: '#000', type: 'dashed' },
      itemStyle: { color: '#000' },
      data: x.map((i) => Number(demand[d.hours[start + i]].toFixed(3))),
    });
  // Days of the site's local standard time (site.timeZone), as the report states in its method note.
  const sy = siteYearOrDefault(d.year, d.timeZone ?? m.project.site.timeZone);
  const dayLabel = (i: number) => {
    const t = new Date(standardWallClock_ms(sy, d.hours[start] + i));
    return `${String(t.getUTCDate()).padStart(2, '0')}.${String(t.getUTCMonth() + 1).padStart(2, '0')}.`;
  };
  return {
    title: title(
      `${text(lang, which)} (${dayLabel(0)}–${dayLabel(167)}${d.year}) – ${scenarioLabel(lang, run)}`,
    ),
    legend: { top: 18, left: 0, textStyle: FONT, itemWidth: 12, itemHeight: 8 },
    grid: { left: 60, right: 15, top: 55, bottom: 28 },
    xAxis: {
      type: 'category',
      data: x,
      boundaryGap: false,
      axisLabel: { interval: 23, formatter: (_: string, i: number) => dayLabel(i), ...FONT },
    },
    yAxis: {
      type: 'value',
      name: `${pdfText(text(lang, 'heatOutput'))} [kW]`,
      nameLocation: 'middle',
      nameGap: 45,
      nameTextStyle: FONT,
      axisLabel: axisNum(lang),
    },
    series,
  };
}

/** A Sankey node's name in the report: technologies by the user's names, the rest in the language. */
function sankeyNodeName(lang: ReportLanguage, id: string, names: Record<string, { name: string }>): string {
  const tech = (techId: string) => names[techId]?.name ?? techId;
  const [head, a, b] = id.split(':');
  const rest = id.slice(id.indexOf(':') + 1);
  if (head === 'bus') return text(lang, a === 'heat' ? 'heatBus' : 'electricityBus');
  if (head === 'plant') return tech(rest);
  if (head === 'source') {
    if (a === 'grid') return text(lang, 'gridImport');
    if (a === 'ambient') return text(lang, 'ambientHeat');
    if (a === 'sun') return text(lang, 'sun');
    if (a === 'fuel') return fuelName(lang, b);
    if (a === 'discharge')
      return `${tech(id.slice('source:discharge:'.length))} (${flowName(lang, 'discharge')})`;
  }
  if (head === 'sink') {
    if (a === 'export') return text(lang, 'gridExport');
    if (a === 'losses') return text(lang, 'losses');
    if (a === 'demand') return text(lang, b === 'heat' ? 'heatDemand' : 'electricityDemand');
    if (a === 'charge') return `${tech(id.slice('sink:charge:'.length))} (${flowName(lang, 'charge')})`;
    if (a === 'dump') return `${tech(id.slice('sink:dump:'.length))} (${flowName(lang, 'dump')})`;
  }
  return id;
}

/**
 * Annual energy flows from sources (fuels, grid, sun, ambient heat, storage discharge) through the
 * plants to the demands, storage charging, the heat dump, export and losses: the planner's Sankey
 * (results views `sankeyOf`), with storage netted per hour when the dispatch is at hand.
 */
export function sankeyOption(
  project: Project,
  r: Results,
  lang: ReportLanguage,
  names: Record<string, { name: string }>,
  dispatch?: Dispatch | null,
): echarts.EChartsCoreOption | null {
  const s = sankeyOf(r, techInfosOf(project), dispatch ?? undefined);
  const links = s.links
    .filter((l) => l.value_MWh > 1e-3)
    .map((l) => ({ source: l.source, target: l.target, value: Number(l.value_MWh.toFixed(3)) }));
  if (!links.length) return null;
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  // Nodes by their ids (unique even where a plant is named like a bus); the labels carry the names.
  const nodes = s.nodes.filter((n) => used.has(n.id)).map((n) => ({ name: n.id }));
  return {
    title: title(`${text(lang, 'sankey')} [MWh/a]`),
    series: [
      {
        type: 'sankey',
        top: 28,
        bottom: 8,
        left: 5,
        right: 90,
        nodeGap: 10,
        nodeWidth: 12,
        data: nodes,
        links,
        label: {
          ...FONT,
          width: 80,
          overflow: 'break',
          formatter: (p: { name: string; value: number }) =>
            `${pdfText(sankeyNodeName(lang, p.name, names))} ${fmt(lang, p.value, p.value < 10 ? 1 : 0)}`,
        },
        lineStyle: { color: 'gradient', opacity: 0.35 },
      },
    ],
  };
}

/** Annual cost by category per scenario (stacked; subsidies and revenues below zero): results views `costChart`. */
export function costOption(m: ReportModel, lang: ReportLanguage): echarts.EChartsCoreOption {
  const c = costChart(m.runs.map((r) => ({ name: scenarioLabel(lang, r), results: r.results })));
  return {
    title: title(`${text(lang, 'costChart')} [EUR/a]`),
    legend: { top: 18, left: 0, textStyle: FONT, itemWidth: 12, itemHeight: 8 },
    grid: { left: 70, right: 15, top: 62, bottom: 28 },
    xAxis: { type: 'category', data: c.scenarios.map(pdfText), axisLabel: FONT },
    yAxis: { type: 'value', axisLabel: axisNum(lang) },
    series: c.series.map((x) => ({
      type: 'bar',
      name: pdfText(categoryName(lang, x.category)),
      stack: 'cost',
      barMaxWidth: 60,
      data: x.values_EUR.map((v) => Number(v.toFixed(2))),
    })),
  };
}

/** Technology types whose capacity in kW is heat (or, for a CHP, electric) generation. */
const GENERATORS = new Set(['boiler', 'electricBoiler', 'heatPump', 'chp', 'unknown']);

/**
 * Capacity of the heat generators per period year of a transformation path, stacked (kW; a CHP in
 * kW el, marked so): the path views' `pathCapacitySeries`. Null when the base is not a path.
 */
export function pathCapacityOption(m: ReportModel, lang: ReportLanguage): echarts.EChartsCoreOption | null {
  const p = m.path;
  if (!p) return null;
  const place = new Map(m.project.technologies.map((t, idx) => [t.id, idx]));
  const series = p.capacity.series
    .filter((s) => s.unit === 'kW' && !s.key.endsWith('.power'))
    .filter((s) => GENERATORS.has(m.techs[s.techId]?.type ?? 'unknown'))
    .map((s) => {
      const name = m.techs[s.techId]?.name ?? s.techId;
      const colour = PALETTE[(place.get(s.techId) ?? 0) % PALETTE.length];
      return {
        type: 'bar',
        name: pdfText(m.techs[s.techId]?.type === 'chp' ? `${name} ${text(lang, 'electricSuffix')}` : name),
        stack: 'capacity',
        barMaxWidth: 50,
        itemStyle: { color: colour },
        data: s.values.map((v) => Number(v.toFixed(1))),
      };
    });
  if (!series.length) return null;
  return {
    title: title(`${text(lang, 'pathChart')} [kW]`),
    legend: { top: 18, left: 0, textStyle: FONT, itemWidth: 12, itemHeight: 8 },
    grid: { left: 60, right: 15, top: 55, bottom: 28 },
    xAxis: { type: 'category', data: p.capacity.years.map(String), axisLabel: FONT },
    yAxis: { type: 'value', axisLabel: axisNum(lang) },
    series,
  };
}

/** The heat network's losses per month (MWh), bars: the network views' `networkLossesSeries`. */
export function networkLossesOption(m: ReportModel, lang: ReportLanguage): echarts.EChartsCoreOption | null {
  const n = m.network;
  if (!n) return null;
  const l = n.losses;
  return {
    title: title(`${text(lang, 'networkLossesChart')} [MWh]`),
    grid: { left: 60, right: 15, top: 35, bottom: 28 },
    xAxis: {
      type: 'category',
      data: l.months.map((mo) => pdfText(networkMonthLabel(lang, mo))),
      axisLabel: FONT,
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(lang, v, v % 1 ? 1 : 0), ...FONT } },
    series: [
      {
        type: 'bar',
        name: pdfText(text(lang, 'networkLossesChart')),
        barMaxWidth: 28,
        itemStyle: { color: PALETTE[2] },
        data: l.values_MWh.map((v) => Number(v.toFixed(3))),
      },
    ],
  };
}
