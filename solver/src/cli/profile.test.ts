import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type CliIo } from './main';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-profile-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}

const file = (name: string, content: string | Uint8Array) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

/** The fields of `werkplan profile import --json` that these tests read. */
interface ImportJson {
  ok: boolean;
  energy_kWh: number;
  peak_kW: number;
  warnings: string[];
  columns?: { name: string; energy_kWh: number; peak_kW: number }[];
  error?: { message: string; line: number | null };
}
const parsed = (out: string) => JSON.parse(out) as ImportJson;

describe('werkplan profile import --json', () => {
  it('prints the contract fields for a German quarter-hour export', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => {
      const t = (i + 1) * 15;
      const time = `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
      return `01.01.2023;${time};${String((i + 1) * 0.25).replace('.', ',')}`;
    });
    const f = file('lastgang.csv', 'Datum;Uhrzeit;Verbrauch [kWh]\n' + rows.join('\n') + '\n');
    const r = await run('profile', 'import', f, '--json');
    expect(r.code).toBe(0);
    const j = parsed(r.out);
    expect(j).toMatchObject({
      ok: true,
      count: 8,
      resolution_min: 15,
      start: '2022-12-31T23:00:00Z',
      end: '2023-01-01T01:00:00Z',
      unit: 'kWh',
    });
    expect(j.energy_kWh).toBeCloseTo(9, 9); // 0.25 + 0.5 + … + 2.0
    expect(j.peak_kW).toBeCloseTo(8, 9); // 2 kWh in 15 min
    expect(Array.isArray(j.warnings)).toBe(true);
    expect(j.columns).toBeUndefined();
  });

  it('lists all value columns when there are several, and selects by --column', async () => {
    const f = file('zwei.csv', 'Zeit;Wärme [kW];Strom [kW]\n01.01.2023 00:00;10;1\n01.01.2023 01:00;30;3\n');
    const j = parsed((await run('profile', 'import', f, '--column', 'Strom [kW]', '--json')).out);
    expect(j.energy_kWh).toBe(4);
    expect(j.columns).toEqual([
      { name: 'Wärme [kW]', energy_kWh: 40, peak_kW: 30 },
      { name: 'Strom [kW]', energy_kWh: 4, peak_kW: 3 },
    ]);
  });

  it('answers ok: false with the line and exit code 1 for bad input', async () => {
    const f = file('kaputt.csv', 'Zeit;Leistung [kW]\n01.01.2023 00:00;1\n01.01.2023 01:00;abc\n');
    const r = await run('profile', 'import', f, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      ok: false,
      error: { message: "line 3, column 'Leistung [kW]': expected a number, found 'abc'", line: 3 },
    });
    const empty = await run('profile', 'import', file('leer.csv', ''), '--json');
    expect(JSON.parse(empty.out)).toEqual({ ok: false, error: { message: 'the file is empty', line: null } });
    const binary = await run(
      'profile',
      'import',
      file('x.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])),
      '--json',
    );
    expect(parsed(binary.out).ok).toBe(false);
    const missing = await run('profile', 'import', path.join(dir, 'nope.csv'), '--json');
    expect(parsed(missing.out).error?.message).toContain('ENOENT');
  });

  it('places a bare column on the current year without --year, and adds timeBasis and messages', async () => {
    const year = new Date().getFullYear();
    const hours = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 3_600_000;
    const f = file('spalte.csv', 'Wert\r\n' + Array.from({ length: hours }, () => '2,5').join('\r\n'));
    const j = parsed((await run('profile', 'import', f, '--json')).out) as ImportJson & {
      timeBasis: string;
      messages: { code: string; params: Record<string, unknown> }[];
    };
    expect(j).toMatchObject({ ok: true, count: hours, resolution_min: 60, unit: 'kW', peak_kW: 2.5 });
    expect(j.timeBasis).toBe('none');
    expect(j.messages.find((m) => m.code === 'noTimestamps')?.params.year).toBe(year);
    expect(j.warnings.join('\n')).toContain(`1 January ${year}`);
    const w = parsed((await run('profile', 'import', f, '--scale', 'MW', '--json')).out);
    expect(w.peak_kW).toBe(2500);
  });

  it('takes --year and --unit for a values-only file', async () => {
    const f = file('werte.txt', Array.from({ length: 8760 }, () => '2').join('\n'));
    const j = parsed((await run('profile', 'import', f, '--year', '2023', '--unit', 'kW', '--json')).out);
    expect(j).toMatchObject({
      ok: true,
      count: 8760,
      resolution_min: 60,
      unit: 'kW',
      energy_kWh: 17520,
      peak_kW: 2,
    });
  });
});
