/**
 * The Transformationsplan of the report model: the figures of the fixture path (pathFixture.ts),
 * checked by hand, in the tables the PDF, the workbook and the CSV share.
 */
import { describe, expect, it } from 'vitest';
import { pathCapacityOption } from './charts';
import { pathCompareTables } from './transformationCompare';
import { summaryCsv } from './csv';
import { buildReportModel, type ReportModel } from './model';
import { pathProject, pathResults } from './pathFixture';
import { summaryTables, type Table } from './tables';
import {
  pathCostsTable,
  pathEmissionsTable,
  pathInputsTable,
  pathIntro,
  pathMeasuresTable,
  pathMilestonesTable,
  pathNpcTable,
  pathSharesTable,
  pathSourcesTable,
  pathTables,
  pathTextParams,
} from './transformation';

const model = (results = pathResults()): ReportModel =>
  buildReportModel({
    project: pathProject(),
    runs: [{ scenarioId: 'base', scenarioName: 'Basis', results, dispatch: null }],
    generatedAt: new Date(Date.UTC(2026, 11, 5)),
  });

/** The row of a table whose first cell is `first`. */
const row = (t: Table, first: string | number) => t.rows.find((r) => r[0] === first);

describe('Transformationsplan in the report model', () => {
  const m = model();
  const p = m.path!;

  it('holds the path of the base result, and none for a single year', () => {
    expect(p.periods.map((x) => x.year)).toEqual([2025, 2035, 2045]);
    expect(p.milestones.map((x) => x.year)).toEqual([2025, 2035, 2045]);
    // (8.000 − 3.000) / 8.000 and (8.000 − 400) / 8.000
    expect(p.reduction).toEqual([0, 0.625, 0.95]);
    expect(p.netPresentCost_EUR).toBe(49_300_000);
    const single = model({ ...pathResults(), periods: undefined, path: undefined });
    expect(single.path).toBeNull();
    expect(pathTables(single, 'de')).toEqual([]);
    expect(summaryTables(single, 'de').some((t) => t.id.startsWith('path:'))).toBe(false);
  });

  it('shows current state, milestones and target picture with capacities, CO2 and costs', () => {
    const t = pathMilestonesTable(m, 'de', p);
    expect(t.columns.map((c) => c.label)).toEqual([
      'Größe',
      'Einheit',
      '2025 (Ist-Zustand)',
      '2035',
      '2045 (Zielbild)',
    ]);
    expect(row(t, 'Leistung Gaskessel')).toEqual(['Leistung Gaskessel', 'kW', 4000, 4000, 2000]);
    expect(row(t, 'Leistung BHKW')).toEqual(['Leistung BHKW', 'kW el', 1000, 0, 0]);
    expect(row(t, 'Leistung Flusswasser-Wärmepumpe')?.slice(2)).toEqual([0, 2000, 3000]);
    expect(row(t, 'Größe Solarthermie')?.slice(1)).toEqual(['m²', 0, 5000, 5000]);
    expect(row(t, 'Größe Wärmespeicher')?.slice(1)).toEqual(['kWh', 0, 50000, 50000]);
    expect(row(t, 'Wärme aus Flusswasser-Wärmepumpe')?.slice(1)).toEqual(['MWh/a', 0, 17000, 33000]);
    expect(row(t, 'CO2-Emissionen')?.slice(1)).toEqual(['t/a', 8000, 3000, 400]);
    expect(row(t, 'CO2-Minderung gegenüber 2025')?.slice(1)).toEqual(['%', 0, 62.5, 95]);
    // 35.500 of 36.000 MWh in 2045
    expect(row(t, 'Anteil erneuerbare Wärme und Abwärme')?.[4]).toBeCloseTo(98.6111, 3);
    expect(row(t, 'Jahreskosten')?.slice(2)).toEqual([2_700_000, 2_660_000, 2_520_000]);
    // 2.700.000 / 40.000, 2.660.000 / 38.000, 2.520.000 / 36.000
    expect(row(t, 'Wärmegestehungskosten')?.slice(2)).toEqual([67.5, 70, 70]);
  });

  it('keeps milestones 2030, 2035 and 2040 only where the path has them', () => {
    const r = pathResults();
    const years = [2025, 2030, 2033, 2040, 2045];
    const periods = years.map((year, i) => ({ ...r.periods![Math.min(i, 2)], year }));
    const t = pathMilestonesTable(model({ ...r, periods }), 'en', model({ ...r, periods }).path!);
    expect(t.columns.slice(2).map((c) => c.label)).toEqual([
      '2025 (current state)',
      '2030',
      '2040',
      '2045 (target picture)',
    ]);
  });

  it('lists the measures by year with plant names, amount, unit and investment', () => {
    const t = pathMeasuresTable(m, 'de', p);
    expect(t.rows).toEqual([
      [2035, 'Stilllegung', 'BHKW', 1000, null],
      [2035, 'Neubau', 'Flusswasser-Wärmepumpe', 2000, 2_400_000],
      [2035, 'Neubau', 'Solarthermie', 5000, 2_250_000],
      [2035, 'Neubau', 'Wärmespeicher', 50000, 1_500_000],
      [2045, 'Stilllegung', 'Gaskessel', 2000, null],
      [2045, 'Neubau', 'Flusswasser-Wärmepumpe', 1000, 1_100_000],
    ]);
    expect(t.columns[3].rowUnits).toEqual(['kW el', 'kW', 'm²', 'kWh', 'kW', 'kW']);
    const en = pathMeasuresTable(m, 'en', p);
    expect(en.rows[0].slice(0, 3)).toEqual([2035, 'retirement', 'BHKW']);
    expect(en.columns.map((c) => c.label)).toEqual([
      'Period year',
      'Measure',
      'Plant',
      'Amount',
      'Investment',
    ]);
  });

  it('gives CO2, its reduction against the first period and the cap', () => {
    const t = pathEmissionsTable(m, 'de', p);
    expect(t.rows).toEqual([
      [2025, 10, 8000, 0, 80000, null, ''],
      [2035, 10, 3000, 0.625, 30000, null, ''],
      [2045, 10, 400, 0.95, 4000, 500, 'ja'],
      ['Summe', 30, null, null, 114000, null, ''],
    ]);
  });

  it('sets the renewable and waste heat share against the project target and the WPG minimum', () => {
    const t = pathSharesTable(m, 'de', p);
    expect(t.rows[0]).toEqual([2025, 0, null, null, '', '']);
    expect(t.rows[1]).toEqual([2035, 0.5, 0.5, 0.3, 'ja', 'ja']);
    expect(t.rows[2].slice(2)).toEqual([0.95, 1, 'ja', 'nein']);
  });

  it('gives the costs per period with their sums, and the net present cost with its basis', () => {
    const t = pathCostsTable(m, 'de', p);
    expect(row(t, 2035)).toEqual([
      2035, 10, 6_150_000, -2_460_000, 1_500_000, -200_000, 2_660_000, 18_500_000, 70,
    ]);
    expect(row(t, 'Summe')).toEqual(['Summe', 30, 7_250_000, -2_900_000, null, null, null, 49_300_000, null]);
    expect(t.columns.map((c) => c.unit ?? '')).toEqual([
      '',
      'a',
      'EUR',
      'EUR',
      'EUR/a',
      'EUR/a',
      'EUR/a',
      'EUR',
      'EUR/MWh',
    ]);
    expect(pathNpcTable(m, 'de', p).rows).toEqual([[49_300_000, 2025, 0.04, 2055, 1_200_000]]);
  });

  it('lists the inputs per period: weight, CO2 price, demands and targets', () => {
    expect(pathInputsTable(m, 'de', p).rows).toEqual([
      [2025, 10, 55, 40000, 0, null, null],
      [2035, 10, 150, 38000, 0, 0.5, null],
      [2045, 10, 250, 36000, 0, 0.95, 500],
    ]);
  });

  it('names years, base year, interest rate and horizon in the intro', () => {
    expect(pathTextParams(m, 'de')).toMatchObject({ years: '2025, 2035, 2045', rate: '4,0 %', end: '2055' });
    expect(pathIntro(m, 'en')).toContain(
      'Transformation path 2025–2045 in 3 period years (2025, 2035, 2045)',
    );
  });

  it('charts the heat generators per period year, the CHP marked as electric', () => {
    const o = pathCapacityOption(m, 'de') as { series: { name: string; data: number[] }[] };
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['Gaskessel', [4000, 4000, 2000]],
      ['BHKW (elektrisch)', [1000, 0, 0]],
      ['Flusswasser-Wärmepumpe', [0, 2000, 3000]],
    ]);
    expect(pathCapacityOption(model({ ...pathResults(), periods: undefined }), 'de')).toBeNull();
  });

  it('writes the path tables into the CSV summary with the period year as item', () => {
    const csv = summaryCsv(m, 'de', 'de');
    expect(csv).toContain('path:costs;2035;Investition;EUR;6150000');
    expect(csv).toContain('path:costs;Summe;Barwert;EUR;49300000');
    expect(csv).toContain('path:npc;Kapitalwert des Transformationspfads;Basisjahr;;2025');
    expect(csv).toContain('path:emissions;2045 | ja;CO2-Minderung gegenüber 2025;%;95');
  });

  it('compares a scenario path with the base in the milestone years, with both net present costs', () => {
    const other = pathResults();
    other.periods = other.periods!.map((x) => ({ ...x, emissions_tCO2: x.emissions_tCO2 / 2 }));
    other.objective = { ...other.objective, netPresentCost_EUR: 52_000_000 };
    const two = buildReportModel({
      project: pathProject(),
      runs: [
        { scenarioId: 'base', scenarioName: 'Basis', results: pathResults(), dispatch: null },
        { scenarioId: 'fast', scenarioName: 'Schneller Ausstieg', results: other, dispatch: null },
      ],
    });
    const [npc, cmp] = pathCompareTables(two, 'de');
    // 52.000.000 − 49.300.000
    expect(npc.rows).toEqual([
      ['Basis', 49_300_000, null],
      ['Schneller Ausstieg', 52_000_000, 2_700_000],
    ]);
    expect(cmp.title).toBe('Pfadvergleich: Basis – Schneller Ausstieg');
    expect(cmp.columns.slice(3).map((c) => c.label)).toEqual(['2025', '2035', '2045']);
    expect(cmp.rows.slice(0, 2)).toEqual([
      ['CO2-Emissionen', 'Basis', 't/a', 8000, 3000, 400],
      ['CO2-Emissionen', 'Schneller Ausstieg', 't/a', 4000, 1500, 200],
    ]);
    expect(pathTables(two, 'de').map((t) => t.id)).toContain('path:compare:fast');
    expect(pathCompareTables(m, 'de')).toEqual([]);
  });

  it('lists the sources the project gives for the path inputs, named, never by key', () => {
    const project = pathProject();
    const withSources = {
      ...project,
      periods: {
        ...project.periods,
        sources: {
          co2Price_EUR_t: 'BEHG § 10',
          gridRenewableShare: 'UBA 2024',
          somethingNew: 'Annahme',
          demand: ' ',
        },
      },
    } as typeof project;
    const mm = buildReportModel({
      project: withSources,
      runs: [{ scenarioId: 'base', scenarioName: 'Basis', results: pathResults(), dispatch: null }],
    });
    expect(pathSourcesTable(mm, 'de')?.rows).toEqual([
      ['CO2-Preis', 'BEHG § 10'],
      ['Erneuerbarer Anteil des Netzstroms', 'UBA 2024'],
      ['Weitere Angabe', 'Annahme'],
    ]);
    expect(pathTables(mm, 'en').at(-1)?.id).toBe('path:sources');
    expect(pathSourcesTable(m, 'de')).toBeNull();
  });

  it('names a battery by its size and its power, and PV in kWp', () => {
    const r = pathResults();
    r.periods = r.periods!.map((x, i) => ({
      ...x,
      capacities: {
        ...x.capacities,
        bat: { unit: 'kWh' as const, existing: 0, built: 0, retired: 0, total: 1000 * i },
        'bat.power': { unit: 'kW' as const, existing: 0, built: 0, retired: 0, total: 500 * i },
        pv: { unit: 'kWp' as const, existing: 0, built: 0, retired: 0, total: 300 * i },
      },
    }));
    r.path!.events = [
      {
        kind: 'build',
        year: 2035,
        techId: 'bat',
        dimension: 'power',
        amount: 500,
        unit: 'kW',
        investment_EUR: 40_000,
      },
    ];
    const mm = model(r);
    mm.techs.bat = { name: 'Batteriespeicher', type: 'battery' };
    mm.techs.pv = { name: 'Photovoltaik', type: 'pv' };
    const t = pathMilestonesTable(mm, 'de', mm.path!);
    expect(row(t, 'Größe Batteriespeicher')?.slice(1)).toEqual(['kWh', 0, 1000, 2000]);
    expect(row(t, 'Batteriespeicher (Leistung)')?.slice(1)).toEqual(['kW', 0, 500, 1000]);
    expect(row(t, 'Leistung Photovoltaik')?.slice(1)).toEqual(['kWp', 0, 300, 600]);
    expect(pathMeasuresTable(mm, 'de', mm.path!).rows).toEqual([
      [2035, 'Neubau', 'Batteriespeicher (Leistung)', 500, 40_000],
    ]);
    // Neither battery power nor PV is a heat generator.
    const o = pathCapacityOption(mm, 'de') as { series: { name: string }[] };
    expect(o.series.map((x) => x.name)).toEqual(['Gaskessel', 'BHKW (elektrisch)', 'Flusswasser-Wärmepumpe']);
  });
});
