import Papa from 'papaparse';
import { csvNumber, neutralise, fieldUnit, userFileName } from '../../../solver/src';
import type { CsvStyle } from '../../../solver/src/report';
import type { Capacity } from '../../../solver/src';
import type { SweepPointResult, SweepRun } from './sweeps';

export interface SweepColumn {
  label: string;
  unit: string;
}

/** One line of the table: a number in the column's unit, a text, or nothing yet. */
export type SweepCell = number | string | null;

export interface SweepTable {
  columns: SweepColumn[];
  rows: SweepCell[][];
}

/** What the table needs in the user's language. */
export interface SweepTableText {
  /** Label, unit and shown-value factor of a swept parameter. */
  parameter(pointer: string): { label: string; unit: string; scale: number };
  /** The state of a point in words. */
  state(p: SweepPointResult): string;
  cost: string;
  co2: string;
  stateTitle: string;
  /** Display name of a technology id. */
  technology(id: string): string;
  /** Type of a technology id (its capacity unit: PV kWp, CHP kW el); undefined when unknown. */
  technologyType?(id: string): string | undefined;
  /** Heading and value of the column that says a screening's rows are typical-day sizings only. */
  screening?: { title: string; value: string };
}

const CAPACITY_FIELDS: (keyof Capacity)[] = ['power_kW', 'energy_kWh', 'area_m2'];

/**
 * Every capacity any point of the sweep sized, in order of appearance: technology, result field
 * and its unit (the technology's own: PV kWp, storage kWh, solar thermal m²).
 */
export function sweepCapacities(
  run: SweepRun,
  typeOf: (id: string) => string | undefined = () => undefined,
): [string, keyof Capacity, string][] {
  const capacities: [string, keyof Capacity, string][] = [];
  for (const p of run.points)
    for (const [id, c] of Object.entries(p.capacities ?? {}))
      for (const field of CAPACITY_FIELDS)
        if (c[field] !== undefined && !capacities.some(([i, f]) => i === id && f === field))
          capacities.push([id, field, fieldUnit(typeOf(id), field)]);
  return capacities;
}

/**
 * The sweep as a table, one line per point in solving order: the parameter values (as shown in
 * the forms, e.g. % for shares), the state, for a screening the method (so an exported row still
 * says it is no full-year result), total annual cost (EUR/a), CO2 (t/a) and every capacity any
 * point sized (one column per technology and kW, kWh or m²).
 */
export function sweepTable(run: SweepRun, text: SweepTableText): SweepTable {
  const params = [run.a, ...(run.b ? [run.b] : [])].map((axis) => ({
    axis,
    ...text.parameter(axis.pointer),
  }));
  const capacities = sweepCapacities(run, (id) => text.technologyType?.(id));
  const screening = run.screening && text.screening ? [text.screening] : [];
  const columns: SweepColumn[] = [
    ...params.map(({ label, unit }) => ({ label, unit })),
    { label: text.stateTitle, unit: '' },
    ...screening.map((s) => ({ label: s.title, unit: '' })),
    { label: text.cost, unit: 'EUR/a' },
    { label: text.co2, unit: 't/a' },
    ...capacities.map(([id, , unit]) => ({ label: text.technology(id), unit })),
  ];
  const rows = run.points.map((p): SweepCell[] => [
    ...params.map(({ axis, scale }) => p.overrides[axis.pointer] * scale),
    text.state(p),
    ...screening.map((s) => s.value),
    p.totalAnnualCost_EUR ?? null,
    p.emissions_tCO2 ?? null,
    ...capacities.map(([id, field]) => {
      const v = p.capacities?.[id]?.[field];
      if (v === undefined) return p.state === 'done' ? 0 : null;
      return Math.abs(v) < 1e-6 ? 0 : v; // no '-0' from solver round-off
    }),
  ]);
  return { columns, rows };
}

/** Column heading with its unit in brackets, e.g. "Jahresgesamtkosten [EUR/a]". */
export const columnTitle = (c: SweepColumn): string => (c.unit ? `${c.label} [${c.unit}]` : c.label);

/**
 * The table as CSV: German style `;` and decimal comma with a BOM (Excel opens it directly),
 * international `,` and point. Texts are neutralised against formula injection.
 */
export function sweepCsv(table: SweepTable, style: CsvStyle): string {
  const rows = [
    table.columns.map((c) => neutralise(columnTitle(c))),
    ...table.rows.map((r) =>
      r.map((v) => (v === null ? '' : typeof v === 'number' ? csvNumber(v, style) : neutralise(v))),
    ),
  ];
  const body = Papa.unparse(rows, {
    delimiter: style === 'de' ? ';' : ',',
    newline: '\r\n',
    escapeFormulae: false,
  });
  return (style === 'de' ? '\uFEFF' : '') + body + '\r\n';
}

/**
 * The suggested name of the sweep's CSV: the project name as the user wrote it, then what the file
 * holds ("Nahwärme Süd – Sensitivität.csv"), like the reports' file names (userFileName).
 */
export const sweepFileName = (projectName: string, what: string): string =>
  userFileName(projectName, 'csv', ` – ${what}`);
