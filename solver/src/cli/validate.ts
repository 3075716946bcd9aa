import type { CliIo } from './main';
import { loadProject, ProjectLoadError } from './load';
import { parseArgs, unknownOptions } from './args';
import { hoursInYear } from '../project/calendar';

/** `werkplan validate P.json`: exit 0 and a summary when valid; located errors on stderr otherwise. */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  unknownOptions(parsed, []);
  const [file] = parsed.positional;
  if (!file) throw new Error('usage: werkplan validate P.json');
  try {
    const p = await loadProject(file);
    io.stdout(
      `${file}: valid project format v${p.formatVersion} "${p.name}": ${p.technologies.length} technologies, ${Object.keys(p.timeSeries).length} time series (${hoursInYear(p.site.year)} h), ${(p.scenarios ?? []).length} scenario(s)\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof ProjectLoadError) {
      io.stderr(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
