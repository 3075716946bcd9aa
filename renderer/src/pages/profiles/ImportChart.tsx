import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import { useApp } from '../../store/app';
import { chartLocale } from '../../charts/locale';
import type { ImportResult } from '../../../../solver/src';

/** The chart of the selected column of an import, in the unit it is read in. */
export function ImportChart({ result, unit }: { result: ImportResult; unit: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const col = result.columns[result.selected];
  const language = useApp((s) => s.language);
  useEffect(() => {
    if (!ref.current) return;
    // German month names on the time axis in the German UI (charts/locale.ts)
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas', locale: chartLocale(language) });
    const start = Date.parse(result.start);
    const step = result.resolution_min * 60_000;
    const data = Array.from(col.values, (v, i) => [start + i * step, Number.isNaN(v) ? null : v]);
    chart.setOption({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: unit },
      dataZoom: [{ type: 'inside' }],
      series: [{ type: 'line', data, showSymbol: false, sampling: 'lttb', lineStyle: { width: 1 } }],
    });
    return () => chart.dispose();
  }, [result, col, language, unit]);
  return <div ref={ref} className="chart" role="img" aria-label={col.name} />;
}
