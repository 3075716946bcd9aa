/**
 * Dispatch columns: "chp.heat_out_kW" → technology, flow, unit; the carrier and the sign each flow
 * has in its carrier's balance. Every view reads the dispatch through these.
 */

export type Carrier = 'heat' | 'electricity';

/** What the charts need to know about a technology (from the project document, when available). */
export interface TechInfo {
  type: string;
  fuel?: string;
  efficiency?: number;
  efficiencyEl?: number;
}
export type TechInfos = Record<string, TechInfo>;

/** A dispatch column split into technology, flow and unit: "chp.heat_out_kW" → chp / heat_out / kW. */
export interface Column {
  name: string;
  techId: string;
  flow: string;
  unit: 'kW' | 'kWh';
}

export function parseColumn(name: string): Column | null {
  const m = /^(.+)\.([a-z_]+?)_(kW|kWh)$/.exec(name);
  return m ? { name, techId: m[1], flow: m[2], unit: m[3] as 'kW' | 'kWh' } : null;
}

const SUPPLY_FLOWS = new Set(['heat_out', 'el_out', 'discharge', 'import']);
const USE_FLOWS = new Set(['el_in', 'charge', 'export', 'dump']);

/** +1 when the flow feeds its carrier's balance, −1 when it takes from it, 0 for levels (soc). */
export function flowSign(flow: string): 1 | -1 | 0 {
  if (SUPPLY_FLOWS.has(flow)) return 1;
  if (USE_FLOWS.has(flow)) return -1;
  return 0;
}

/**
 * The carrier of a flow column. Storage flows take the storage type from the project
 * (heatStorage → heat, battery → electricity); without it, ids naming heat ("tes", "heat",
 * "waerme", "puffer") count as heat storage.
 */
export function carrierOf(col: Column, techs: TechInfos = {}): Carrier | null {
  switch (col.flow) {
    case 'heat_out':
    case 'dump':
      return 'heat';
    case 'el_out':
    case 'el_in':
    case 'import':
    case 'export':
      return 'electricity';
    case 'charge':
    case 'discharge': {
      const type = techs[col.techId]?.type;
      if (type === 'heatStorage') return 'heat';
      if (type === 'battery') return 'electricity';
      return /tes|heat|w(ae|ä)rme|puffer|speicher_w/i.test(col.techId) ? 'heat' : 'electricity';
    }
    default:
      return null;
  }
}

/** Plant types, fuels and efficiencies from the project document: carriers of storage, Sankey fuels. */
export function techInfosOf(document: unknown): TechInfos {
  const techs = (document as { technologies?: unknown } | null)?.technologies;
  if (!Array.isArray(techs)) return {};
  const out: TechInfos = {};
  for (const t of techs as Record<string, unknown>[]) {
    if (typeof t?.id !== 'string' || typeof t.type !== 'string') continue;
    out[t.id] = {
      type: t.type,
      fuel: typeof t.fuel === 'string' ? t.fuel : undefined,
      efficiency: typeof t.efficiency === 'number' ? t.efficiency : undefined,
      efficiencyEl: typeof t.efficiencyEl === 'number' ? t.efficiencyEl : undefined,
    };
  }
  return out;
}
