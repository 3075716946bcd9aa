/**
 * Variants of the reference hub with more candidate plants, for the plant-count benchmark
 * (plants.bench.ts, issue 18: 7 → 14 → 28 technologies). Pure: returns a new project and leaves
 * the hub alone. Every price is the hub's own figure for the same kind of plant, scaled where the
 * plant differs; each scale factor and each derived series is a Werkplan assumption (Annahme) for
 * benchmarking, not a sourced figure, and is marked so below and in the plants' `source`.
 */
import type { Project, Technology, TimeSeriesSpec } from '../../solver/src/project/types';

type Of<K extends Technology['type']> = Extract<Technology, { type: K }>;

const SOURCE = 'Benchmark-Variante des Referenzfalls (Annahme: aus den Preisen des Referenzfalls abgeleitet)';
/** Biomethane: the hub's gas price +50 % (its own "gas-high" scenario step); CO2 a quarter of gas. Annahme. */
const BIO_PRICE = 1.5;
const BIO_CO2 = 0.25;

/** The series `values` moved by `shift_h` hours (positive = later, wrapping round the year) and scaled. */
export function shiftedSeries(values: readonly number[], shift_h: number, scale: number): number[] {
  const n = values.length;
  return values.map((_, h) => scale * values[(((h - shift_h) % n) + n) % n]);
}

/** The hub's first technology of a type; the variants price their plants from it. */
function first<K extends Technology['type']>(hub: Project, type: K): Of<K> {
  const t = hub.technologies.find((x): x is Of<K> => x.type === type);
  if (!t) throw new Error(`the hub has no ${type} to derive prices from`);
  return t;
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number') throw new Error(`${what} must be a plain number to derive a variant`);
  return v;
}

/** The 21 extra candidate plants in the order they are added (the 14-plant variant takes the first 7). */
function extras(hub: Project): Technology[] {
  const gb = first(hub, 'boiler');
  const chp = first(hub, 'chp');
  const hp = first(hub, 'heatPump');
  const eb = first(hub, 'electricBoiler');
  const pv = first(hub, 'pv');
  const bat = first(hub, 'battery');
  const tes = first(hub, 'heatStorage');
  const base = { source: SOURCE, lifetime_a: 20 };
  const heatPump = (id: string, name: string, p: Partial<Of<'heatPump'>>, capex: number): Of<'heatPump'> => ({
    ...hp,
    ...base,
    lifetime_a: hp.lifetime_a,
    id,
    name,
    capex_EUR_per_unit: hp.capex_EUR_per_unit * capex,
    ...p,
  });
  const boiler = (
    id: string,
    name: string,
    fuel: string,
    efficiency: number,
    capex: number,
  ): Of<'boiler'> => ({
    ...gb,
    ...base,
    lifetime_a: gb.lifetime_a,
    id,
    name,
    fuel,
    efficiency,
    capex_EUR_per_unit: gb.capex_EUR_per_unit * capex,
  });
  const chpOf = (id: string, name: string, p: Partial<Of<'chp'>>, capex: number): Of<'chp'> => ({
    ...chp,
    ...base,
    lifetime_a: chp.lifetime_a,
    id,
    name,
    capex_EUR_per_unit: chp.capex_EUR_per_unit * capex,
    ...p,
  });
  const pvOf = (id: string, name: string, yieldSeries: string): Of<'pv'> => ({
    ...pv,
    ...base,
    lifetime_a: pv.lifetime_a,
    id,
    name,
    yieldSeries,
  });
  // Solar thermal per m²: 0.4 × the PV price per kWp (about 5 m² per kWp; Annahme).
  const st = (id: string, name: string, yieldSeries: string, capex: number): Of<'solarThermal'> => ({
    ...base,
    type: 'solarThermal',
    id,
    name,
    yieldSeries,
    curtailable: true,
    capex_EUR_per_unit: 0.4 * pv.capex_EUR_per_unit * capex,
    fixedOm_share: pv.fixedOm_share,
    max: 20000,
  });
  const store = (
    id: string,
    name: string,
    p: Partial<Of<'heatStorage'>>,
    capex: number,
  ): Of<'heatStorage'> => ({
    ...tes,
    ...base,
    lifetime_a: tes.lifetime_a,
    id,
    name,
    capex_EUR_per_unit: tes.capex_EUR_per_unit * capex,
    ...p,
  });
  const battery = (id: string, name: string, energy: number, power: number): Of<'battery'> => ({
    ...bat,
    ...base,
    lifetime_a: bat.lifetime_a,
    id,
    name,
    capex_EUR_per_unit: bat.capex_EUR_per_unit * energy,
    capexPower_EUR_kW: bat.capexPower_EUR_kW * power,
  });
  // Every factor below is an Annahme (plausible direction: dearer sources, cheaper large units).
  return [
    heatPump('hp_ww', 'Abwasser-Wärmepumpe', { heatSource: 'wastewater' }, 1.3),
    boiler('gb_bio', 'Biomethan-Kessel', 'biomethan', 0.93, 1.1),
    chpOf('chp_s', 'BHKW klein', { efficiencyEl: 0.34, efficiencyTh: 0.52, max: 800 }, 1.4),
    pvOf('pv_east', 'Photovoltaik Ost', 'pv_yield_east'),
    st('st', 'Solarthermie Flachkollektor', 'st_yield', 1),
    store('tes_large', 'Großwärmespeicher', { loss_per_h: 0.0002, cRate_per_h: 0.05 }, 0.5),
    battery('bat_power', 'Batteriespeicher (Leistung)', 1.2, 0.6),
    heatPump('hp_ground', 'Erdwärmepumpe', { heatSource: 'ground', groundTemp_C: 10 }, 1.6),
    boiler('gb_cond', 'Brennwertkessel', gb.fuel, 0.98, 1.25),
    chpOf('chp_l', 'BHKW groß', { efficiencyEl: 0.42, efficiencyTh: 0.44, max: 5000 }, 0.8),
    pvOf('pv_west', 'Photovoltaik West', 'pv_yield_west'),
    store('tes_short', 'Pufferspeicher', { loss_per_h: 0.003, cRate_per_h: 0.5 }, 1.5),
    heatPump('hp_river', 'Flusswasser-Wärmepumpe', { heatSource: 'river' }, 1.4),
    boiler('gb_old', 'Niedertemperaturkessel', gb.fuel, 0.88, 0.7),
    chpOf('chp_bio', 'Biomethan-BHKW', { fuel: 'biomethan', efficiencyEl: 0.36, efficiencyTh: 0.5 }, 1.1),
    pvOf('pv_flat', 'Photovoltaik Flachdach', 'pv_yield_flat'),
    st('st_east', 'Solarthermie Ost', 'st_yield_east', 1.1),
    battery('bat_energy', 'Batteriespeicher (Energie)', 0.9, 1.5),
    heatPump(
      'hp_air_ht',
      'Luft-Wärmepumpe Hochtemperatur',
      { supplyTemp_C: 70, carnotEfficiency: 0.45 },
      0.9,
    ),
    {
      ...eb,
      ...base,
      lifetime_a: eb.lifetime_a,
      id: 'eb_large',
      name: 'Elektrodenkessel groß',
      efficiency: 0.98,
      capex_EUR_per_unit: eb.capex_EUR_per_unit * 0.8,
    },
    store(
      'tes_pit',
      'Erdbeckenspeicher',
      { loss_per_h: 0.0001, cRate_per_h: 0.02, efficiencyCharge: 0.98, efficiencyDischarge: 0.98 },
      0.25,
    ),
  ];
}

/**
 * The derived yield series the extra plants use, from the hub's PV yield (kWh per kWp and hour).
 * East/west fields: 2 h earlier/later at 85 %, flat roof at 90 % (Annahme). Solar thermal heat per m²:
 * 0.5 × the PV yield per kWp (collector about 2.5 × the cell efficiency at 5 m² per kWp; Annahme).
 */
function derivedSeries(pvYield: readonly number[]): Record<string, { values: number[]; unit: string }> {
  return {
    pv_yield_east: { unit: 'kWh/kWp', values: shiftedSeries(pvYield, -2, 0.85) },
    pv_yield_west: { unit: 'kWh/kWp', values: shiftedSeries(pvYield, 2, 0.85) },
    pv_yield_flat: { unit: 'kWh/kWp', values: shiftedSeries(pvYield, 0, 0.9) },
    st_yield: { unit: 'kWh/m²', values: shiftedSeries(pvYield, 0, 0.5) },
    st_yield_east: { unit: 'kWh/m²', values: shiftedSeries(pvYield, -2, 0.45) },
  };
}

/** Number of plants manyPlants can reach from a hub with `hubPlants` technologies. */
export const EXTRA_PLANTS = 21;

/**
 * The hub with `count` candidate plants: its own technologies followed by the first
 * `count − hub.technologies.length` extras, and only the series and fuel those extras use.
 */
export function manyPlants(hub: Project, count: number): Project {
  const own = hub.technologies.length;
  if (!Number.isInteger(count) || count < own || count > own + EXTRA_PLANTS)
    throw new Error(`plant count must be an integer from ${own} to ${own + EXTRA_PLANTS}`);
  const project = structuredClone(hub);
  const added = extras(hub).slice(0, count - own);
  project.technologies.push(...added);
  const pvTech = first(hub, 'pv');
  const spec: TimeSeriesSpec | undefined = hub.timeSeries[pvTech.yieldSeries];
  const used = new Set(added.flatMap((t) => ('yieldSeries' in t ? [t.yieldSeries] : [])));
  if (used.size > 0) {
    if (!spec || !('values' in spec)) throw new Error('the hub PV yield must be an inline series');
    for (const [id, s] of Object.entries(derivedSeries(spec.values)))
      if (used.has(id)) project.timeSeries[id] = { ...s, source: SOURCE };
  }
  if (added.some((t) => 'fuel' in t && t.fuel === 'biomethan')) {
    const gas = hub.fuels[first(hub, 'boiler').fuel];
    project.fuels.biomethan = {
      price_EUR_kWh: BIO_PRICE * num(gas.price_EUR_kWh, 'the boiler fuel price'),
      co2_kg_kWh: BIO_CO2 * gas.co2_kg_kWh,
      renewable: true,
    };
  }
  return project;
}
