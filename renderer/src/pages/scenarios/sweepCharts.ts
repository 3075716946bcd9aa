import type { ChartOption } from '../../charts/EChart';
import { COLORS } from '../../charts/options';
import type { SweepPointResult, SweepRun } from '../../project/sweeps';
import type { Capacity } from '../../../../solver/src';

/** Texts and number format for the sweep charts, in the user's language. */
export interface SweepChartText {
  num(value: number, digits?: number): string;
  /** Label, unit and shown-value factor of a swept parameter. */
  parameter(pointer: string): { label: string; unit: string; scale: number };
  cost: string;
  co2: string;
  /** Axis names of the cost in EUR/a and in thousand EUR/a, and of CO2 in t/a. */
  costAxis: string;
  costAxisK: string;
  co2Axis: string;
}

/** Costs from 100 000 EUR/a on are shown in thousand EUR/a (shorter labels), smaller ones in EUR/a. */
export function costUnit(run: SweepRun, text: SweepChartText): { div: number; name: string } {
  const max = Math.max(0, ...run.points.map((p) => Math.abs(p.totalAnnualCost_EUR ?? 0)));
  return max >= 100_000 ? { div: 1000, name: text.costAxisK } : { div: 1, name: text.costAxis };
}

const axisName = (p: { label: string; unit: string }) => (p.unit ? `${p.label} [${p.unit}]` : p.label);

/**
 * One parameter: total annual cost (EUR/a or thousand EUR/a, left axis) and CO2 (t/a, right axis) over the
 * parameter's values; points without a result leave a gap in the lines.
 */
export function sweepLineOption(run: SweepRun, text: SweepChartText): ChartOption {
  const p = text.parameter(run.a.pointer);
  const unit = costUnit(run, text);
  const x = (i: number) => run.xs[i] * p.scale;
  const byI = new Map(run.points.filter((q) => q.j === 0).map((q) => [q.i, q]));
  const line = (f: (i: number) => number | undefined) =>
    run.xs.map((_, i) => {
      const v = f(i);
      return [x(i), v === undefined ? null : v];
    });
  return {
    animation: false,
    color: [COLORS[0], COLORS[1]],
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { seriesIndex: number; value: [number, number | null] }[]) => {
        const at = items[0] ? `${axisName(p)}: ${text.num(items[0].value[0], 6)}` : '';
        const rows = items.map((it) =>
          it.seriesIndex === 0
            ? `${text.cost}: ${it.value[1] === null ? '—' : text.num(it.value[1] * unit.div, 0)} EUR/a`
            : `${text.co2}: ${it.value[1] === null ? '—' : text.num(it.value[1], 1)} t/a`,
        );
        return [at, ...rows].join('<br>');
      },
    },
    legend: { top: 0 },
    grid: { left: 80, right: 80, top: 48, bottom: 56 },
    xAxis: {
      type: 'value',
      name: axisName(p),
      nameLocation: 'middle',
      nameGap: 32,
      min: Math.min(x(0), x(run.xs.length - 1)),
      max: Math.max(x(0), x(run.xs.length - 1)),
      axisLabel: { formatter: (v: number) => text.num(v, 4) },
    },
    yAxis: [
      {
        type: 'value',
        name: unit.name,
        scale: true,
        axisLabel: { formatter: (v: number) => text.num(v, 1) },
      },
      {
        type: 'value',
        name: text.co2Axis,
        scale: true,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => text.num(v, 1) },
      },
    ],
    series: [
      {
        type: 'line',
        name: text.cost,
        yAxisIndex: 0,
        showSymbol: true,
        data: line((i) => {
          const c = byI.get(i)?.totalAnnualCost_EUR;
          return c === undefined ? undefined : c / unit.div;
        }),
      },
      {
        type: 'line',
        name: text.co2,
        yAxisIndex: 1,
        showSymbol: true,
        lineStyle: { type: 'dashed' },
        data: line((i) => byI.get(i)?.emissions_tCO2),
      },
    ],
  };
}

/**
 * Two parameters: total annual cost as a heat map, parameter 1 across, parameter 2 upwards; each
 * cell labelled in the cost unit, the colour scale below with its range. Points without a result
 * stay empty.
 */
export function sweepHeatmapOption(run: SweepRun, text: SweepChartText): ChartOption {
  const pa = text.parameter(run.a.pointer);
  const pb = text.parameter(run.b!.pointer);
  const unit = costUnit(run, text);
  const cells = run.points
    .filter((q) => q.totalAnnualCost_EUR !== undefined)
    .map((q) => [q.i, q.j, q.totalAnnualCost_EUR! / unit.div]);
  const values = cells.map((c) => c[2]);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      position: 'top',
      formatter: (it: { value: [number, number, number] }) =>
        [
          `${axisName(pa)}: ${text.num(run.xs[it.value[0]] * pa.scale, 6)}`,
          `${axisName(pb)}: ${text.num(run.ys[it.value[1]] * pb.scale, 6)}`,
          `${text.cost}: ${text.num(it.value[2] * unit.div, 0)} EUR/a`,
        ].join('<br>'),
    },
    grid: { left: 96, right: 24, top: 16, bottom: 96 },
    xAxis: {
      type: 'category',
      name: axisName(pa),
      nameLocation: 'middle',
      nameGap: 36,
      data: run.xs.map((v) => text.num(v * pa.scale, 4)),
    },
    yAxis: {
      type: 'category',
      name: axisName(pb),
      nameLocation: 'middle',
      nameGap: 72,
      data: run.ys.map((v) => text.num(v * pb.scale, 4)),
    },
    visualMap: {
      type: 'continuous',
      min,
      max: max > min ? max : min + 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      text: [`${text.num(max, 0)} (${unit.name})`, text.num(min, 0)],
      inRange: { color: ['#e6f4ea', '#f5e6a8', '#e07a1f', '#b42318'] },
      formatter: (v: number) => text.num(v, 0),
    },
    series: [
      {
        type: 'heatmap',
        name: text.cost,
        data: cells,
        label: { show: true, formatter: (it: { value: number[] }) => text.num(it.value[2], 0) },
        emphasis: { disabled: true },
      },
    ],
  };
}

/** A sized capacity to plot over a sweep: technology, the result field and its label and unit. */
export interface SweepCapacity {
  tech: string;
  field: keyof Capacity;
  /** e.g. "Gaskessel" */
  label: string;
  /** e.g. "kW", "kWh", "kWp", "m²" */
  unit: string;
}

/** The capacity of a point, or undefined without a result (a finished point without the plant: 0). */
const capacityOf = (p: SweepPointResult, c: SweepCapacity): number | undefined => {
  if (p.state !== 'done') return undefined;
  const v = p.capacities?.[c.tech]?.[c.field] ?? 0;
  return Math.abs(v) < 1e-6 ? 0 : v;
};

/**
 * A capacity over the sweep: one parameter → a line over the parameter; two → a heat map like
 * the cost's, labelled in the capacity's unit. Points without a result leave a gap.
 */
export function sweepCapacityOption(run: SweepRun, c: SweepCapacity, text: SweepChartText): ChartOption {
  const pa = text.parameter(run.a.pointer);
  const axisTitle = `${c.label} [${c.unit}]`;
  if (!run.b) {
    const x = (i: number) => run.xs[i] * pa.scale;
    const byI = new Map(run.points.filter((q) => q.j === 0).map((q) => [q.i, q]));
    const data = run.xs.map((_, i) => {
      const p = byI.get(i);
      const v = p ? capacityOf(p, c) : undefined;
      return [x(i), v === undefined ? null : v];
    });
    return {
      animation: false,
      color: [COLORS[2]],
      textStyle: { fontFamily: 'inherit' },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { value: [number, number | null] }[]) =>
          items[0]
            ? `${axisName(pa)}: ${text.num(items[0].value[0], 6)}<br>${c.label}: ${
                items[0].value[1] === null ? '—' : text.num(items[0].value[1], 1)
              } ${c.unit}`
            : '',
      },
      grid: { left: 80, right: 40, top: 40, bottom: 56 },
      xAxis: {
        type: 'value',
        name: axisName(pa),
        nameLocation: 'middle',
        nameGap: 32,
        min: Math.min(x(0), x(run.xs.length - 1)),
        max: Math.max(x(0), x(run.xs.length - 1)),
        axisLabel: { formatter: (v: number) => text.num(v, 4) },
      },
      yAxis: {
        type: 'value',
        name: axisTitle,
        min: 0,
        axisLabel: { formatter: (v: number) => text.num(v, 1) },
      },
      series: [{ type: 'line', name: c.label, showSymbol: true, data }],
    };
  }
  const pb = text.parameter(run.b.pointer);
  const cells = run.points
    .map((q) => [q.i, q.j, capacityOf(q, c)] as const)
    .filter((x): x is readonly [number, number, number] => x[2] !== undefined)
    .map((x) => [...x]);
  const values = cells.map((x) => x[2]);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      position: 'top',
      formatter: (it: { value: [number, number, number] }) =>
        [
          `${axisName(pa)}: ${text.num(run.xs[it.value[0]] * pa.scale, 6)}`,
          `${axisName(pb)}: ${text.num(run.ys[it.value[1]] * pb.scale, 6)}`,
          `${c.label}: ${text.num(it.value[2], 1)} ${c.unit}`,
        ].join('<br>'),
    },
    grid: { left: 96, right: 24, top: 16, bottom: 96 },
    xAxis: {
      type: 'category',
      name: axisName(pa),
      nameLocation: 'middle',
      nameGap: 36,
      data: run.xs.map((v) => text.num(v * pa.scale, 4)),
    },
    yAxis: {
      type: 'category',
      name: axisName(pb),
      nameLocation: 'middle',
      nameGap: 72,
      data: run.ys.map((v) => text.num(v * pb.scale, 4)),
    },
    visualMap: {
      type: 'continuous',
      min,
      max: max > min ? max : min + 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      text: [`${text.num(max, 0)} ${c.unit}`, text.num(min, 0)],
      inRange: { color: ['#eef4fb', '#6baed6', '#08306b'] },
      formatter: (v: number) => text.num(v, 0),
    },
    series: [
      {
        type: 'heatmap',
        name: axisTitle,
        data: cells,
        label: { show: true, formatter: (it: { value: number[] }) => text.num(it.value[2], 0) },
        emphasis: { disabled: true },
      },
    ],
  };
}
