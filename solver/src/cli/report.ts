import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './main';
import { loadProjectOrReport } from './load';
import { modeOption, optionIn, parseArgs, solverOption, type OptionTable } from './args';
import { solveProject } from '../run/solve';
import { createBackend } from '../lp/index';
import { writeReport, type ReportRun } from '../report/index';
import { isPathResult } from '../results/views/path';

/** The options `werkplan report` accepts; every one of them is in {@link REPORT_USAGE}. */
export const REPORT_OPTIONS = {
  format: 'value',
  out: 'value',
  lang: 'value',
  'csv-style': 'value',
  'csv-table': 'value',
  mode: 'value',
  solver: 'value',
  scenario: 'values', // repeated: one --scenario per scenario in the report
} as const satisfies OptionTable;

export const REPORT_USAGE =
  'usage: werkplan report P.json --format pdf|xlsx|csv --out FILE [--lang de|en] [--csv-style de|intl] [--csv-table summary|dispatch] [--scenario ID ...] [--mode aggregated|full] [--solver highs|glpk]';

/**
 * `werkplan report P.json --format pdf|xlsx|csv --out FILE` solves the base and every scenario of
 * the project (or the ones given with --scenario, repeated) and writes the report (docs/reports.md).
 * When the base result is a transformation path (project `periods`), the report has its
 * Transformationsplan section; nothing is to be chosen for it.
 */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, REPORT_OPTIONS);
  const scenarios = parsed.lists.scenario ?? [];
  const [file, extra] = parsed.positional;
  if (!file || extra !== undefined) throw new Error(REPORT_USAGE);
  const o = parsed.options;
  if (o.format === undefined) throw new Error(`--format is required\n${REPORT_USAGE}`);
  const format = optionIn(o.format, ['pdf', 'xlsx', 'csv'] as const, 'format', 'pdf');
  if (typeof o.out !== 'string') throw new Error(`--out FILE is required\n${REPORT_USAGE}`);
  const lang = optionIn(o.lang, ['de', 'en'] as const, 'lang', 'de');
  const csvStyle = optionIn(
    o['csv-style'],
    ['de', 'intl'] as const,
    'csv-style',
    lang === 'de' ? 'de' : 'intl',
  );
  const csvTable = optionIn(o['csv-table'], ['summary', 'dispatch'] as const, 'csv-table', 'summary');
  const mode = modeOption(o, 'aggregated');
  const solver = solverOption(o);
  if (format !== 'csv' && (o['csv-style'] !== undefined || o['csv-table'] !== undefined))
    throw new Error('--csv-style and --csv-table apply to --format csv only');

  const project = await loadProjectOrReport(file, io);
  if (!project) return 1;
  const known = ['base', ...(project.scenarios ?? []).map((s) => s.id)];
  for (const id of scenarios)
    if (!known.includes(id)) throw new Error(`scenario '${id}' does not exist (known: ${known.join(', ')})`);
  const ids = scenarios.length ? ['base', ...scenarios.filter((s) => s !== 'base')] : known;

  const backend = await createBackend(solver);
  const runs: ReportRun[] = [];
  try {
    for (const id of ids) {
      const outcome = await solveProject(project, {
        scenarioId: id === 'base' ? undefined : id,
        mode,
        backend,
      });
      const r = outcome.results;
      // A transformation path is a solution even where no hourly dispatch of it was kept.
      const path = isPathResult(r);
      if (!outcome.dispatch && !path) {
        io.stderr(
          `werkplan report: scenario '${id}' has no solution (${r.status}):\n${outcome.reasons.map((m) => `  - ${m}`).join('\n')}\n`,
        );
        return 1;
      }
      const npc = r.objective.netPresentCost_EUR;
      io.stderr(
        `${id}: ${r.status}, ${r.objective.totalAnnualCost_EUR.toFixed(2)} EUR/a${path && npc !== undefined ? `, path of ${r.periods?.length} periods, net present cost ${npc.toFixed(2)} EUR` : ''} (${r.solve.seconds.toFixed(1)} s)\n`,
      );
      runs.push({
        scenarioId: id,
        scenarioName: id === 'base' ? 'base' : (project.scenarios?.find((s) => s.id === id)?.name ?? id),
        results: r,
        dispatch: outcome.dispatch ?? null,
      });
    }
  } finally {
    backend.dispose();
  }

  // The dispatch CSV holds one scenario: the first one given with --scenario, else the base.
  const csvScenario = scenarios.find((id) => id !== 'base') ?? 'base';
  const bytes = await writeReport({ project, runs }, { format, lang, csvStyle, csvTable, csvScenario });
  await mkdir(path.dirname(path.resolve(o.out)), { recursive: true });
  await writeFile(o.out, bytes);
  io.stdout(`wrote ${o.out} (${format}, ${lang}, ${bytes.length} bytes, ${runs.length} scenario(s))\n`);
  return 0;
}
