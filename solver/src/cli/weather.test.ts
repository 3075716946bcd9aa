import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli as run } from './testing';

const shared = (f: string) => path.resolve(__dirname, '../../../../shared/data/weather', f);
let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-weather-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEYS = [
  'source',
  'attribution',
  'latitude',
  'longitude',
  'region',
  'timeBasis',
  'hours',
  'meanTemperature_C',
  'globalHorizontal_kWh_m2',
];

/** The JSON the two commands print (their contracts). */
interface CommandJson {
  source: string;
  attribution: string;
  latitude: number;
  longitude: number;
  region: { number: number; place: string; year: number; distance_km: number; chosen: boolean } | null;
  timeBasis: string;
  hours: number;
  meanTemperature_C: number;
  globalHorizontal_kWh_m2: number;
  annual_kWh_per_kWp: number;
}
const parseJson = (text: string) => JSON.parse(text) as CommandJson;

describe('werkplan weather', () => {
  it('with no FILE reports the TRY the app picks for the site, with the DWD note', async () => {
    const r = await run('weather', '--lat', '52.52', '--lon', '13.405', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = parseJson(r.out);
    expect(Object.keys(j)).toEqual(KEYS);
    expect(j).toMatchObject({
      source: 'DWD TRY2015 region 04 Potsdam (Nordostdeutsches Tiefland)',
      attribution: 'Quelle: Deutscher Wetterdienst',
      latitude: 52.3938,
      longitude: 13.0651,
      region: { number: 4, place: 'Potsdam', year: 2015, distance_km: 27, chosen: false },
      hours: 8760,
      meanTemperature_C: 9.939,
      globalHorizontal_kWh_m2: 1059.2,
    });
    expect(j.timeBasis).toMatch(/^CET \(UTC\+1\) all year/);
  });

  it('--projection 2045 and --region N pick the projection and another region', async () => {
    const p = parseJson(
      (await run('weather', '--lat', '52.52', '--lon', '13.405', '--projection', '2045', '--json')).out,
    );
    expect(p.source).toMatch(/^DWD TRY2045 region 04 Potsdam/);
    expect(p.meanTemperature_C).toBeCloseTo(11.093, 3);
    const m = parseJson(
      (await run('weather', '--lat', '52.52', '--lon', '13.405', '--region', '12', '--json')).out,
    );
    expect(m.region).toMatchObject({ number: 12, place: 'Mannheim', chosen: true });
  });

  it('reports a FILE: a PVGIS TMY is no TRY region and states its time basis', async () => {
    const r = await run('weather', shared('tmy_45.000_8.000_2005_2023.csv'), '--json');
    expect(r.code).toBe(0);
    const j = parseJson(r.out);
    expect(Object.keys(j)).toEqual(KEYS);
    expect(j).toMatchObject({
      source: 'PVGIS TMY 45.000 N 8.000 E',
      attribution: 'PVGIS © European Union, 2001–2025',
      latitude: 45,
      longitude: 8,
      region: null,
      hours: 8760,
      meanTemperature_C: 13.564,
    });
    expect(j.timeBasis).toContain('HH:00 + 0.1761 h');
  });

  it('an original DWD TRY file names its region', async () => {
    const r = await run('weather', shared('TRY2015_523938130651_Jahr.dat'), '--json');
    expect(parseJson(r.out).region).toMatchObject({ number: 4, year: 2015, distance_km: 0 });
  });

  it('without --json prints a short summary with the source note', async () => {
    const r = await run('weather', '--lat', '48.14', '--lon', '11.58');
    expect(r.code).toBe(0);
    expect(r.out).toContain('DWD TRY2015 region 13 Mühldorf');
    expect(r.out).toMatch(/nearest to the site, 7\d\.\d km from the site/);
    expect(r.out).toContain('Quelle: Deutscher Wetterdienst');
    expect(r.out).toMatch(/^ {2}month +Jan +Feb .* Dec$/m);
    expect(r.out.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
  });

  it('errors are one clear line with exit code 1', async () => {
    for (const [args, message] of [
      [['weather'], "give a weather FILE or the site's --lat and --lon"],
      [['weather', '--lat', '100', '--lon', '3'], "--lat must be a number from -90 to 90, not '100'"],
      [['weather', '--lat', '52', '--lon', '13', '--projection', '2030'], '--projection must be 2045'],
      [['weather', '--lat', '52', '--lon', '13', '--region', '16'], '--region must be a number from 1 to 15'],
      [['weather', shared('tmy_45.000_8.000_2005_2023.csv'), '--lat', '52'], 'not both'],
      [['weather', path.join(dir, 'nope.csv')], 'ENOENT'],
      [['weather', '--colour', 'blau'], 'unknown option(s): --colour'],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('werkplan yield pv', () => {
  it('Potsdam, south 35°, 14 % losses: annual kWh/kWp and the hourly series with UTC timestamps', async () => {
    const out = path.join(dir, 'pv.csv');
    const args = ['--tilt', '35', '--azimuth', '180', '--losses', '14', '--out', out, '--json'];
    const r = await run('yield', 'pv', '--lat', '52.39', '--lon', '13.07', ...args);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = parseJson(r.out);
    expect(Object.keys(j)).toEqual(['annual_kWh_per_kWp']);
    expect(j.annual_kWh_per_kWp).toBeGreaterThan(900);
    expect(j.annual_kWh_per_kWp).toBeLessThan(1150);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('time_utc,pv_kWh_per_kWp');
    expect(lines).toHaveLength(8761);
    // TRY hour 1 of 1 January (CET, hour-ending) starts at 23:00 UTC the day before.
    expect(lines[1]).toBe('2000-12-31T23:00:00Z,0');
    expect(lines[2].startsWith('2001-01-01T00:00:00Z,')).toBe(true);
    const total = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[1]), 0);
    expect(total).toBeCloseTo(j.annual_kWh_per_kWp, 0);
    // The same weather from the original file gives the same yield.
    const f = await run(
      'yield',
      'pv',
      '--weather',
      shared('TRY2015_523938130651_Jahr.dat'),
      ...args.slice(0, 6),
      '--json',
    );
    expect(parseJson(f.out).annual_kWh_per_kWp).toBe(j.annual_kWh_per_kWp);
  });

  it('the same PVGIS year gives the same yield from CSV, JSON and EPW', async () => {
    const y = async (f: string) =>
      parseJson(
        (
          await run(
            'yield',
            'pv',
            '--weather',
            shared(f),
            '--tilt',
            '30',
            '--azimuth',
            '180',
            '--losses',
            '14',
            '--json',
          )
        ).out,
      ).annual_kWh_per_kWp;
    const csv = await y('tmy_45.000_8.000_2005_2023.csv');
    expect(await y('tmy_45.000_8.000_2005_2023.json')).toBe(csv);
    expect(Math.abs((await y('tmy_45.000_8.000_2005_2023.epw')) - csv)).toBeLessThan(0.5); // EPW wind to 0.1 m/s
  });

  it('without --json prints a summary with the processed-data note; errors are one line', async () => {
    const r = await run(
      'yield',
      'pv',
      '--lat',
      '52.39',
      '--lon',
      '13.07',
      '--tilt',
      '35',
      '--azimuth',
      '180',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^PV 35° tilt, azimuth 180° \(180 = south\), 14 % losses: \d+ kWh\/kWp a year/);
    expect(r.out).toContain('Datenbasis: Deutscher Wetterdienst, Werte verarbeitet');
    for (const [args, message] of [
      [['yield', 'wind'], 'usage: werkplan yield pv'],
      [
        ['yield', 'pv', '--lat', '52', '--lon', '13'],
        '--tilt DEG and --azimuth DEG (180 = south) are required',
      ],
      [
        ['yield', 'pv', '--lat', '52', '--lon', '13', '--tilt', '95', '--azimuth', '180'],
        '--tilt must be a number from 0 to 90',
      ],
      [
        ['yield', 'pv', '--lat', '52', '--lon', '13', '--tilt', '30', '--azimuth', '180', '--losses', 'x'],
        '--losses must be a number from 0 to 100',
      ],
    ] as const) {
      const e = await run(...args);
      expect(e.code, args.join(' ')).toBe(1);
      expect(e.err).toContain(message);
      expect(e.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
