/**
 * `werkplan` command-line tool. Each command lives in its own file and registers here.
 * Contract: exit code 0 on success, non-zero on invalid input or no solution, reason on stderr.
 */
import { isSolverAbort } from '../lp/backend';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal: commands may redraw a status line there. */
  stderrIsTTY?: boolean;
}

export type CommandHandler = (args: string[], io: CliIo) => Promise<number>;

interface CommandSpec {
  summary: string;
  load: () => Promise<CommandHandler>;
}

const commands: Record<string, CommandSpec> = {
  validate: {
    summary: 'validate P.json                      check a project file',
    load: async () => (await import('./validate')).validateCommand,
  },
  solve: {
    summary:
      'solve P.json [--scenario ID] [--solver highs|glpk] [--mode aggregated|full] [--objective cost|co2] [--milp] [--mip-gap GAP] [--typical-days N] [--segments N] [--no-refine] [--workers N] [--time-limit S] [--out DIR]',
    load: async () => (await import('./solve')).solveCommand,
  },
  profile: {
    summary:
      'profile import FILE [--column NAME|INDEX] [--unit kW|kWh] [--scale W|kW|MW] [--timezone TZ] [--standard-time] [--stamp start|end] [--year Y] [--resolution MIN] --json',
    load: async () => (await import('./profile')).profileCommand,
  },
  report: {
    summary:
      'report P.json --format pdf|xlsx|csv --out FILE [--lang de|en] [--csv-style de|intl] [--csv-table summary|dispatch] [--scenario ID ...] [--mode aggregated|full] [--solver highs|glpk]',
    load: async () => (await import('./report')).reportCommand,
  },
  pareto: {
    summary:
      'pareto P.json [--scenario ID] [--points N] [--solver highs|glpk] [--mode aggregated|full] [--typical-days N] [--clean-end-tolerance SHARE] [--time-limit S] [--out FILE.json|FILE.csv]',
    load: async () => (await import('./pareto')).paretoCommand,
  },
  weather: {
    summary: 'weather [FILE] [--lat LAT --lon LON] [--region N] [--projection 2045] [--json]',
    load: async () => (await import('./weather')).weatherCommand,
  },
  yield: {
    summary:
      'yield pv --weather FILE|--lat LAT --lon LON --tilt DEG --azimuth DEG [--losses PCT] [--out FILE.csv] [--json]',
    load: async () => (await import('./weather')).yieldCommand,
  },
  network: {
    summary:
      'network design NET.geojson [--params P.json] [--buildings B.csv] [--project P.json] [--lang de|en] --out DIR',
    load: async () => (await import('./network')).networkCommand,
  },
  batch: {
    summary:
      'batch SPEC.json [--workers N] [--out DIR] [--chunk I/K | --chunks K] [--retry-failed] | batch merge DIR',
    load: async () => (await import('./batch')).batchCommand,
  },
  'export-lp': {
    summary:
      'export-lp P.json [--scenario ID] [--mode aggregated|full] [--milp] [--typical-days N] [--out FILE]',
    load: async () => (await import('./export-lp')).exportLpCommand,
  },
};

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
};

export function usage(): string {
  return [
    'usage: werkplan <command> [options]',
    '',
    ...Object.values(commands).map((c) => `  werkplan ${c.summary}`),
    '',
  ].join('\n');
}

/** What a command that failed with `message` prints; a HiGHS-WASM abort is explained. */
export function failureText(command: string, message: string): string {
  return (
    `werkplan ${command}: ${message}\n` +
    (isSolverAbort(message)
      ? '  HiGHS-WASM stopped, usually because its memory (at most 2 GiB) is not enough for this model. A smaller\n' +
        '  model helps: typical days instead of --mode full, fewer periods, or an hourly time step.\n'
      : '')
  );
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const spec = commands[name];
  if (!spec) {
    io.stderr(`werkplan: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    const handler = await spec.load();
    return await handler(rest, io);
  } catch (err) {
    io.stderr(failureText(name, err instanceof Error ? err.message : String(err)));
    return 1;
  }
}
