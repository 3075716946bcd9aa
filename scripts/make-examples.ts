/**
 * Builds assets/examples/reference-hub.json from ../shared/cases/reference-hub (parameters.json,
 * timeseries.csv, README.md figures). Run: npx tsx scripts/make-examples.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { districtGeoJson, districtNetwork } from './district';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Project } from '../solver/src/project/types';
import type { HubParameters } from './hubParameters';
import { defaultPeriods } from '../solver/src/project/pathDefaults';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const caseDir = path.resolve(root, '..', 'shared', 'cases', 'reference-hub');

export function referenceHub(): Project {
  const p = JSON.parse(readFileSync(path.join(caseDir, 'parameters.json'), 'utf8')) as HubParameters;
  const lines = readFileSync(path.join(caseDir, 'timeseries.csv'), 'utf8').trim().split('\n');
  const header = lines[0].split(';');
  const cols = header.map(() => [] as number[]);
  for (const line of lines.slice(1)) line.split(';').forEach((v, i) => cols[i].push(Number(v)));
  const col = (name: string) => cols[header.indexOf(name)];
  const src = 'Werkplan-Referenzfall (synthetisch, einem deutschen Stadtquartier nachgebildet)';
  return {
    formatVersion: 2,
    name: 'Referenz-Quartier (Benchmark)',
    description:
      'Energiezentrale eines Stadtquartiers, ein Jahr in Stundenauflösung (2023). Der Vergleichsfall von npm run bench; ohne Notkühler, Speicher über das Jahr zyklisch.',
    site: {
      year: 2023,
      timeZone: 'Europe/Berlin',
      location: 'Referenzquartier',
      ambientTemperature: 'ambient',
    },
    timeSeries: {
      ambient: { unit: '°C', values: col('ambient_temperature_C'), source: src },
      heat: { unit: 'kW', values: col('heat_demand_kW'), source: src },
      electricity: { unit: 'kW', values: col('electricity_demand_kW'), source: src },
      pv_yield: { unit: 'kWh/kWp', values: col('pv_yield_kWh_per_kWp'), source: src },
      spot: { unit: 'EUR/MWh', values: col('spot_price_EUR_per_MWh'), source: src },
    },
    demands: { heat: 'heat', electricity: 'electricity' },
    economics: { interestRate: p.interest, co2Price_EUR_t: p.co2Price_EUR_kg * 1000 },
    fuels: { gas: { price_EUR_kWh: p.gasPrice_EUR_kWh, co2_kg_kWh: p.co2Gas_kg_kWh, renewable: false } },
    grid: {
      import: {
        price_EUR_kWh: { series: 'spot', scale: 0.001, adder: p.importAdder_EUR_kWh },
        co2_kg_kWh: p.co2Grid_kg_kWh,
        peakCharge_EUR_kW_a: p.peakCharge_EUR_kW_a,
      },
      export: {
        price_EUR_kWh: { series: 'spot', scale: 0.001, adder: -p.exportFee_EUR_kWh },
        limit_kW: p.exportLimit_kW,
      },
    },
    technologies: [
      {
        id: 'gb',
        name: 'Gaskessel',
        type: 'boiler',
        fuel: 'gas',
        efficiency: p.gb.eff,
        capex_EUR_per_unit: p.gb.capex,
        lifetime_a: p.gb.life,
        fixedOm_share: p.gb.om,
        max: p.gb.max,
        source: src,
      },
      {
        id: 'chp',
        name: 'BHKW',
        type: 'chp',
        fuel: 'gas',
        efficiencyEl: p.chp.effEl,
        efficiencyTh: p.chp.effTh,
        capex_EUR_per_unit: p.chp.capex,
        lifetime_a: p.chp.life,
        fixedOm_share: p.chp.om,
        varOm_EUR_kWh: p.chp.vom,
        max: p.chp.max,
        minLoad_share: p.minLoad,
        source: src,
      },
      {
        id: 'hp',
        name: 'Luft-Wasser-Wärmepumpe',
        type: 'heatPump',
        heatSource: 'air',
        carnotEfficiency: p.hp.eta,
        supplyTemp_C: p.hp.tSupply,
        sourceDelta_K: 5,
        copMin: 1.5,
        copMax: 5.5,
        capex_EUR_per_unit: p.hp.capex,
        lifetime_a: p.hp.life,
        fixedOm_share: p.hp.om,
        source: src,
      },
      {
        id: 'eb',
        name: 'Elektrodenkessel',
        type: 'electricBoiler',
        efficiency: p.eb.eff,
        capex_EUR_per_unit: p.eb.capex,
        lifetime_a: p.eb.life,
        fixedOm_share: p.eb.om,
        source: src,
      },
      {
        id: 'pv',
        name: 'Photovoltaik',
        type: 'pv',
        yieldSeries: 'pv_yield',
        curtailable: true,
        capex_EUR_per_unit: p.pv.capex,
        lifetime_a: p.pv.life,
        fixedOm_share: p.pv.om,
        max: p.pv.max,
        source: src,
      },
      {
        id: 'bat',
        name: 'Batteriespeicher',
        type: 'battery',
        capex_EUR_per_unit: p.bat.capexE,
        capexPower_EUR_kW: p.bat.capexP,
        lifetime_a: p.bat.life,
        fixedOm_share: p.bat.om,
        efficiencyCharge: p.bat.effCh,
        efficiencyDischarge: p.bat.effDis,
        selfDischarge_per_h: p.bat.loss,
        source: src,
      },
      {
        id: 'tes',
        name: 'Wärmespeicher',
        type: 'heatStorage',
        capex_EUR_per_unit: p.tes.capex,
        lifetime_a: p.tes.life,
        fixedOm_share: p.tes.om,
        efficiencyCharge: p.tes.effCh,
        efficiencyDischarge: p.tes.effDis,
        loss_per_h: p.tes.loss,
        cRate_per_h: p.tes.cRate,
        source: src,
      },
    ],
    scenarios: [
      {
        id: 'gas-high',
        name: 'Gaspreis +50 %',
        overrides: { '/fuels/gas/price_EUR_kWh': p.gasPrice_EUR_kWh * 1.5 },
      },
    ],
    notes: {
      independentOptimum_EUR_a: 2305264.2,
      measuredNaiveFormulation_s: {
        highsNative1Thread: { h720: 0.9, h2190: 9.7, h8760: 127 },
        highsWasm: { h720: 2.2, h2190: 12, h8760: 177 },
        glpkJs: { h720: 6.7, h2190: 107, h8760: 'not finished in 600 s' },
      },
      naiveFormulationSize: { columns: 113889, rows: 135633, nonZeros: 393906 },
      source: 'shared/cases/reference-hub/README.md and SOLVERS.md',
    },
  };
}

/**
 * A single-family house with PV, air-source heat pump, battery and buffer tank. Its profiles are the
 * reference hub's, scaled to 18,000 kWh heat and 4,000 kWh electricity a year; household tariffs.
 */
export function singleBuilding(): Project {
  const hub = referenceHub();
  const values = (id: string) => (hub.timeSeries[id] as { values: number[] }).values;
  const scaleTo = (v: number[], annual_kWh: number) => {
    const sum = v.reduce((a, b) => a + b, 0);
    return v.map((x) => Math.round(((x * annual_kWh) / sum) * 1e4) / 1e4);
  };
  const src = 'Profile des Referenzquartiers, auf ein Einfamilienhaus skaliert';
  const assumption = 'Annahme für das Beispiel (Größenordnung deutscher Angebote 2025), kein Standardwert';
  return {
    formatVersion: 2,
    name: 'Einfamilienhaus mit PV, Wärmepumpe und Speicher',
    description: 'Ein kleines Beispiel: ein Haus, 18 MWh Wärme und 4 MWh Strom im Jahr.',
    site: { year: 2023, timeZone: 'Europe/Berlin', location: 'Beispielhaus', ambientTemperature: 'ambient' },
    timeSeries: {
      ambient: { unit: '°C', values: values('ambient'), source: src },
      heat: { unit: 'kW', values: scaleTo(values('heat'), 18_000), source: src },
      electricity: { unit: 'kW', values: scaleTo(values('electricity'), 4_000), source: src },
      pv_yield: { unit: 'kWh/kWp', values: values('pv_yield'), source: src },
    },
    demands: { heat: 'heat', electricity: 'electricity' },
    economics: { interestRate: 0.03, co2Price_EUR_t: 55 },
    fuels: {},
    grid: {
      import: { price_EUR_kWh: 0.32, co2_kg_kWh: 0.38 },
      export: { price_EUR_kWh: 0.08, limit_kW: 10 },
    },
    technologies: [
      {
        id: 'hp',
        name: 'Luft-Wasser-Wärmepumpe',
        type: 'heatPump',
        heatSource: 'air',
        carnotEfficiency: 0.45,
        supplyTemp_C: 45,
        sourceDelta_K: 5,
        copMin: 1.5,
        copMax: 6,
        capex_EUR_per_unit: 1500,
        lifetime_a: 20,
        fixedOm_share: 0.015,
        max: 20,
        source: assumption,
      },
      {
        id: 'rod',
        name: 'Heizstab',
        type: 'electricBoiler',
        efficiency: 0.99,
        capex_EUR_per_unit: 60,
        lifetime_a: 20,
        fixedOm_share: 0,
        source: assumption,
      },
      {
        id: 'pv',
        name: 'Photovoltaik',
        type: 'pv',
        yieldSeries: 'pv_yield',
        curtailable: true,
        capex_EUR_per_unit: 1300,
        lifetime_a: 25,
        fixedOm_share: 0.01,
        max: 10,
        source: assumption,
      },
      {
        id: 'bat',
        name: 'Batteriespeicher',
        type: 'battery',
        capex_EUR_per_unit: 500,
        capexPower_EUR_kW: 100,
        lifetime_a: 15,
        fixedOm_share: 0.01,
        efficiencyCharge: 0.95,
        efficiencyDischarge: 0.95,
        selfDischarge_per_h: 0.0001,
        max: 15,
        source: assumption,
      },
      {
        id: 'tank',
        name: 'Pufferspeicher',
        type: 'heatStorage',
        capex_EUR_per_unit: 40,
        lifetime_a: 25,
        fixedOm_share: 0,
        efficiencyCharge: 0.99,
        efficiencyDischarge: 0.99,
        loss_per_h: 0.005,
        cRate_per_h: 0.5,
        max: 60,
        source: assumption,
      },
    ],
  };
}

/**
 * assets/examples/transformation-path.json: the reference hub as a district heating network on a
 * transformation path 2025–2045, with an existing gas CHP that retires in 2032 (2017 + 15 years), an
 * existing gas boiler, the WPG targets and a rising CO2 price (solver/src/project/pathDefaults.ts).
 */
export function transformationPath(): Project {
  const hub = referenceHub();
  const periods = defaultPeriods();
  const annahme = 'Annahme Werkplan-Beispiel, Stand 12/2026';
  return {
    ...hub,
    name: 'Transformationspfad Fernwärme (Beispiel)',
    description:
      'Das Referenz-Quartier als Wärmenetz auf dem Weg 2025–2045: Bestands-BHKW (Erdgas, 2017, geht 2032 außer Betrieb) und Bestands-Gaskessel, Ziele nach WPG § 29 (30 % 2030, 80 % 2040, 100 % 2045), steigender CO2-Preis, Netzstrom mit wachsendem erneuerbarem Anteil.',
    technologies: hub.technologies.map((t) =>
      t.id === 'chp'
        ? { ...t, name: 'BHKW Erdgas', existing: 1500, commissioned_year: 2017 }
        : t.id === 'gb'
          ? { ...t, name: 'Gaskessel Erdgas', existing: 6000, commissioned_year: 2010, lifetime_a: 30 }
          : t,
    ),
    periods: {
      ...periods,
      demand: { heat: { factor: { '2025': 1, '2035': 1.15, '2045': 1.2 }, renovationRate_per_a: 0.01 } },
      prices: {
        ...periods.prices,
        gridCo2_kg_kWh: { '2025': 0.363, '2030': 0.2, '2045': 0 },
        gridRenewableShare: { '2025': 0.54, '2030': 0.8, '2045': 1 },
      },
      sources: {
        ...periods.sources,
        demand: `${annahme}: Netzverdichtung +15 % bis 2035, +20 % bis 2045; Sanierung 1 %/a`,
        gridCo2_kg_kWh: `2025: UBA, Emissionsfaktor Strommix 2024 (363 g/kWh, vorläufig); 2030 und 2045: ${annahme}`,
        gridRenewableShare: `2025: UBA, Anteil erneuerbarer Energien am Bruttostromverbrauch 2024 (54 %); 2030: EEG 2023 § 1 Abs. 2 (80 %); 2045: ${annahme}`,
      },
    },
    scenarios: [
      {
        id: 'co2-low',
        name: 'CO2-Preis niedrig',
        description: 'BEHG-Preis bis 2026, danach nur 80 EUR/t (Annahme)',
        overrides: { '/periods/prices/co2Price_EUR_t': { '2025': 55, '2026': 65, '2030': 80 } },
      },
    ],
  };
}

if (process.argv[1]?.endsWith('make-examples.ts')) {
  const dir = path.join(root, 'assets', 'examples');
  writeFileSync(path.join(dir, 'transformation-path.json'), JSON.stringify(transformationPath()) + '\n');
  writeFileSync(
    path.join(dir, 'district-network.geojson'),
    JSON.stringify(districtGeoJson(), null, 1) + '\n',
  );
  writeFileSync(
    path.join(dir, 'district-network.json'),
    JSON.stringify(districtNetwork(referenceHub())) + '\n',
  );
  writeFileSync(path.join(dir, 'reference-hub.json'), JSON.stringify(referenceHub()) + '\n');
  writeFileSync(path.join(dir, 'single-building.json'), JSON.stringify(singleBuilding()) + '\n');
  console.log('wrote assets/examples/reference-hub.json and single-building.json');
}
