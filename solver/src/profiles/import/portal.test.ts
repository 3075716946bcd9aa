import { describe, expect, it } from 'vitest';
import { importProfile, importProfileStream, ImportError } from './parse';

/** Windows-1252 bytes for a string of Latin-1 characters. */
const cp1252 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('profile import: German portal exports', () => {
  it('reads quoted fields, CRLF and a text column ("ok, checked") beside the values', () => {
    const text = crlf([
      '"Netzbetreiber";"Stadtwerke Musterstadt GmbH"',
      '"Zählpunkt";"DE0001234567890000000000000123456"',
      '"Zeitraum";"01.01.2024 - 01.01.2024"',
      '"Erstellt am";"05.01.2024 10:00";"Version";"2";""',
      '',
      '"Datum";"Uhrzeit";"Wirkleistung [kW]";"Status";"Bemerkung"',
      '"01.01.2024";"00:00";"12,5";"W";"ok, checked"',
      '"01.01.2024";"00:15";"13,0";"W";"ok, checked"',
      '"01.01.2024";"00:30";"1.012,75";"E";"Ersatzwert, geschätzt"',
      '"01.01.2024";"00:45";"11,25";"W";""',
    ]);
    const r = importProfile(cp1252(text));
    expect(r.encoding).toBe('windows-1252');
    expect(r.headerLine).toBe(6);
    expect(r.metadata).toHaveLength(4);
    expect(r.resolution_min).toBe(15);
    expect(r.start).toBe('2023-12-31T23:00:00Z');
    expect(r.count).toBe(4);
    expect(r.columns.map((c) => c.name)).toEqual(['Wirkleistung [kW]']);
    expect(Array.from(r.columns[0].values)).toEqual([12.5, 13, 1012.75, 11.25]);
    expect(r.issues).toEqual([]);
  });
});

/** A portal export: metadata block, header, 15-minute rows from 01.01.2024 00:00 (CRLF, decimal comma). */
function portal(meta: string[], header: string, values: string[], minutes = 15): Uint8Array {
  const rows = values.map((v, i) => {
    const m = i * minutes;
    const hh = String(Math.floor(m / 60) % 24).padStart(2, '0');
    const mm = String(m % 60).padStart(2, '0');
    return `${String(1 + Math.floor(m / 1440)).padStart(2, '0')}.01.2024 ${hh}:${mm};${v}`;
  });
  return cp1252(crlf([...meta, '', header, ...rows]));
}

describe('profile import: the unit where a person finds it', () => {
  it('takes the unit from the metadata block above the header (Einheit;kW, Maßeinheit: kWh)', () => {
    const kW = importProfile(
      portal(['Zählpunkt;DE000123', 'Einheit;kW'], 'Zeitstempel;Wert', ['4,0', '8,0']),
    );
    expect(kW.columns[0]).toMatchObject({ unit: 'kW', unitSource: 'metadata', energy_kWh: 3 });
    expect(kW.messages.map((m) => m.code)).toContain('unitFromMetadata');
    expect(kW.messages.find((m) => m.code === 'unitFromMetadata')?.params).toMatchObject({ line: 2 });
    const kWh = importProfile(
      portal(['Zählpunkt: DE000123', 'Maßeinheit: kWh'], 'Zeit;Verbrauch', ['1,0', '2,0']),
    );
    expect(kWh.columns[0]).toMatchObject({ unit: 'kWh', unitSource: 'metadata', energy_kWh: 3, peak_kW: 8 });
  });

  it.each([
    ['load_kw', 'kW', 1],
    ['Leistung [kW]', 'kW', 1],
    ['Power (kW)', 'kW', 1],
    ['Verbrauch in kWh', 'kWh', 1],
    ['verbrauch_kwh', 'kWh', 1],
    ['Bezug (MW)', 'kW', 1000],
  ] as const)('reads the unit in the header %s', (header, unit, scale) => {
    const r = importProfile(portal(['Kunde;Musterfirma'], `Zeit;${header}`, ['1,0', '2,0']));
    expect(r.columns[0]).toMatchObject({ name: header, unit, unitSource: 'header', scale });
  });

  it('"KW" alone is a calendar week, not a unit', () => {
    expect(() => importProfile(portal([], 'Zeit;KW', ['1,0', '2,0']))).toThrow(/choose kW/);
  });
});

describe('profile import: hourly values without a unit', () => {
  it('reads them as kW with a warning; the scale is guessed from the size of the numbers', () => {
    const r = importProfile(portal(['Anlage;Halle 3'], 'Zeit;Wert', ['120,5', '130,0', '125,5'], 60));
    expect(r.resolution_min).toBe(60);
    expect(r.columns[0]).toMatchObject({ unit: 'kW', unitSource: 'assumed', scale: 1, peak_kW: 130 });
    const m = r.messages.find((x) => x.code === 'unitAssumedHourlyMagnitude');
    expect(m?.params).toEqual({ column: 'Wert', scale: 'kW' });
    expect(r.warnings.join('\n')).toMatch(/no unit: hourly values read as average power in kW/);
    // Numbers in the hundred thousands are watts.
    const w = importProfile(portal([], 'Zeit;Wert', ['120500', '130000'], 60));
    expect(w.columns[0]).toMatchObject({ scale: 0.001, peak_kW: 130 });
    expect(w.messages.find((x) => x.code === 'unitAssumedHourlyMagnitude')?.params.scale).toBe('W');
  });

  it('takes the scale from a word in the header, and the setting overrides the guess', () => {
    const r = importProfile(portal([], 'Zeit;Leistung in Megawatt', ['1,5', '2,0'], 60));
    expect(r.columns[0].peak_kW).toBe(2000);
    expect(r.messages.find((x) => x.code === 'unitAssumedHourlyHeader')?.params.scale).toBe('MW');
    const s = importProfile(portal([], 'Zeit;Wert', ['120500', '130000'], 60), { scale: 'kW' });
    expect(s.columns[0].peak_kW).toBe(130000);
    expect(s.messages.some((x) => x.code.startsWith('unitAssumed'))).toBe(false);
  });

  it('at 15 minutes without a unit it still asks, naming the column, its line and the setting', () => {
    try {
      importProfile(portal(['Anlage;Halle 3'], 'Zeit;Wert', ['1,0', '2,0']));
      expect.unreachable();
    } catch (e) {
      expect((e as ImportError).detail.code).toBe('unitMissing');
      expect((e as ImportError).line).toBe(3);
      expect((e as ImportError).column).toBe(2);
      expect((e as ImportError).message).toMatch(/column 'Wert'.*15-minute.*setting 'unit', CLI --unit/);
    }
  });
});

/** A whole year of hourly wall-clock stamps without daylight saving (each value = its row number). */
function yearWithoutDst(year: number, header: string): { bytes: Uint8Array; lineOf: Map<string, number> } {
  const lineOf = new Map<string, number>();
  const meta = ['Messstelle;Kesselhaus', 'Einheit;kW', ''];
  const rows: string[] = [];
  const t0 = Date.UTC(year, 0, 1);
  for (let k = 0; t0 + k * 3_600_000 < Date.UTC(year + 1, 0, 1); k++) {
    const d = new Date(t0 + k * 3_600_000);
    const p = (x: number) => String(x).padStart(2, '0');
    const stamp = `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${p(d.getUTCHours())}:00`;
    lineOf.set(stamp, meta.length + 2 + k);
    rows.push(`${stamp};${k},5`);
  }
  return { bytes: cp1252(crlf([...meta, header, ...rows])), lineOf };
}

describe('profile import: files in standard time or UTC all year', () => {
  it('a CET-all-year file (02:00 on the spring change day, no repeated October hour) is read as UTC+1', () => {
    const { bytes, lineOf } = yearWithoutDst(2025, 'Zeitstempel;Leistung');
    const r = importProfile(bytes);
    expect(r.timeBasis).toBe('standard');
    expect(r.count).toBe(8760);
    expect(r.start).toBe('2024-12-31T23:00:00Z');
    expect(r.end).toBe('2025-12-31T23:00:00Z');
    expect(r.issues).toEqual([]);
    const m = r.messages.find((x) => x.code === 'standardTimeAssumed');
    expect(m?.params).toEqual({ found: '30.03.2025 02:00', offset: '+1' });
    expect(r.warnings.join('\n')).toMatch(/read as standard time all year \(UTC\+1, no daylight saving\)/);
    // The row "30.03.2025 02:00" is 01:00Z; "26.10.2025 02:00" is once, 01:00Z too.
    const at = (iso: string) => r.columns[0].values[(Date.parse(iso) - Date.parse(r.start)) / 3_600_000];
    const rowOf = (stamp: string) => lineOf.get(stamp)! - 5; // value = row number
    expect(at('2025-03-30T01:00:00Z')).toBe(rowOf('30.03.2025 02:00') + 0.5);
    expect(at('2025-03-30T00:00:00Z')).toBe(rowOf('30.03.2025 01:00') + 0.5);
    expect(at('2025-10-26T01:00:00Z')).toBe(rowOf('26.10.2025 02:00') + 0.5);
    expect(at('2025-07-01T11:00:00Z')).toBe(rowOf('01.07.2025 12:00') + 0.5);
  });

  it('the streamed import (the CLI path) detects it too, far beyond the lines that decide the layout', async () => {
    const { bytes } = yearWithoutDst(2025, 'Zeitstempel;Leistung');
    async function* chunks() {
      for (let o = 0; o < bytes.length; o += 4096) yield bytes.subarray(o, o + 4096);
    }
    const r = await importProfileStream(chunks());
    expect(r.timeBasis).toBe('standard');
    expect(r.start).toBe('2024-12-31T23:00:00Z');
    const slot = (Date.parse('2025-03-30T01:00:00Z') - Date.parse(r.start)) / 3_600_000;
    expect(r.columns[0].values[slot]).toBe(slot + 0.5);
  });

  it('a file that names UTC is read as UTC: "30.03.2025 02:00" is 02:00Z', () => {
    const r = importProfile(yearWithoutDst(2025, 'Zeitstempel (UTC);Leistung').bytes);
    expect(r.timeBasis).toBe('utc');
    expect(r.start).toBe('2025-01-01T00:00:00Z');
    expect(r.messages.find((x) => x.code === 'utcAssumed')?.params).toEqual({ found: '30.03.2025 02:00' });
    const slot = (Date.parse('2025-03-30T02:00:00Z') - Date.parse(r.start)) / 3_600_000;
    expect(r.columns[0].values[slot]).toBe(slot + 0.5);
  });

  it('a legal-time file that repeats the October hour keeps its 02:00 spring row an error', () => {
    const lines = ['Zeit;Leistung [kW]', '30.03.2025 01:00;1', '30.03.2025 02:00;1', '30.03.2025 03:00;1'];
    for (let d = 26; d <= 26; d++)
      for (const h of ['00', '01', '02', '02', '03']) lines.push(`${d}.10.2025 ${h}:00;1`);
    expect(() => importProfile(cp1252(crlf(lines)))).toThrow(
      /line 3: '30.03.2025 02:00' does not exist in Europe\/Berlin/,
    );
  });
});

describe('profile import: a bare column of a year', () => {
  const column = (n: number, header?: string) =>
    cp1252(crlf([...(header ? [header] : []), ...Array.from({ length: n }, (_, k) => `${(k % 24) + 10},5`)]));

  it.each([
    [8760, 2025, 60],
    [8784, 2024, 60],
    [35040, 2025, 15],
    [35136, 2024, 15],
  ])('%i values are placed on the year %i (%i-minute intervals), naming the year', (n, year, res) => {
    const r = importProfile(column(n, 'Verbrauch [kWh]'), { year });
    expect(r.timestampFormat).toBe('none');
    expect(r.timeBasis).toBe('none');
    expect(r.count).toBe(n);
    expect(r.resolution_min).toBe(res);
    expect(r.start).toBe(`${year - 1}-12-31T23:00:00Z`);
    expect(r.end).toBe(`${year}-12-31T23:00:00Z`);
    expect(r.messages.find((m) => m.code === 'noTimestamps')?.params).toEqual({
      count: n,
      resolution: res,
      year,
    });
  });

  it('a bare hourly column without header or unit: kW guessed, year named', () => {
    const r = importProfile(column(8760), { year: 2025 });
    expect(r.headerLine).toBe(0);
    expect(r.columns[0]).toMatchObject({ unit: 'kW', unitSource: 'assumed' });
    expect(r.messages.map((m) => m.code)).toEqual(['noTimestamps', 'unitAssumedHourlyMagnitude']);
  });

  it('a length that does not fit the year is an error naming both', () => {
    expect(() => importProfile(column(8784, 'Wert [kW]'), { year: 2025 })).toThrow(
      "8784 values at 60-minute intervals make a year of 8784 hours, but the year 2025 has 8760 hours: give the right year (setting 'year', CLI --year)",
    );
    expect(() => importProfile(column(35040, 'Wert [kW]'), { year: 2024 })).toThrow(
      /35040 values .* the year 2024 has 8784 hours/,
    );
  });
});
