import { hasText, t } from '../../i18n';
import type { NetworkSummary } from '../../network/types';
import type { NetworkResult } from '../results';
import type { ViewLanguage } from './costs';

/**
 * The data behind the heat network's tables, chart and map (planner, report, CLI), computed once
 * from `Results.network` (issue #17): the summary as labelled rows with units, the lengths and
 * costs per nominal size with a total, the monthly losses and the pipes grouped by DN class with
 * one colour per DN from one fixed palette (the planner's map uses the same).
 */

/** One figure of the summary: its key (label: `networkSummaryLabel`), value in `unit`, decimals. */
export interface NetworkSummaryRow {
  key: keyof NetworkSummary;
  value: number;
  unit: string;
  digits: number;
}

const SUMMARY: { key: keyof NetworkSummary; unit: string; digits: number; factor?: number }[] = [
  { key: 'buildings', unit: '', digits: 0 },
  { key: 'trunkLength_m', unit: 'm', digits: 0 },
  { key: 'connectionLength_m', unit: 'm', digits: 0 },
  { key: 'investment_EUR', unit: 'EUR', digits: 0 },
  { key: 'heatDelivered_MWh_a', unit: 'MWh/a', digits: 0 },
  { key: 'heatLoss_MWh_a', unit: 'MWh/a', digits: 1 },
  { key: 'heatLossShare', unit: '%', digits: 1, factor: 100 },
  { key: 'pumpElectricity_MWh_a', unit: 'MWh/a', digits: 1 },
  { key: 'plantPeak_kW', unit: 'kW', digits: 0 },
  { key: 'linearHeatDensity_MWh_m_a', unit: 'MWh/(m·a)', digits: 2 },
];

/** The summary figures in report order; the loss share in percent. Non-finite values become 0. */
export function networkSummaryRows(n: NetworkResult): NetworkSummaryRow[] {
  return SUMMARY.map(({ key, unit, digits, factor }) => {
    const v = n.summary[key] * (factor ?? 1);
    return { key, value: Number.isFinite(v) ? v : 0, unit, digits };
  });
}

/** A text of the network group in namespace `views`; an unknown key stays as it is. */
function viewText(lang: ViewLanguage, table: string, key: string): string {
  const k = `network.${table}.${key}`;
  return hasText('en', 'views', k) ? t(lang, 'views', k) : key;
}

/** A summary figure's name in the language (namespace `views`, `network.summary`). */
export const networkSummaryLabel = (lang: ViewLanguage, key: keyof NetworkSummary): string =>
  viewText(lang, 'summary', key.replace(/_.*$/, ''));

/** A column name of the network tables (`dn`, `trunk`, `connections`, `cost`, `total`, `losses`). */
export const networkColumnLabel = (
  lang: ViewLanguage,
  key: 'dn' | 'trunk' | 'connections' | 'cost' | 'total' | 'losses',
): string => viewText(lang, 'columns', key);

/** Short month name, `month` 1..12. */
export const networkMonthLabel = (lang: ViewLanguage, month: number): string =>
  viewText(lang, 'months', String(month));

export interface NetworkDnRow {
  dn: number;
  trunk_m: number;
  connections_m: number;
  cost_EUR: number;
}

/** Lengths and costs per nominal size, sorted by DN (one row per DN), and their total. */
export function networkDnTable(n: NetworkResult): { rows: NetworkDnRow[]; total: Omit<NetworkDnRow, 'dn'> } {
  const byDn = new Map<number, NetworkDnRow>();
  for (const r of n.byDn) {
    const row = byDn.get(r.dn) ?? { dn: r.dn, trunk_m: 0, connections_m: 0, cost_EUR: 0 };
    row.trunk_m += r.trunkLength_m;
    row.connections_m += r.connectionLength_m;
    row.cost_EUR += r.cost_EUR;
    byDn.set(r.dn, row);
  }
  const rows = [...byDn.values()].sort((a, b) => a.dn - b.dn);
  const total = { trunk_m: 0, connections_m: 0, cost_EUR: 0 };
  for (const r of rows) {
    total.trunk_m += r.trunk_m;
    total.connections_m += r.connections_m;
    total.cost_EUR += r.cost_EUR;
  }
  return { rows, total };
}

/** Monthly heat losses (MWh), January first, always 12 values (missing or non-finite: 0), and their sum. */
export function networkLossesSeries(n: NetworkResult): {
  months: number[];
  values_MWh: number[];
  total_MWh: number;
} {
  const values_MWh = Array.from({ length: 12 }, (_, i) => {
    const v = n.lossesMonthly_MWh[i];
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  });
  return {
    months: values_MWh.map((_, i) => i + 1),
    values_MWh,
    total_MWh: values_MWh.reduce((a, b) => a + b, 0),
  };
}

/**
 * The map's DN classes (EN 253 nominal sizes) and their colours: runs of one hue that darken with
 * size (blue for house connections DN 20–40, green DN 50–80, orange to brown DN 100–150, magenta to
 * purple DN 200–400, near black DN 500), so that neighbouring sizes, which meet in every network,
 * differ in hue or lightness as well as in line width.
 */
export const NETWORK_DN_PALETTE: readonly { dn: number; colour: string }[] = [
  { dn: 20, colour: '#9ecae1' },
  { dn: 25, colour: '#6baed6' },
  { dn: 32, colour: '#3182bd' },
  { dn: 40, colour: '#08519c' },
  { dn: 50, colour: '#74c476' },
  { dn: 65, colour: '#31a354' },
  { dn: 80, colour: '#006d2c' },
  { dn: 100, colour: '#fd8d3c' },
  { dn: 125, colour: '#e6550d' },
  { dn: 150, colour: '#a63603' },
  { dn: 200, colour: '#dd3497' },
  { dn: 250, colour: '#ae017e' },
  { dn: 300, colour: '#7a0177' },
  { dn: 400, colour: '#54278f' },
  { dn: 500, colour: '#252525' },
];

/** The DN class of a nominal size: the largest palette DN not above it (smaller than all: the first). */
export function networkDnClass(dn: number): number {
  let cls = NETWORK_DN_PALETTE[0].dn;
  for (const p of NETWORK_DN_PALETTE) if (p.dn <= dn) cls = p.dn;
  return cls;
}

/** The map colour of a nominal size (that of its DN class). */
export function networkDnColour(dn: number): string {
  const cls = networkDnClass(dn);
  return NETWORK_DN_PALETTE.find((p) => p.dn === cls)!.colour;
}

/** Line width (pt or CSS px) of a nominal size on the map: 0.6 + 0.16·√DN, DN 25 → 1.4, DN 100 → 2.2. */
export const networkDnWidth = (dn: number): number => 0.6 + 0.16 * Math.sqrt(Math.max(0, dn));

export interface NetworkMapGroup {
  /** The DN class (`networkDnClass`) all pipes of the group belong to. */
  dn: number;
  colour: string;
  width: number;
  /** Polylines in planar metres. */
  lines: [number, number][][];
}

export interface NetworkBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The pipes grouped by DN class, smallest first (drawn first, so large pipes lie on top), and their box. */
export function networkMap(n: NetworkResult): { groups: NetworkMapGroup[]; box: NetworkBox | null } {
  const groups = new Map<number, NetworkMapGroup>();
  let box: NetworkBox | null = null;
  for (const p of n.pipes) {
    const pts = p.points_m.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (pts.length < 2) continue;
    const dn = networkDnClass(p.dn);
    const g = groups.get(dn) ?? { dn, colour: networkDnColour(dn), width: networkDnWidth(dn), lines: [] };
    g.lines.push(pts);
    groups.set(dn, g);
    for (const [x, y] of pts)
      box = box
        ? {
            minX: Math.min(box.minX, x),
            minY: Math.min(box.minY, y),
            maxX: Math.max(box.maxX, x),
            maxY: Math.max(box.maxY, y),
          }
        : { minX: x, minY: y, maxX: x, maxY: y };
  }
  return { groups: [...groups.values()].sort((a, b) => a.dn - b.dn), box };
}
