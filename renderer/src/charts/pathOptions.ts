import { fieldUnit, type PathSeries, type TechInfos } from '../../../solver/src';
import type { ChartOption } from './EChart';
import { COLORS, type ChartText } from './options';

/**
 * Charts of a transformation path (pages/results/path): stacked bars over the period years. The data
 * comes from the solver's path views (solver/src/results/views/path.ts); these only dress it.
 */

const MISS = '#c0392b';
const MET = '#3f9e4d';
const PLAIN = '#1f6f8b';

/** The units a path's capacities are shown in. */
export type PathUnit = 'kW' | 'kW el' | 'kWp' | 'kWh' | 'm²';

/**
 * The capacity charts of a path, in order: heat power, electric power (CHP, battery power), PV,
 * heat storage, battery storage (both kWh, kept apart: heat and electricity do not stack), area.
 */
export const PATH_GROUPS = [
  { key: 'heat', unit: 'kW' },
  { key: 'electric', unit: 'kW el' },
  { key: 'pv', unit: 'kWp' },
  { key: 'storage', unit: 'kWh' },
  { key: 'battery', unit: 'kWh' },
  { key: 'area', unit: 'm²' },
] as const satisfies readonly { key: string; unit: PathUnit }[];
export type PathGroup = (typeof PATH_GROUPS)[number]['key'];

type SeriesId = Pick<PathSeries, 'key' | 'unit' | 'techId'>;

/** The chart a capacity series belongs to (see PATH_GROUPS). */
export function pathGroupOf(s: SeriesId, techs: TechInfos = {}): PathGroup {
  if (s.unit === 'm2') return 'area';
  if (s.unit === 'kWp') return 'pv';
  if (s.unit === 'kWh') return techs[s.techId]?.type === 'battery' ? 'battery' : 'storage';
  if (s.key.endsWith('.power')) return 'electric';
  return fieldUnit(techs[s.techId]?.type, 'power_kW') === 'kW el' ? 'electric' : 'heat';
}

/** The unit a capacity series is shown in: CHP and battery power in kW el, area in m². */
export function pathUnitOf(s: SeriesId, techs: TechInfos = {}): PathUnit {
  const g = pathGroupOf(s, techs);
  return PATH_GROUPS.find((x) => x.key === g)!.unit;
}

/** The capacity series grouped by chart, in PATH_GROUPS order; empty groups left out. */
export function pathCapacityGroups(
  series: PathSeries[],
  techs: TechInfos = {},
): { key: PathGroup; unit: PathUnit; series: PathSeries[] }[] {
  return PATH_GROUPS.map((g) => ({
    key: g.key,
    unit: g.unit,
    series: series.filter((s) => pathGroupOf(s, techs) === g.key),
  })).filter((g) => g.series.length > 0);
}

/** One colour per technology across all path charts (the order of first appearance). */
export function pathColors(techIds: string[]): Record<string, string> {
  // Red is kept for a missed target (pathTargetOption).
  const palette = COLORS.filter((c) => c !== MISS);
  const out: Record<string, string> = {};
  for (const id of techIds) if (!(id in out)) out[id] = palette[Object.keys(out).length % palette.length];
  return out;
}

const axisNum = (text: ChartText, digits = 0) => ({ formatter: (v: number) => text.num(v, digits) });

function stackedBars(
  years: number[],
  series: { name: string; color?: string; values: number[] }[],
  unit: string,
  text: ChartText,
  digits: number,
): ChartOption {
  return {
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${text.num(Number(v), digits)} ${unit}`,
    },
    // The legend below the bars, clear of the unit above the axis.
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 80, right: 24, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: unit, min: 0, axisLabel: axisNum(text) },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: 'total',
      barMaxWidth: 56,
      ...(s.color ? { itemStyle: { color: s.color } } : {}),
      data: s.values,
    })),
  };
}

/** Available capacity per technology over the period years, stacked, in one unit. */
export function pathCapacityOption(
  years: number[],
  series: PathSeries[],
  unit: PathUnit,
  text: ChartText,
  colors: Record<string, string> = {},
  /** Name of a battery's power dimension ("<name> – Leistung"). */
  powerName: (tech: string) => string = (tech) => tech,
): ChartOption {
  return stackedBars(
    years,
    series.map((s) => ({
      name: s.key.endsWith('.power') ? powerName(text.name(s.techId)) : text.name(s.techId),
      color: colors[s.techId],
      values: s.values,
    })),
    unit,
    text,
    unit === 'kWh' || unit === 'm²' ? 0 : 1,
  );
}

/** Heat (or electricity) generation per technology and period, MWh/a, stacked. */
export function pathGenerationOption(
  mix: { years: number[]; series: { techId: string; values_MWh: number[] }[] },
  text: ChartText,
  colors: Record<string, string> = {},
): ChartOption {
  return stackedBars(
    mix.years,
    mix.series.map((s) => ({ name: text.name(s.techId), color: colors[s.techId], values: s.values_MWh })),
    'MWh/a',
    text,
    0,
  );
}

/** A limit per period as a dashed step line, with gaps where a period has none. */
function limitLine(limits: (number | null)[], name: string) {
  return {
    type: 'line',
    name,
    step: 'middle',
    connectNulls: false,
    symbol: 'circle',
    symbolSize: 6,
    lineStyle: { color: '#111', type: 'dashed', width: 2 },
    itemStyle: { color: '#111' },
    data: limits.map((v) => (v === null ? '-' : v)),
    z: 5,
  };
}

/**
 * Bars of a figure per period against its limit as a step line: bars that miss the limit in red
 * (`miss[i]`), the others green where a limit applies, plain where none does.
 */
export function pathTargetOption(
  years: number[],
  values: number[],
  limits: (number | null)[],
  miss: boolean[],
  names: { value: string; limit: string },
  unit: string,
  text: ChartText,
  digits = 0,
): ChartOption {
  const anyLimit = limits.some((v) => v !== null);
  const fmt = (v: unknown) =>
    v === null || v === undefined || v === '-' ? '–' : `${text.num(Number(v), digits)} ${unit}`;
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
    // Without any limit the line and its legend entry are left out.
    legend: { top: 0, data: anyLimit ? [names.value, names.limit] : [names.value] },
    grid: { left: 80, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: unit, min: 0, axisLabel: axisNum(text) },
    series: [
      {
        type: 'bar',
        name: names.value,
        barMaxWidth: 56,
        itemStyle: { color: PLAIN },
        data: values.map((v, i) => ({
          value: v,
          itemStyle: { color: miss[i] ? MISS : limits[i] === null ? PLAIN : MET },
        })),
      },
      ...(anyLimit ? [limitLine(limits, names.limit)] : []),
    ],
  };
}

/** One figure of two paths side by side per period (grouped bars; a missing period is left empty). */
export function pathCompareOption(
  years: number[],
  values: { name: string; values: (number | null)[] }[],
  unit: string,
  text: ChartText,
  digits = 0,
): ChartOption {
  return {
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) =>
        v === null || v === undefined || v === '-' ? '–' : `${text.num(Number(v), digits)} ${unit}`,
    },
    legend: { top: 0 },
    grid: { left: 80, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: unit, min: 0, axisLabel: axisNum(text) },
    series: values.map((s) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 40,
      data: s.values.map((v) => (v === null ? '-' : v)),
    })),
  };
}
