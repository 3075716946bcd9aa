import { writeFile } from 'node:fs/promises';
import type { CliIo } from './main';
import { loadProjectOrReport } from './load';
import { fixed } from './numbers';
import {
  modeOption,
  parseArgs,
  SOLVE_OPTIONS,
  solverOption,
  stringOption,
  timeLimitOption,
  typicalDaysOption,
  type OptionTable,
  type ParsedArgs,
} from './args';
import { CLEAN_END_TOLERANCE, computeParetoFront, type ParetoFront, type ParetoPoint } from '../run/pareto';
import { nodeLpPool } from '../run/blockPool.node';
import { plantOfPointFields } from '../run/frontPlants';
import { cleanCapacities, cleanCapacity } from '../results/views/sizes';

/** The options `werkplan pareto` accepts; every one of them is in {@link PARETO_USAGE}. */
export const PARETO_OPTIONS = {
  ...SOLVE_OPTIONS,
  points: 'value',
  'clean-end-tolerance': 'value',
} as const satisfies OptionTable;

export const PARETO_USAGE =
  'usage: werkplan pareto P.json [--scenario ID] [--points N] [--solver highs|glpk] [--mode aggregated|full] [--typical-days N] [--clean-end-tolerance SHARE] [--time-limit S] [--out FILE.json|FILE.csv]';

/** One capacity column of the table and the files: technology, quantity and unit. */
interface CapacityColumn {
  techId: string;
  key: 'power_kW' | 'energy_kWh' | 'area_m2';
  unit: 'kW' | 'kWh' | 'm²';
}

/** Capacity columns in the order the technologies appear; only the quantities some point has. */
export function capacityColumns(points: Pick<ParetoPoint, 'capacities'>[]): CapacityColumn[] {
  const out: CapacityColumn[] = [];
  const seen = new Set<string>();
  const units = { power_kW: 'kW', energy_kWh: 'kWh', area_m2: 'm²' } as const;
  for (const p of points)
    for (const [techId, c] of Object.entries(p.capacities))
      for (const key of ['energy_kWh', 'area_m2', 'power_kW'] as const)
        if (c[key] !== undefined && !seen.has(`${techId}.${key}`)) {
          seen.add(`${techId}.${key}`);
          out.push({ techId, key, unit: units[key] });
        }
  return out;
}

/** A capacity without solver round-off (no −0, no 1e-9 kW). */
const clean = (v: number | undefined) => (v === undefined ? undefined : cleanCapacity(v));

/** The front as a plain, file-ready document (no dispatch, no full outcomes). */
export function paretoDocument(
  front: ParetoFront,
  meta: {
    project: string;
    scenario: string;
    mode: 'aggregated' | 'full';
    solver: string;
    cleanEndTolerance: number;
  },
) {
  return {
    ...meta,
    status: front.status,
    reasons: front.reasons,
    seconds: front.seconds,
    points: front.points.map((p) => ({
      kind: p.kind,
      co2Limit_t: p.co2Limit_t,
      emissions_tCO2: p.emissions_tCO2,
      totalAnnualCost_EUR: p.totalAnnualCost_EUR,
      capacities: cleanCapacities(p.capacities),
      ...(p.minimumCo2_t !== undefined ? { minimumCo2_t: p.minimumCo2_t } : {}),
      ...plantOfPointFields(p),
    })),
  };
}

/**
 * Why a point shows another point's plant (run/frontPlants.ts), in English for the CLI and the batch
 * summary; undefined for a point with its own plant.
 */
export function plantOfPointNote(p: Pick<ParetoPoint, 'plantOfPoint' | 'ownPlant'>): string | undefined {
  if (!p.plantOfPoint || !p.ownPlant) return undefined;
  return (
    `the plant of point ${p.plantOfPoint}, better over the full year than the plant sized for this ` +
    `point on typical days (${fixed(p.ownPlant.totalAnnualCost_EUR, 0)} EUR/a, ${fixed(p.ownPlant.emissions_tCO2, 1)} t CO2/a)`
  );
}

/** CSV (comma, decimal point): one row per point, one column per capacity, e.g. `hp.power_kW`. */
export function paretoCsv(points: ParetoPoint[]): string {
  const cols = capacityColumns(points);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const lines = [
    [
      'kind',
      'co2Limit_t',
      'emissions_tCO2',
      'totalAnnualCost_EUR',
      ...cols.map((c) => `${c.techId}.${c.key}`),
    ].join(','),
    ...points.map((p) =>
      [
        p.kind,
        num(p.co2Limit_t),
        num(p.emissions_tCO2),
        num(p.totalAnnualCost_EUR),
        ...cols.map((c) => num(clean(p.capacities[c.techId]?.[c.key]))),
      ].join(','),
    ),
  ];
  return lines.join('\n') + '\n';
}

/**
 * The front as an aligned text table: CO2 limit, emissions, total annual cost, capacities; a point
 * that shows another point's plant is marked `*` and explained below the table, as is a clean end
 * sized within a tolerance of the least CO2.
 */
export function paretoTable(points: ParetoPoint[], cleanEndTolerance = 0): string {
  const cols = capacityColumns(points);
  const cell = (v: number | null | undefined, digits: number) =>
    v === null || v === undefined ? '–' : fixed(v, digits);
  const header = ['#', 'CO2 limit t/a', 'CO2 t/a', 'cost EUR/a', ...cols.map((c) => `${c.techId} ${c.unit}`)];
  const rows = points.map((p, i) => [
    p.plantOfPoint ? `${i + 1}*` : String(i + 1),
    p.co2Limit_t === null ? 'none' : cell(p.co2Limit_t, 1),
    cell(p.emissions_tCO2, 1),
    cell(p.totalAnnualCost_EUR, 0),
    ...cols.map((c) => cell(clean(p.capacities[c.techId]?.[c.key]), 1)),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((s, j) => s.padStart(widths[j])).join('  ');
  const notes = points.flatMap((p, i) => {
    const note = plantOfPointNote(p);
    return note ? [`* point ${i + 1}: ${note}`] : [];
  });
  const end = points[points.length - 1];
  if (cleanEndTolerance > 0 && end?.kind === 'minCo2' && end.minimumCo2_t !== undefined)
    notes.push(
      `point ${points.length}: the cheapest plant within ${fixed(cleanEndTolerance * 100, 1)} % of the front's CO2 range ` +
        `above the least CO2 any plant reaches (${fixed(end.minimumCo2_t, 1)} t/a)`,
    );
  return [line(header), ...rows.map(line), ...notes].join('\n') + '\n';
}

/**
 * --clean-end-tolerance SHARE: how far above the least CO2 the clean end may lie, as a share of the
 * front's CO2 range, from 0 (default: the strictly lexicographic end) to below 1; 0.01 is 1 %.
 */
function cleanEndToleranceOption(o: ParsedArgs['options']): number {
  const raw = o['clean-end-tolerance'];
  if (raw === undefined) return CLEAN_END_TOLERANCE;
  const v = Number(raw);
  if (!(typeof raw === 'string' && raw.trim() !== '' && v >= 0 && v < 1))
    throw new Error(
      '--clean-end-tolerance must be a share of the CO2 range from 0 to below 1, e.g. 0.01 for 1 %',
    );
  return v;
}

/**
 * `werkplan pareto P.json [options]` (see {@link PARETO_USAGE}):
 * the cost–CO2 front (default 5 points, aggregated mode) as a table on stdout, progress on stderr.
 */
export async function paretoCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, PARETO_OPTIONS);
  const [file] = parsed.positional;
  if (!file) throw new Error(PARETO_USAGE);
  const o = parsed.options;
  const solver = solverOption(o);
  const mode = modeOption(o, 'aggregated');
  const points = o.points === undefined ? 5 : Number(o.points);
  if (!(Number.isInteger(points) && points >= 2 && points <= 50))
    throw new Error('--points must be an integer from 2 to 50');
  const timeLimit = timeLimitOption(o);
  const typicalDays = typicalDaysOption(o);
  const out = stringOption(o, 'out');
  if (out !== undefined && !/\.(json|csv)$/i.test(out))
    throw new Error('--out must name a .json or .csv file');
  const scenario = stringOption(o, 'scenario');
  const cleanEndTolerance = cleanEndToleranceOption(o);
  const project = await loadProjectOrReport(file, io);
  if (!project) return 1;
  const front = await computeParetoFront(project, points, {
    scenarioId: scenario,
    solver,
    mode,
    timeLimit_s: timeLimit,
    typicalDays,
    cleanEndTolerance,
    // The points' full-year checks spread over worker threads, one per core.
    lpPool: (jobs) => nodeLpPool(jobs),
    onPoint: (p, k, n) =>
      io.stderr(
        `point ${k} of ${n}: ${p.kind === 'minCost' ? 'minimum cost' : p.kind === 'minCo2' ? 'minimum CO2' : `CO2 ≤ ${p.co2Limit_t!.toFixed(1)} t`} → ${fixed(p.emissions_tCO2, 1)} t CO2/a, ${p.totalAnnualCost_EUR.toFixed(0)} EUR/a\n`,
      ),
  });
  if (front.status !== 'optimal') {
    io.stderr(
      `werkplan pareto: no front (${front.status}):\n${front.reasons.map((m) => `  - ${m}`).join('\n')}\n`,
    );
    return 1;
  }
  io.stdout(
    `cost–CO2 front of ${project.name} (${scenario ?? 'base'}, ${mode}, ${solver}, ${front.seconds.toFixed(1)} s)` +
      (front.points.length === 1 ? ': one point, the cheapest plant is also the cleanest' : '') +
      `\n${paretoTable(front.points, cleanEndTolerance)}`,
  );
  if (out) {
    const text = /\.csv$/i.test(out)
      ? paretoCsv(front.points)
      : JSON.stringify(
          paretoDocument(front, {
            project: project.name,
            scenario: scenario ?? 'base',
            mode,
            solver,
            cleanEndTolerance,
          }),
          null,
          2,
        ) + '\n';
    await writeFile(out, text);
    io.stdout(`wrote ${out}\n`);
  }
  return 0;
}
