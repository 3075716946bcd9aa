import { mkdir, writeFile } from 'node:fs/promises';
import { solveStatus } from './solveProgress';
import path from 'node:path';
import type { CliIo } from './main';
import type { Results } from '../results/results';
import { loadProjectOrReport } from './load';
import {
  modeOption,
  optionIn,
  parseArgs,
  SOLVE_OPTIONS,
  solverOption,
  stringOption,
  timeLimitOption,
  typicalDaysOption,
  segmentsOption,
  solveWorkersOption,
  type OptionTable,
} from './args';
import { nodeLpPool } from '../run/blockPool.node';
import { solveProject } from '../run/solve';
import { EXACT_PATH_MINUTES_MEASURED } from '../run/path';
import { dispatchCsv } from '../results/views';
import { fieldUnit } from '../results/capacity';
import { fixed } from './numbers';
import { pathSummaryText } from './pathText';

/** The options `werkplan solve` accepts; every one of them is in {@link SOLVE_USAGE}. */
export const SOLVE_COMMAND_OPTIONS = {
  ...SOLVE_OPTIONS,
  milp: 'flag',
  'no-refine': 'flag',
  segments: 'value',
  workers: 'value',
  'mip-gap': 'value',
  objective: 'value',
} as const satisfies OptionTable;

export const SOLVE_USAGE =
  'usage: werkplan solve P.json [--scenario ID] [--solver highs|glpk] [--mode aggregated|full] [--objective cost|co2] [--milp] [--mip-gap GAP] [--typical-days N] [--segments N] [--no-refine] [--workers N] [--time-limit S] [--out DIR]';

/**
 * `werkplan solve P.json [options]` (see {@link SOLVE_USAGE}) writes DIR/results.json and
 * DIR/dispatch.csv (default DIR: ./results).
 */
export async function solveCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, SOLVE_COMMAND_OPTIONS);
  const [file] = parsed.positional;
  if (!file) throw new Error(SOLVE_USAGE);
  const o = parsed.options;
  const solver = solverOption(o);
  const mode = modeOption(o, 'aggregated');
  const objective = optionIn(o.objective, ['cost', 'co2'] as const, 'objective', 'cost');
  const timeLimit = timeLimitOption(o);
  const typicalDays = typicalDaysOption(o);
  const segments = segmentsOption(o);
  const workers = solveWorkersOption(o);
  const mipGap = o['mip-gap'] === undefined ? undefined : Number(o['mip-gap']);
  if (mipGap !== undefined && !(mipGap >= 0 && mipGap < 1))
    throw new Error('--mip-gap must be a relative gap such as 0.01');
  const out = stringOption(o, 'out') ?? 'results';
  const project = await loadProjectOrReport(file, io);
  if (!project) return 1;
  const periods = project.periods?.years.length ?? 1;
  if (mode === 'full' && periods > 1)
    io.stderr(
      `note: --mode full solves all hours of the path's ${periods} periods as one LP; the five-period example ` +
        `had no answer after ${EXACT_PATH_MINUTES_MEASURED} min on 2 cores (docs/solvers.md). The default, ` +
        'typical days with a full-year check per period, takes about 25 s.\n',
    );
  const status = solveStatus(io.stderr, io.stderrIsTTY === true, (id) =>
    fieldUnit(project.technologies.find((t) => t.id === id)?.type, 'power_kW'),
  );
  const outcome = await solveProject(project, {
    scenarioId: stringOption(o, 'scenario'),
    solver,
    mode,
    objective,
    timeLimit_s: timeLimit,
    milp: o.milp === true,
    mipGap,
    typicalDays,
    segments,
    // Aggregated mode refines the typical-day capacities over the full year unless told not to.
    refine: o['no-refine'] !== true,
    // A path's full-year checks spread over worker threads, one per core unless --workers says.
    lpPool: (jobs) => nodeLpPool(jobs, workers),
    onProgress: status.onProgress,
  }).finally(status.end);
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'results.json'), JSON.stringify(outcome.results, null, 2) + '\n');
  if (outcome.dispatch) await writeFile(path.join(out, 'dispatch.csv'), dispatchCsv(outcome.dispatch));
  const r = outcome.results;
  if (!outcome.dispatch) {
    io.stderr(
      `werkplan solve: no solution (${r.status}):\n${outcome.reasons.map((m) => `  - ${m}`).join('\n')}\n`,
    );
    return 1;
  }
  io.stdout(
    `${r.status}: total annual cost ${r.objective.totalAnnualCost_EUR.toFixed(2)} EUR/a, ${fixed(r.emissions_tCO2, 1)} t CO2/a (${r.solve.mode}${r.solve.sizing ? ` on ${r.solve.sizing.typicalPeriods} typical days${r.solve.sizing.segmentsPerPeriod ? ` × ${r.solve.sizing.segmentsPerPeriod} segments` : ''} + full-year check${r.solve.refinement ? ' + refinement' : ''}` : ''}, ${r.solve.solver}, ${r.solve.seconds.toFixed(1)} s)\n` +
      Object.entries(r.capacities)
        .map(([id, c]) => {
          // The plant as the project names it (its id in brackets for scripts), each size in its unit.
          const tech = project.technologies.find((t) => t.id === id);
          const label = tech?.name && tech.name !== id ? `${tech.name} (${id})` : id;
          const sizes = (['power_kW', 'energy_kWh', 'area_m2'] as const)
            .filter((f) => c[f] !== undefined)
            .map((f) => `${(c[f] ?? 0).toFixed(1)} ${fieldUnit(tech?.type, f)}`);
          return `  ${label}: ${sizes.join(', ')}`;
        })
        .join('\n') +
      `\n${boundsLine(r)}${networkLine(r)}${pathSummaryText(r, project)}${r.warnings.map((w) => `warning: ${w}\n`).join('')}wrote ${path.join(out, 'results.json')} and ${path.join(out, 'dispatch.csv')}\n`,
  );
  return 0;
}

/** The proven bounds of the answer: the rolling MILP dispatch's, the full-year refinement's or the full mode's. */
export function boundsLine(r: Results): string {
  const m = r.solve.dispatchMilp;
  if (m && m.gap !== null && m.lowerBound_EUR !== null)
    return (
      `  full-year MILP dispatch: ${m.windows} windows of ${m.window_h} h (+${m.overlap_h} h look-ahead), ` +
      `at most ${(100 * m.gap).toFixed(2)} % above the LP bound ${m.lowerBound_EUR.toFixed(2)} EUR/a; ` +
      `hours below minimum load: ${m.checkHoursBelowMinLoad} in the LP check, ${m.hoursBelowMinLoad ?? 0} in the plan\n`
    );
  const f = r.solve.refinement;
  if (f && r.solve.fullYearCheck) {
    const where = f.proven
      ? 'the proven full-year optimum'
      : f.gap !== null && f.gap < 1 && f.lowerBound_EUR !== null
        ? `at most ${(100 * f.gap).toFixed(2)} % above the proven bound ${f.lowerBound_EUR.toFixed(2)} EUR/a`
        : 'no useful bound yet';
    return (
      `  full-year refinement: ${f.steps} step${f.steps === 1 ? '' : 's'} from the check's ${r.solve.fullYearCheck.objective_EUR.toFixed(2)} ` +
      `to ${f.objective_EUR.toFixed(2)} EUR/a, ${where}\n`
    );
  }
  const b = r.solve.bounds_EUR;
  if (b && r.solve.gap !== null)
    return `  proven lower bound ${b.lower.toFixed(2)} EUR/a (gap ${(100 * r.solve.gap).toExponential(1)} %, ${b.iterations} iterations, ${r.solve.method ?? 'decomposition'})\n`;
  return '';
}

/** One line on the heat network the plants were sized for, when the project has one. */
function networkLine(r: Results): string {
  const n = r.network?.summary;
  if (!n) return '';
  return (
    `  heat network: ${n.buildings} buildings, trunk ${n.trunkLength_m.toFixed(0)} m, ` +
    `losses ${n.heatLoss_MWh_a.toFixed(1)} MWh/a (${(100 * n.heatLossShare).toFixed(1)} %), ` +
    `pumps ${n.pumpElectricity_MWh_a.toFixed(2)} MWh/a, investment ${n.investment_EUR.toFixed(0)} EUR\n` +
    (r.network?.byYear ?? [])
      .map(
        (y) =>
          `    ${y.year}: ${y.supplyTemperature_C}/${y.returnTemperature_C} °C, losses ${y.heatLoss_MWh_a.toFixed(1)} MWh/a (${(100 * y.heatLossShare).toFixed(1)} %), pumps ${y.pumpElectricity_MWh_a.toFixed(2)} MWh/a\n`,
      )
      .join('')
  );
}
