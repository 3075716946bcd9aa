import { writeFile } from 'node:fs/promises';
import type { CliIo } from './main';
import { loadProjectOrReport } from './load';
import { optionIn, parseArgs, unknownOptions } from './args';
import { buildModel } from '../model/build';
import { toCplexLp } from '../lp/lpFormat';

/** `werkplan export-lp P.json [--scenario ID] [--mode aggregated|full] [--out FILE]`: CPLEX LP text (default: full). */
export async function exportLpCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['milp']);
  unknownOptions(parsed, ['scenario', 'mode', 'out', 'milp', 'typical-days']);
  const [file] = parsed.positional;
  if (!file)
    throw new Error('usage: werkplan export-lp P.json [--scenario ID] [--mode aggregated|full] [--out FILE]');
  const o = parsed.options;
  const mode = optionIn(o.mode, ['aggregated', 'full'] as const, 'mode', 'full');
  const project = await loadProjectOrReport(file, io);
  if (!project) return 1;
  const built = buildModel(project, {
    scenarioId: typeof o.scenario === 'string' ? o.scenario : undefined,
    mode,
    milp: o.milp === true,
    typicalDays: o['typical-days'] === undefined ? undefined : Number(o['typical-days']),
  });
  const text = toCplexLp(built.model);
  if (typeof o.out === 'string') {
    await writeFile(o.out, text);
    io.stderr(
      `wrote ${o.out}: ${built.model.colNames.length} columns, ${built.model.rowNames.length} rows\n`,
    );
  } else io.stdout(text);
  return 0;
}
