import { writeFile } from 'node:fs/promises';
import type { CliIo } from './main';
import { loadProjectOrReport } from './load';
import { modeOption, parseArgs, stringOption, typicalDaysOption } from './args';
import { buildModel } from '../model/build';
import { toCplexLp } from '../lp/lpFormat';

/** `werkplan export-lp P.json [--scenario ID] [--mode aggregated|full] [--out FILE]`: CPLEX LP text (default: full). */
export async function exportLpCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    scenario: 'value',
    mode: 'value',
    out: 'value',
    milp: 'flag',
    'typical-days': 'value',
  });
  const [file] = parsed.positional;
  if (!file)
    throw new Error('usage: werkplan export-lp P.json [--scenario ID] [--mode aggregated|full] [--out FILE]');
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
  });
  const text = toCplexLp(built.model);
  if (out !== undefined) {
    await writeFile(out, text);
    io.stderr(`wrote ${out}: ${built.model.colNames.length} columns, ${built.model.rowNames.length} rows\n`);
  } else io.stdout(text);
  return 0;
}
