import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './main';
import { loadProjectOrReport } from './load';
import { optionIn, parseArgs, unknownOptions } from './args';
import { solveProject } from '../run/solve';
import { dispatchCsv } from '../results/views';
import { fieldUnit } from '../results/capacity';

/**
 * `werkplan solve P.json [--scenario ID] [--solver highs|glpk] [--mode aggregated|full] [--time-limit S] [--out DIR]`
 * writes DIR/results.json and DIR/dispatch.csv (default DIR: ./results).
 */
export async function solveCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['milp']);
  unknownOptions(parsed, [
    'scenario',
    'solver',
    'mode',
    'time-limit',
    'out',
    'milp',
    'mip-gap',
    'typical-days',
    'objective',
  ]);
  const [file] = parsed.positional;
  if (!file)
    throw new Error(
      'usage: werkplan solve P.json [--scenario ID] [--solver highs|glpk] [--mode aggregated|full] [--time-limit S] [--out DIR]',
    );
  const o = parsed.options;
  const solver = optionIn(o.solver, ['highs', 'glpk'] as const, 'solver', 'highs');
  const mode = optionIn(o.mode, ['aggregated', 'full'] as const, 'mode', 'aggregated');
  const objective = optionIn(o.objective, ['cost', 'co2'] as const, 'objective', 'cost');
  const timeLimit = o['time-limit'] === undefined ? undefined : Number(o['time-limit']);
  if (timeLimit !== undefined && !(timeLimit > 0))
    throw new Error('--time-limit must be a positive number of seconds');
  const typicalDays = o['typical-days'] === undefined ? undefined : Number(o['typical-days']);
  if (typicalDays !== undefined && !(Number.isInteger(typicalDays) && typicalDays >= 1 && typicalDays <= 366))
    throw new Error('--typical-days must be an integer from 1 to 366');
  const mipGap = o['mip-gap'] === undefined ? undefined : Number(o['mip-gap']);
  if (mipGap !== undefined && !(mipGap >= 0 && mipGap < 1))
    throw new Error('--mip-gap must be a relative gap such as 0.01');
  const out = typeof o.out === 'string' ? o.out : 'results';
  const project = await loadProjectOrReport(file, io);
  if (!project) return 1;
  const outcome = await solveProject(project, {
    scenarioId: typeof o.scenario === 'string' ? o.scenario : undefined,
    solver,
    mode,
    objective,
    timeLimit_s: timeLimit,
    milp: o.milp === true,
    mipGap,
    typicalDays,
  });
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
    `${r.status}: total annual cost ${r.objective.totalAnnualCost_EUR.toFixed(2)} EUR/a, ${r.emissions_tCO2.toFixed(1)} t CO2/a (${r.solve.mode}${r.solve.sizing ? ` on ${r.solve.sizing.typicalPeriods} typical days + full-year check` : ''}, ${r.solve.solver}, ${r.solve.seconds.toFixed(1)} s)\n` +
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
      `\n${r.warnings.map((w) => `warning: ${w}\n`).join('')}wrote ${path.join(out, 'results.json')} and ${path.join(out, 'dispatch.csv')}\n`,
  );
  return 0;
}
