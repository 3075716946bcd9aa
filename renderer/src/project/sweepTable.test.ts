import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { SweepRun } from './sweeps';
import { columnTitle, sweepCsv, sweepFileName, sweepTable, type SweepTableText } from './sweepTable';

const GAS = '/fuels/gas/price_EUR_kWh';
const RATE = '/economics/interestRate';

const run: SweepRun = {
  projectId: 'p',
  a: { pointer: GAS, from: 0.04, to: 0.08, steps: 2 },
  b: { pointer: RATE, from: 0.03, to: 0.05, steps: 2 },
  options: { mode: 'aggregated' },
  xs: [0.04, 0.08],
  ys: [0.03, 0.05],
  state: 'cancelled',
  started: 0,
  finished: 1000,
  inputsHash: 'h',
  points: [
    {
      i: 0,
      j: 0,
      overrides: { [GAS]: 0.04, [RATE]: 0.03 },
      state: 'done',
      status: 'optimal',
      totalAnnualCost_EUR: 123456.789,
      emissions_tCO2: 12.5,
      capacities: { gb: { power_kW: 100.25 }, bat: { energy_kWh: 10, power_kW: 5 } },
    },
    { i: 1, j: 0, overrides: { [GAS]: 0.08, [RATE]: 0.03 }, state: 'failed', status: 'infeasible' },
    {
      i: 0,
      j: 1,
      overrides: { [GAS]: 0.04, [RATE]: 0.05 },
      state: 'done',
      status: 'optimal',
      totalAnnualCost_EUR: 99000,
      emissions_tCO2: 0,
      capacities: { gb: { power_kW: -1e-9 } },
    },
    { i: 1, j: 1, overrides: { [GAS]: 0.08, [RATE]: 0.05 }, state: 'cancelled' },
  ],
};

const text: SweepTableText = {
  parameter: (p) =>
    p === GAS
      ? { label: 'Preis gas', unit: 'EUR/kWh', scale: 1 }
      : { label: 'Kalkulationszins', unit: '%', scale: 100 },
  state: (p) => p.state,
  stateTitle: 'Stand',
  cost: 'Jahresgesamtkosten',
  co2: 'CO₂-Emissionen',
  technology: (id) => (id === 'gb' ? 'Gaskessel' : id === 'bat' ? '=Batterie' : id),
};

describe('sweep table', () => {
  it('has one line per point with parameters as shown, cost, CO2 and every sized capacity', () => {
    const t = sweepTable(run, text);
    expect(t.columns.map(columnTitle)).toEqual([
      'Preis gas [EUR/kWh]',
      'Kalkulationszins [%]',
      'Stand',
      'Jahresgesamtkosten [EUR/a]',
      'CO₂-Emissionen [t/a]',
      'Gaskessel [kW]',
      '=Batterie [kW]',
      '=Batterie [kWh]',
    ]);
    expect(t.rows[0]).toEqual([0.04, 3, 'done', 123456.789, 12.5, 100.25, 5, 10]);
    // no result: empty cells; a solved point without a technology sized it at 0; -1e-9 is 0
    expect(t.rows[1]).toEqual([0.08, 3, 'failed', null, null, null, null, null]);
    expect(t.rows[2]).toEqual([0.04, 5, 'done', 99000, 0, 0, 0, 0]);
    expect(t.rows[3][2]).toBe('cancelled');
  });

  it('writes German CSV (BOM, semicolon, decimal comma) that reads back to the same numbers', () => {
    const csv = sweepCsv(sweepTable(run, text), 'de');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      "Preis gas [EUR/kWh];Kalkulationszins [%];Stand;Jahresgesamtkosten [EUR/a];CO₂-Emissionen [t/a];Gaskessel [kW];'=Batterie [kW];'=Batterie [kWh]",
    );
    expect(lines[1]).toBe('0,04;3;done;123456,789;12,5;100,25;5;10');
    expect(lines[2]).toBe('0,08;3;failed;;;;;');
    expect(lines[3]).toBe('0,04;5;done;99000;0;0;0;0');
    expect(lines).toHaveLength(6); // 4 points, heading, final line break
    const back = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data;
    expect(Number(back[1][3].replace(',', '.'))).toBe(123456.789);
  });

  it('gives each capacity the unit of its technology when the types are known', () => {
    const pvRun = {
      ...run,
      points: run.points.map((p) => ({ ...p, capacities: p.capacities && { pv: { power_kW: 150 } } })),
    };
    const t = sweepTable(pvRun, { ...text, technology: () => 'Photovoltaik', technologyType: () => 'pv' });
    expect(columnTitle(t.columns[t.columns.length - 1])).toBe('Photovoltaik [kWp]');
  });

  it("says in a column of its own that a screening's rows are typical-day sizings only", () => {
    const screening = { title: 'Rechenart', value: 'Schnellauswertung auf Typtagen, ohne Ganzjahresprüfung' };
    const t = sweepTable({ ...run, screening: true }, { ...text, screening });
    expect(t.columns.map(columnTitle).slice(2, 5)).toEqual([
      'Stand',
      'Rechenart',
      'Jahresgesamtkosten [EUR/a]',
    ]);
    expect(t.rows[0].slice(2, 5)).toEqual(['done', screening.value, 123456.789]);
    expect(sweepCsv(t, 'de').split('\r\n')[1]).toBe(
      '0,04;3;done;Schnellauswertung auf Typtagen, ohne Ganzjahresprüfung;123456,789;12,5;100,25;5;10',
    );
    // A sweep with its full-year checks keeps the table it had.
    expect(sweepTable(run, { ...text, screening }).columns).toEqual(sweepTable(run, text).columns);
  });

  it('writes international CSV with comma and point', () => {
    const lines = sweepCsv(sweepTable(run, text), 'intl').split('\r\n');
    expect(lines[1]).toBe('0.04,3,done,123456.789,12.5,100.25,5,10');
  });
});

describe('sweepFileName', () => {
  it('keeps the project name as written, umlauts and spaces, like the reports', () => {
    expect(sweepFileName('Nahwärme Süd', 'Sensitivität')).toBe('Nahwärme Süd – Sensitivität.csv');
    expect(sweepFileName('Halle 3/4', 'Sensitivity')).toBe('Halle 3-4 – Sensitivity.csv');
    expect(sweepFileName('', 'Sensitivität')).toBe('Werkplan – Sensitivität.csv');
  });
});
