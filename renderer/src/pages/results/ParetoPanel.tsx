import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../charts/EChart';
import { paretoOption, type ChartText } from '../../charts/options';
import type { ParetoPointRecord } from '../../db/results';
import { cleanCapacity, fieldUnit, sizesList, type TechInfos } from '../../../../solver/src';
import { ChartPanel, useChartText } from './common';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * "gb 634 kW, tes 107.614 kWh / 21.523 kW" in the user's number format; '' for points stored without
 * capacities. `powerUnit` gives a plant's power unit where it is known ("kWp", "kW el"), else kW.
 */
export function capacityList(
  p: Pick<ParetoPointRecord, 'capacities'>,
  text: ChartText,
  powerUnit: (id: string) => string = () => 'kW',
): string[] {
  return sizesList(
    p.capacities ?? {},
    (id) => text.name(id),
    (v) => text.num(cleanCapacity(v), 0),
    powerUnit,
  );
}

/** Points from minimum cost to minimum CO2, the order of the table and of the chart's point numbers. */
export const frontOrder = (points: ParetoPointRecord[]): ParetoPointRecord[] =>
  [...points].sort(
    (a, b) => b.emissions_tCO2 - a.emissions_tCO2 || a.totalAnnualCost_EUR - b.totalAnnualCost_EUR,
  );

/** Share of the data's range left free on each side of an axis. */
const PAD = 0.08;
/** A gap between neighbouring values wider than this share of the whole range is broken out of the axis. */
const OUTLIER_GAP = 0.6;

export interface AxisRange {
  min: number;
  max: number;
  /** A part of the axis left out (ECharts axis break), so one far point does not squash the others. */
  breaks?: { start: number; end: number; gap: string }[];
}

/**
 * An axis range from the data with padding (not from 0): min − 8 %, max + 8 % of the range (of the
 * value itself when all values are equal). When one gap between neighbouring values takes more than
 * 60 % of the range (say the clean end of a front costs far more than the other points), that gap is
 * cut out of the axis, so the other points keep their spread.
 */
export function axisRange(values: number[]): AxisRange | null {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  const lo = v[0];
  const hi = v[v.length - 1];
  const span = hi - lo;
  let at = -1;
  let widest = 0;
  for (let i = 1; i < v.length; i++)
    if (v[i] - v[i - 1] > widest) {
      widest = v[i] - v[i - 1];
      at = i;
    }
  const cut = v.length >= 3 && span > 0 && widest > OUTLIER_GAP * span;
  // padding from the spread the chart shows: without the cut-out gap (at least 2 % of the range)
  const pad =
    span === 0
      ? Math.max(Math.abs(lo) * 0.05, 1)
      : cut
        ? Math.max((span - widest) * PAD, span * 0.02)
        : span * PAD;
  // ends on a round step below the padding, so the edge labels read well (3.830 rather than 3.831,6)
  const step = 10 ** Math.floor(Math.log10(pad));
  const range: AxisRange = {
    min: Math.floor((lo - pad) / step) * step,
    max: Math.ceil((hi + pad) / step) * step,
  };
  if (cut)
    range.breaks = [
      {
        start: Math.ceil((v[at - 1] + pad) / step) * step,
        end: Math.floor((v[at] - pad) / step) * step,
        gap: '6%',
      },
    ];
  return range;
}

/**
 * The chart of the front (the shared option) with a tooltip that names the point and lists its plant
 * sizes; the chart draws the points by rising emissions, the tooltip maps them back to the table's numbers.
 */
export function paretoChartOption(
  points: ParetoPointRecord[],
  text: ChartText,
  label: (n: number) => string,
  powerUnit?: (id: string) => string,
): ChartOption {
  const ordered = frontOrder(points);
  const byEmissions = [...points].sort((a, b) => a.emissions_tCO2 - b.emissions_tCO2);
  const base = paretoOption(points, text) as ChartOption & {
    tooltip: object;
    series: object[];
    xAxis: object;
    yAxis: object;
  };
  const x = axisRange(points.map((p) => p.emissions_tCO2));
  const y = axisRange(points.map((p) => p.totalAnnualCost_EUR));
  return {
    ...base,
    // ranges from the data with padding, not from 0; a far outlier is cut out of the axis
    xAxis: { ...base.xAxis, ...(x ?? {}) },
    yAxis: { ...base.yAxis, ...(y ?? {}) },
    // the line through the points takes no hover, so the pointer always reaches a point
    series: base.series.map((s, i) => (i === 0 ? { ...s, silent: true, tooltip: { show: false } } : s)),
    tooltip: {
      ...base.tooltip,
      trigger: 'item',
      formatter: (p: { dataIndex: number; seriesType?: string }) => {
        const point = byEmissions[p.dataIndex];
        if (!point) return '';
        const n = ordered.indexOf(point) + 1;
        return [
          `<b>${escapeHtml(label(n))}</b>`,
          `${text.num(point.emissions_tCO2)} t CO₂/a – ${text.num(point.totalAnnualCost_EUR, 0)} €/a`,
          ...capacityList(point, text, powerUnit).map(escapeHtml),
        ].join('<br>');
      },
    },
  };
}

/**
 * Below the table, for each point marked `*`: it shows the plant of another point, which did better
 * over the full year than its own typical-day plant (solver/src/run/frontPlants.ts). `plantOfPoint`
 * counts in the stored order (the solver's); the note counts as the table does.
 */
function PlantNotes({ points, ordered }: { points: ParetoPointRecord[]; ordered: ParetoPointRecord[] }) {
  const { t } = useTranslation();
  const text = useChartText();
  const notes = ordered.flatMap((p, i) => {
    const plant = p.plantOfPoint ? ordered.indexOf(points[p.plantOfPoint - 1]) + 1 : 0;
    if (!plant || !p.ownPlant) return [];
    const own = p.ownPlant;
    const values = {
      point: i + 1,
      plant,
      cost: text.num(own.totalAnnualCost_EUR, 0),
      co2: text.num(own.emissions_tCO2, 1),
    };
    return [<li key={i}>* {t('pareto.table.plantOf', values)}</li>];
  });
  // A clean end computed with a tolerance lies above the least CO2 it reports (beyond the strict end's round-off).
  ordered.forEach((p, i) => {
    const min = p.minimumCo2_t;
    if (
      p.kind === 'minCo2' &&
      min !== undefined &&
      p.emissions_tCO2 - min > 1e-6 * Math.max(1, Math.abs(min))
    )
      notes.push(
        <li key={`clean-${i}`}>{t('pareto.table.cleanEnd', { point: i + 1, min: text.num(min, 1) })}</li>,
      );
  });
  return notes.length ? (
    <ul className="muted pareto-notes" data-testid="pareto-notes">
      {notes}
    </ul>
  ) : null;
}

/** The cost–CO2 front: chart (hover or tap a point for its plant) and a table of all points. */
/** The front of one result; with `techs`, each plant's power in its unit ("kWp", "kW el"). */
export function ParetoPanel({ points, techs }: { points: ParetoPointRecord[]; techs?: TechInfos }) {
  const { t } = useTranslation();
  const text = useChartText();
  const ordered = useMemo(() => frontOrder(points), [points]);
  const powerUnit = useMemo(
    () => (techs ? (id: string) => fieldUnit(techs[id]?.type, 'power_kW') : undefined),
    [techs],
  );
  const option = useMemo(
    () => paretoChartOption(points, text, (n) => `${t('pareto.table.point')} ${n}`, powerUnit),
    [points, text, t, powerUnit],
  );
  return (
    <ChartPanel id="pareto" title={t('results.charts.pareto')} wide>
      <p className="muted">{t('pareto.hint')}</p>
      <EChart option={option} label={t('results.charts.pareto')} testId="chart-pareto" />
      <table className="table results-pareto" data-testid="pareto-table">
        <caption className="sr-only">{t('pareto.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pareto.table.point')}</th>
            <th scope="col">{t('pareto.table.kind')}</th>
            <th scope="col">{t('pareto.table.limit')}</th>
            <th scope="col">{t('pareto.table.co2')}</th>
            <th scope="col">{t('pareto.table.cost')}</th>
            <th scope="col">{t('pareto.table.capacities')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((p, i) => (
            <tr key={i} data-testid={`pareto-point-${i + 1}`}>
              <th scope="row">
                {i + 1}
                {p.plantOfPoint ? '*' : ''}
              </th>
              <td>{p.kind ? t(`pareto.kind.${p.kind}`) : '–'}</td>
              <td className="num">
                {p.co2Limit_t === null ? t('pareto.table.noLimit') : `${text.num(p.co2Limit_t, 1)} t/a`}
              </td>
              <td className="num">{text.num(p.emissions_tCO2, 1)} t/a</td>
              <td className="num">{text.num(p.totalAnnualCost_EUR, 0)} €/a</td>
              <td>{p.capacities ? capacityList(p, text, powerUnit).join(', ') : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PlantNotes points={points} ordered={ordered} />
    </ChartPanel>
  );
}
