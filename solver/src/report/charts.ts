import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ProjectV1 } from '../project/types';
import type { Results } from '../results/results';
import { fmt, pdfText } from './format';
import { fuelName } from './labels';
import { netCharge, netDischarge, type ReportModel, type ReportRun } from './model';
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
      max: 8760,
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
  const series: object[] = [];
  const sinks: object[] = [];
  const round = (v: number) => Number(v.toFixed(3));
  // One colour per technology, the same in every chart of the report (its place in the project).
  m.project.technologies.forEach((t, idx) => {
    if (t.type === 'pv' || t.type === 'battery') return;
    const color = PALETTE[idx % PALETTE.length];
    // Heat goes below the axis where it leaves: net storage charging and the heat dump, so the
    // stack above the axis minus the area below it is the heat demand in every hour.
    const sink =
      t.type === 'heatStorage'
        ? netCharge(d, t.id)
        : t.type === 'heatDump'
          ? (d.series[`${t.id}.dump_kW`] ?? null)
          : null;
    if (sink && x.some((i) => sink[start + i] > 1e-6))
      sinks.push({
        type: 'line',
        name: pdfText(
          `${t.name ?? t.id} (${t.type === 'heatDump' ? flowName(lang, 'dump') : text(lang, 'charging')})`,
        ),
        stack: 'sink',
        areaStyle: { opacity: 0.45 },
        lineStyle: { width: 0 },
        itemStyle: { color },
        color,
        showSymbol: false,
        data: x.map((i) => round(-sink[start + i])),
      });
    if (t.type === 'heatDump') return;
    const s = t.type === 'heatStorage' ? netDischarge(d, t.id) : d.series[`${t.id}.heat_out_kW`];
    if (!s) return;
    if (!x.some((i) => s[start + i] > 1e-6)) return;
    series.push({
      type: 'line',
      name: pdfText(t.name ?? t.id),
      stack: 'heat',
      areaStyle: { opacity: 0.85 },
      lineStyle: { width: 0 },
      itemStyle: { color },
      color,
      showSymbol: false,
      data: x.map((i) => round(s[start + i])),
    });
  });
  series.push(...sinks);
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
  const startDate = new Date(Date.UTC(d.year, 0, 1) + d.hours[start] * 3_600_000);
  const dayLabel = (i: number) => {
    const t = new Date(startDate.getTime() + i * 3_600_000);
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

/** Annual energy flows from sources (fuels, grid, PV, ambient heat) through the plants to the demands. */
export function sankeyOption(
  project: ProjectV1,
  r: Results,
  lang: ReportLanguage,
  names: Record<string, { name: string }>,
): echarts.EChartsCoreOption | null {
  const links: { source: string; target: string; value: number }[] = [];
  const el = pdfText(text(lang, 'electricityBus'));
  const heat = pdfText(text(lang, 'heatBus'));
  const add = (source: string, target: string, value: number | undefined) => {
    if (value !== undefined && value > 1e-3)
      links.push({ source: pdfText(source), target: pdfText(target), value: Number(value.toFixed(3)) });
  };
  const grid = r.annual.grid ?? {};
  add(text(lang, 'gridImport'), el, grid.import_MWh);
  for (const t of project.technologies) {
    const a = r.annual[t.id] ?? {};
    const name = names[t.id]?.name ?? t.id;
    if (t.type === 'boiler') {
      add(fuelName(lang, t.fuel), name, (a.heat_out_MWh ?? 0) / t.efficiency);
      add(name, heat, a.heat_out_MWh);
    } else if (t.type === 'chp') {
      add(fuelName(lang, t.fuel), name, (a.el_out_MWh ?? 0) / t.efficiencyEl);
      add(name, el, a.el_out_MWh);
      add(name, heat, a.heat_out_MWh);
    } else if (t.type === 'heatPump') {
      add(el, name, a.el_in_MWh);
      add(text(lang, 'ambientHeat'), name, (a.heat_out_MWh ?? 0) - (a.el_in_MWh ?? 0));
      add(name, heat, a.heat_out_MWh);
    } else if (t.type === 'electricBoiler') {
      add(el, name, a.el_in_MWh);
      add(name, heat, a.heat_out_MWh);
    } else if (t.type === 'pv') add(name, el, a.el_out_MWh);
    else if (t.type === 'solarThermal') add(name, heat, a.heat_out_MWh);
  }
  add(el, text(lang, 'electricityDemand'), r.kpis.electricityDemand_MWh);
  add(el, text(lang, 'gridExport'), grid.export_MWh);
  add(heat, text(lang, 'heatDemand'), r.kpis.heatDemand_MWh);
  if (!links.length) return null;
  const nodes = [...new Set(links.flatMap((l) => [l.source, l.target]))].map((name) => ({ name }));
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
            `${p.name} ${fmt(lang, p.value, p.value < 10 ? 1 : 0)}`,
        },
        lineStyle: { color: 'gradient', opacity: 0.35 },
      },
    ],
  };
}

/** Annual cost by category per scenario (stacked; subsidies and revenues below zero). */
export function costOption(m: ReportModel, lang: ReportLanguage): echarts.EChartsCoreOption {
  const cats = Object.keys(
    m.base.results.costs.byCategory_EUR,
  ) as (keyof Results['costs']['byCategory_EUR'])[];
  const used = cats.filter((c) => m.runs.some((r) => Math.abs(r.results.costs.byCategory_EUR[c]) > 0.5));
  return {
    title: title(`${text(lang, 'costChart')} [EUR/a]`),
    legend: { top: 18, left: 0, textStyle: FONT, itemWidth: 12, itemHeight: 8 },
    grid: { left: 70, right: 15, top: 62, bottom: 28 },
    xAxis: { type: 'category', data: m.runs.map((r) => pdfText(scenarioLabel(lang, r))), axisLabel: FONT },
    yAxis: { type: 'value', axisLabel: axisNum(lang) },
    series: used.map((c) => ({
      type: 'bar',
      name: pdfText(categoryName(lang, c)),
      stack: 'cost',
      barMaxWidth: 60,
      data: m.runs.map((r) => Number(r.results.costs.byCategory_EUR[c].toFixed(2))),
    })),
  };
}
