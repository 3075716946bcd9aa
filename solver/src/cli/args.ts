/** Minimal option parsing for the CLI: positional arguments and --name value / --flag. */
export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

export function parseArgs(args: string[], flags: string[] = []): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) options[name] = inline;
      else if (flags.includes(name)) options[name] = true;
      else {
        const v = args[i + 1];
        if (v === undefined || v.startsWith('--')) throw new Error(`option --${name} needs a value`);
        options[name] = v;
        i++;
      }
    } else positional.push(a);
  }
  return { positional, options };
}

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

export function unknownOptions(parsed: ParsedArgs, known: string[]): void {
  const extra = Object.keys(parsed.options).filter((k) => !known.includes(k));
  if (extra.length) throw new Error(`unknown option(s): ${extra.map((e) => `--${e}`).join(', ')}`);
}
