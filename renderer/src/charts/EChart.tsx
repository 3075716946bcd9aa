import { useEffect, useLayoutEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, SankeyChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { AxisBreak } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useApp } from '../store/app';
import { chartLocale } from './locale';

// Only the parts the results page uses, to keep the bundle lean.
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  SankeyChart,
  ScatterChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  AxisBreak, // the Pareto chart cuts a far outlier out of its cost axis
  CanvasRenderer,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
export type ChartInstance = echarts.ECharts;

/** The chart element carries its echarts instance, so end-to-end tests can drive and time it. */
export type ChartElement = HTMLDivElement & { echarts?: ChartInstance };

/** Canvas where the browser has one; SVG otherwise (e.g. a DOM without canvas in unit tests). */
function rendererKind(): 'canvas' | 'svg' {
  try {
    return document.createElement('canvas').getContext('2d') ? 'canvas' : 'svg';
  } catch {
    return 'svg';
  }
}

interface Props {
  option: ChartOption;
  /** Accessible name of the chart (role img). */
  label: string;
  testId?: string;
  height?: number;
  /** Charts of one group zoom together (echarts.connect). */
  group?: string;
}

/**
 * One echarts chart: created on mount, resized with its box, disposed on unmount; a new option
 * replaces the old one. `data-rendered` turns "true" when echarts reports the frame finished.
 */
export function EChart({ option, label, testId, height = 320, group }: Props) {
  const ref = useRef<ChartElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  // echarts' own texts (month names on time axes) follow the UI language; a switch re-creates the chart.
  const locale = chartLocale(useApp((s) => s.language));

  // Layout effect: the chart is disposed in the same commit that removes its element, before the
  // browser can deliver a resize or paint to a detached chart.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: rendererKind(), locale });
    chartRef.current = chart;
    el.echarts = chart;
    chart.on('finished', () => {
      el.dataset.rendered = 'true';
    });
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (!chart.isDisposed()) chart.resize();
          });
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      // zrender paints large (incremental) layers over several animation frames and its pending
      // frame does not check for disposal. Painting an empty chart first gives the painter a new
      // redraw id, so that pending frame returns at once instead of touching the disposed painter.
      chart.clear();
      chart.getZr().refreshImmediately();
      chart.dispose();
      chartRef.current = null;
      delete el.echarts;
    };
  }, [locale]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.group = group ?? '';
    if (group) echarts.connect(group);
  }, [group, locale]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !ref.current) return;
    ref.current.dataset.rendered = 'false';
    chart.setOption(option, { notMerge: true, lazyUpdate: false });
  }, [option, locale]);

  return (
    <div
      ref={ref}
      className="chart results-chart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
