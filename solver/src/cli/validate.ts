import type { CliIo } from './main';
import { loadProjectOrReport } from './load';
import { parseArgs } from './args';
import { hoursInYear } from '../project/calendar';

/** `werkplan validate P.json`: exit 0 and a summary when valid; located errors on stderr otherwise. */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {});
  const [file] = parsed.positional;
  if (!file) throw new Error('usage: werkplan validate P.json');
  const p = await loadProjectOrReport(file, io);
  if (!p) return 1;
  io.stdout(
    `${file}: valid project format v${p.formatVersion} "${p.name}": ${p.technologies.length} technologies, ${Object.keys(p.timeSeries).length} time series (${hoursInYear(p.site.year, p.site.timeZone)} h${p.site.timeStep_min === 15 ? ', modelled in 15-minute steps' : ''}), ${(p.scenarios ?? []).length} scenario(s)\n`,
  );
  return 0;
}
