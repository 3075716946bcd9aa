import { parseArgs as parseNodeArgs } from 'node:util';

/**
 * Option parsing for every CLI command, on Node's own `util.parseArgs`: each command declares its
 * options in a table, and the options several commands share are read and checked here once, with
 * the messages the CLI has always printed ("option --mode needs a value", "unknown option(s): --x",
 * "--solver must be one of highs, glpk").
 */

/** How an option is given: a flag without a value, one value (the last one counts) or repeated values. */
export type OptionKind = 'flag' | 'value' | 'values';
export type OptionTable = Record<string, OptionKind>;

export interface ParsedArgs {
  positional: string[];
  /** The last value of each value option; `true` for a flag (`--flag=x` keeps x, which is not `true`). */
  options: Record<string, string | true>;
  /** Every value of a repeated option ('values'), in order. */
  lists: Record<string, string[]>;
}

/** The options of solving commands (solve, pareto, export-lp, report), declared once. */
export const SOLVE_OPTIONS = {
  scenario: 'value',
  solver: 'value',
  mode: 'value',
  'time-limit': 'value',
  'typical-days': 'value',
  out: 'value',
} as const satisfies OptionTable;

export function parseArgs(args: string[], table: OptionTable): ParsedArgs {
  const { tokens } = parseNodeArgs({
    args,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: Object.fromEntries(
      Object.entries(table).map(([name, kind]) => [
        name,
        { type: kind === 'flag' ? ('boolean' as const) : ('string' as const), multiple: kind === 'values' },
      ]),
    ),
  });
  const parsed: ParsedArgs = { positional: [], options: {}, lists: {} };
  const unknown: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') parsed.positional.push(token.value);
    if (token.kind !== 'option') continue;
    const kind = table[token.name];
    if (kind === undefined) {
      unknown.push(token.rawName);
      continue;
    }
    if (kind === 'flag') {
      parsed.options[token.name] = token.value ?? true;
      continue;
    }
    // a value option needs a value: the next argument, unless that is another option
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
      throw new Error(`option --${token.name} needs a value`);
    parsed.options[token.name] = token.value;
    (parsed.lists[token.name] ??= []).push(token.value);
  }
  if (unknown.length) throw new Error(`unknown option(s): ${unknown.join(', ')}`);
  return parsed;
}

/** A value from a fixed list (the fallback when the option is absent). */
export function optionIn<T extends string>(
  value: string | true | undefined,
  allowed: readonly T[],
  name: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (value === true || !(allowed as readonly string[]).includes(value))
    throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** The string value of an option, or undefined when it is absent. */
export const stringOption = (o: ParsedArgs['options'], name: string): string | undefined =>
  typeof o[name] === 'string' ? o[name] : undefined;

/** --time-limit S: a positive number of seconds. */
export function timeLimitOption(o: ParsedArgs['options']): number | undefined {
  if (o['time-limit'] === undefined) return undefined;
  const v = Number(o['time-limit']);
  if (!(v > 0)) throw new Error('--time-limit must be a positive number of seconds');
  return v;
}

/** --typical-days N: an integer from 1 to 366. */
export function typicalDaysOption(o: ParsedArgs['options']): number | undefined {
  if (o['typical-days'] === undefined) return undefined;
  const v = Number(o['typical-days']);
  if (!(Number.isInteger(v) && v >= 1 && v <= 366))
    throw new Error('--typical-days must be an integer from 1 to 366');
  return v;
}

/** --segments N: steps per typical day, an integer from 1 to 24 (24: hourly typical days). */
export function segmentsOption(o: ParsedArgs['options']): number | undefined {
  if (o.segments === undefined) return undefined;
  const v = Number(o.segments);
  if (!(Number.isInteger(v) && v >= 1 && v <= 24))
    throw new Error('--segments must be an integer from 1 to 24');
  return v;
}

/**
 * --workers N for `solve`: worker threads for a path's full-year checks, a whole number from 1 to 256
 * (1: in the command's own thread); absent: one per core.
 */
export function solveWorkersOption(o: ParsedArgs['options']): number | undefined {
  if (o.workers === undefined) return undefined;
  const v = Number(o.workers);
  if (!(typeof o.workers === 'string' && Number.isInteger(v) && v >= 1 && v <= 256))
    throw new Error('--workers must be a whole number from 1 to 256');
  return v;
}

/** --solver highs|glpk (default highs) and --mode aggregated|full (default as the command says). */
export function solverOption(o: ParsedArgs['options']): 'highs' | 'glpk' {
  return optionIn(o.solver, ['highs', 'glpk'] as const, 'solver', 'highs');
}
export function modeOption(o: ParsedArgs['options'], fallback: 'aggregated' | 'full'): 'aggregated' | 'full' {
  return optionIn(o.mode, ['aggregated', 'full'] as const, 'mode', fallback);
}
