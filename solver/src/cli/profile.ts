import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import type { CliIo } from './main';
import { parseArgs, optionIn, type OptionTable } from './args';
import { importProfileStream, ImportError, type ImportSettings } from '../profiles/import/parse';
import { importXlsx } from '../profiles/import/xlsx';

/**
 * `werkplan profile import FILE [--column NAME|INDEX] [--unit kW|kWh] [--timezone TZ] [--year Y]
 * [--resolution MIN] [--standard-time] [--stamp start|end] [--scale W|kW|MW] --json`: prints one JSON object with ok,
 * count, resolution_min, start, end, unit, energy_kWh, peak_kW, warnings, timeBasis, messages (and
 * columns when there are several), or ok: false with error { message, line } and exit code 1.
 */
export const PROFILE_OPTIONS: OptionTable = {
  column: 'value',
  unit: 'value',
  scale: 'value',
  timezone: 'value',
  'standard-time': 'flag',
  stamp: 'value',
  year: 'value',
  resolution: 'value',
  json: 'flag',
};

export const PROFILE_USAGE =
  'usage: werkplan profile import FILE [--column NAME|INDEX] [--unit kW|kWh] [--scale W|kW|MW] [--timezone TZ] [--standard-time] [--stamp start|end] [--year Y] [--resolution MIN] --json';

export async function profileCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import') throw new Error(PROFILE_USAGE);
  const parsed = parseArgs(rest, PROFILE_OPTIONS);
  const [file] = parsed.positional;
  if (!file) throw new Error(PROFILE_USAGE);
  const o = parsed.options;
  const json = o.json === true;
  const fail = (message: string, line: number | null) => {
    if (json) io.stdout(JSON.stringify({ ok: false, error: { message, line } }) + '\n');
    else io.stderr(`${file}${line ? `:${line}` : ''}: ${message}\n`);
    return 1;
  };
  const settings: ImportSettings = {};
  if (typeof o.column === 'string') settings.column = /^\d+$/.test(o.column) ? Number(o.column) : o.column;
  if (o.unit !== undefined) settings.unit = optionIn(o.unit, ['kW', 'kWh'] as const, 'unit', 'kW');
  if (o.scale !== undefined) settings.scale = optionIn(o.scale, ['W', 'kW', 'MW'] as const, 'scale', 'kW');
  if (typeof o.timezone === 'string') settings.timeZone = o.timezone;
  if (o['standard-time'] === true) settings.standardTime = true;
  if (o.stamp !== undefined) settings.stamp = optionIn(o.stamp, ['start', 'end'] as const, 'stamp', 'start');
  for (const [key, name] of [
    ['year', 'year'],
    ['resolution', 'resolution_min'],
  ] as const) {
    if (o[key] === undefined) continue;
    const v = Number(o[key]);
    if (!Number.isInteger(v) || v <= 0) return fail(`--${key} must be a positive whole number`, null);
    (settings as Record<string, number>)[name] = v;
  }
  // A file without timestamps is placed on the given year, else on the current one (the warning names it).
  settings.year ??= new Date().getFullYear();
  // .xlsx is a zip file ("PK\x03\x04"): read it whole; text files are streamed with bounded memory.
  let magic: Uint8Array;
  try {
    const fh = await open(file, 'r');
    const buf = new Uint8Array(4);
    await fh.read(buf, 0, 4, 0);
    await fh.close();
    magic = buf;
  } catch (err) {
    return fail(
      `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      null,
    );
  }
  try {
    const isXlsx =
      /\.xlsx$/i.test(file) || (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 3 && magic[3] === 4);
    const r = isXlsx
      ? await importXlsx(await readWhole(file), settings)
      : await importProfileStream(
          createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
          settings,
        );
    const c = r.columns[r.selected];
    const out: Record<string, unknown> = {
      ok: true,
      count: r.count,
      resolution_min: r.resolution_min,
      start: r.start,
      end: r.end,
      unit: c.unit,
      energy_kWh: c.energy_kWh,
      peak_kW: c.peak_kW,
      warnings: r.warnings,
      // Additions: how the stamps were read, and the warnings as code + params (for translation).
      timeBasis: r.timeBasis,
      messages: r.messages,
    };
    if (r.columns.length > 1)
      out.columns = r.columns.map((col) => ({
        name: col.name,
        energy_kWh: col.energy_kWh,
        peak_kW: col.peak_kW,
      }));
    if (json) io.stdout(JSON.stringify(out) + '\n');
    else
      io.stdout(
        `${file}: ${r.count} × ${r.resolution_min} min from ${r.start} to ${r.end}, ${c.name}: ${c.energy_kWh.toFixed(1)} kWh, peak ${c.peak_kW.toFixed(1)} kW\n${r.warnings.map((w) => `warning: ${w}\n`).join('')}`,
      );
    return 0;
  } catch (err) {
    if (err instanceof ImportError) return fail(err.message, err.line ?? null);
    throw err;
  }
}

async function readWhole(file: string): Promise<Uint8Array> {
  const { readFile } = await import('node:fs/promises');
  return new Uint8Array(await readFile(file));
}
