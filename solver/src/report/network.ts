/**
 * The report's heat network section (issue #17, `Results.network`): the summary figures, the
 * lengths and costs per nominal size and the monthly losses as tables, the same for the PDF, the
 * workbook and the CSV, and the geometry of the PDF's map (fit to the page, scale bar). Every figure
 * comes from the network views (results/views/network.ts), computed once in `networkOf` when the
 * report model is built.
 */
import type { Results } from '../results/results';
import {
  networkColumnLabel,
  networkDnTable,
  networkLossesSeries,
  networkMap,
  networkMonthLabel,
  networkSummaryLabel,
  networkSummaryRows,
  type NetworkBox,
} from '../results/views/network';
import { fmt } from './format';
import type { ReportModel } from './model';
import type { Cell, Column, Table } from './tables';
import { text, type ReportLanguage } from './texts';

/** The network figures of the report (language-free), from the base result. */
export interface ReportNetwork {
  epsg: number;
  summary: ReturnType<typeof networkSummaryRows>;
  dn: ReturnType<typeof networkDnTable>;
  losses: ReturnType<typeof networkLossesSeries>;
  map: ReturnType<typeof networkMap>;
}

/** The network figures of a result, or null when the run designed no heat network. */
export function networkOf(r: Results): ReportNetwork | null {
  const n = r.network;
  if (!n) return null;
  return {
    epsg: n.epsg,
    summary: networkSummaryRows(n),
    dn: networkDnTable(n),
    losses: networkLossesSeries(n),
    map: networkMap(n),
  };
}

const txt = (label: string, width = 1): Column => ({ label, kind: 'text', width });
const num = (label: string, unit: string, digits = 0, width = 1): Column => ({
  label,
  unit,
  kind: 'number',
  digits,
  width,
});

/** A nominal size as the reader writes it: "DN 100". */
export const dnText = (dn: number): string => `DN ${dn}`;

/** The summary figures: name, value, unit (one row each). */
export function networkSummaryTable(lang: ReportLanguage, n: ReportNetwork): Table {
  return {
    id: 'network:summary',
    title: text(lang, 'networkSummary'),
    columns: [
      txt(text(lang, 'parameter'), 2.2),
      { ...num(text(lang, 'value'), '', 0), rowDigits: n.summary.map((r) => r.digits) },
      txt(text(lang, 'unit'), 0.8),
    ],
    rows: n.summary.map((r) => [networkSummaryLabel(lang, r.key), r.value, r.unit]),
  };
}

/** Trunk and house connection lengths and the investment per nominal size, with a total row. */
export function networkDnTableOf(lang: ReportLanguage, n: ReportNetwork): Table {
  const rows: Cell[][] = n.dn.rows.map((r) => [dnText(r.dn), r.trunk_m, r.connections_m, r.cost_EUR]);
  const t = n.dn.total;
  rows.push([networkColumnLabel(lang, 'total'), t.trunk_m, t.connections_m, t.cost_EUR]);
  return {
    id: 'network:dn',
    title: text(lang, 'networkByDn'),
    columns: [
      txt(networkColumnLabel(lang, 'dn')),
      num(networkColumnLabel(lang, 'trunk'), 'm'),
      num(networkColumnLabel(lang, 'connections'), 'm'),
      num(networkColumnLabel(lang, 'cost'), 'EUR', 0, 1.2),
    ],
    rows,
  };
}

/** The heat losses of the network per month and their sum (the chart's figures, for workbook and CSV). */
export function networkLossesTable(lang: ReportLanguage, n: ReportNetwork): Table {
  const l = n.losses;
  return {
    id: 'network:losses',
    title: text(lang, 'networkLosses'),
    columns: [txt(text(lang, 'month')), num(networkColumnLabel(lang, 'losses'), 'MWh', 1)],
    rows: [
      ...l.months.map((mo, i): Cell[] => [networkMonthLabel(lang, mo), l.values_MWh[i]]),
      [networkColumnLabel(lang, 'total'), l.total_MWh],
    ],
  };
}

/** Every table of the network section (empty without a network): the workbook's sheet and the CSV. */
export function networkTables(m: ReportModel, lang: ReportLanguage): Table[] {
  const n = m.network;
  if (!n) return [];
  return [networkSummaryTable(lang, n), networkDnTableOf(lang, n), networkLossesTable(lang, n)];
}

/** The section's number: after the scenario comparison (5) and the Transformationsplan when there is one. */
export const networkSectionNumber = (m: ReportModel): number => (m.path ? 7 : 6);

/** The intro sentence of the section: buildings, route length, coordinate system. */
export function networkIntro(m: ReportModel, lang: ReportLanguage): string {
  const n = m.network;
  if (!n) return '';
  const value = (key: string) => n.summary.find((r) => r.key === key)?.value ?? 0;
  return text(lang, 'networkIntro', {
    buildings: fmt(lang, value('buildings'), 0),
    trunk: fmt(lang, value('trunkLength_m'), 0),
    connections: fmt(lang, value('connectionLength_m'), 0),
    epsg: String(n.epsg),
  });
}

/** Where the map goes on the page: `scale` points per metre, and metres → points (north up). */
export interface MapFit {
  scale: number;
  width: number;
  height: number;
  x: (x_m: number) => number;
  y: (y_m: number) => number;
}

/**
 * Fits the box into `width` × at most `maxHeight` points at (left, top) with `pad` points inside,
 * keeping the aspect ratio (one scale for x and y); the map's height shrinks to what it needs.
 * A box of zero size (one point) counts as 1 m.
 */
export function fitMap(
  box: NetworkBox,
  left: number,
  top: number,
  width: number,
  maxHeight: number,
  pad = 10,
): MapFit {
  const w = Math.max(box.maxX - box.minX, 1);
  const h = Math.max(box.maxY - box.minY, 1);
  const scale = Math.min((width - 2 * pad) / w, (maxHeight - 2 * pad) / h);
  const height = h * scale + 2 * pad;
  // Centred horizontally; y grows downwards on the page, northwards in UTM.
  const x0 = left + (width - w * scale) / 2;
  return {
    scale,
    width,
    height,
    x: (x_m) => x0 + (x_m - box.minX) * scale,
    y: (y_m) => top + pad + (box.maxY - y_m) * scale,
  };
}

/** A round length (1, 2 or 5 × 10^k m) for a scale bar at most `max_m` long. */
export function scaleBarLength(max_m: number): number {
  if (!(max_m > 0) || !Number.isFinite(max_m)) return 1;
  const p = 10 ** Math.floor(Math.log10(max_m));
  for (const f of [5, 2, 1]) if (f * p <= max_m) return f * p;
  return p;
}

/** The scale bar's label: "50 m", "2 km" (kilometres from 1000 m on). */
export const scaleBarLabel = (lang: ReportLanguage, m: number): string =>
  m >= 1000 ? `${fmt(lang, m / 1000, 0)} km` : `${fmt(lang, m, 0)} m`;
