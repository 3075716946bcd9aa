import { writeFile } from 'node:fs/promises';
import type { CliIo } from './main';
import { loadProjectOrReport } from './load';
import { modeOption, parseArgs, stringOption, typicalDaysOption, type OptionTable } from './args';
import { buildModel, sizingSegments } from '../model/build';
import { toCplexLp } from '../lp/lpFormat';

/** The options `werkplan export-lp` accepts; every one of them is in {@link EXPORT_LP_USAGE}. */
export const EXPORT_LP_OPTIONS = {
  scenario: 'value',
  mode: 'value',
  out: 'value',
  milp: 'flag',
  'typical-days': 'value',
} as const satisfies OptionTable;

export const EXPORT_LP_USAGE =
  'usage: werkplan export-lp P.json [--scenario ID] [--mode aggregated|full] [--milp] [--typical-days N] [--out FILE]';

/** `werkplan export-lp P.json [options]` (see {@link EXPORT_LP_USAGE}): CPLEX LP text (default: full). */
export async function exportLpCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, EXPORT_LP_OPTIONS);
  const [file] = parsed.positional;
  if (!file) throw new Error(EXPORT_LP_USAGE);
  const o = parsed.options;
  const mode = modeOption(o, 'full');
  const typicalDays = typicalDaysOption(o);
  const out = stringOption(o, 'out');
  const project = await loadProjectOrReport(file, io);
  if (!project) return 1;
  const built = buildModel(project, {
    scenarioId: stringOption(o, 'scenario'),
    mode,
    milp: o.milp === true,
    typicalDays,
    // The aggregated model `solve` sizes on: time segments unless a MILP.
    segments: sizingSegments({ milp: o.milp === true }),
  });
  const text = toCplexLp(built.model);
  if (out !== undefined) {
    await writeFile(out, text);
    io.stderr(`wrote ${out}: ${built.model.colNames.length} columns, ${built.model.rowNames.length} rows\n`);
  } else io.stdout(text);
  return 0;
}
