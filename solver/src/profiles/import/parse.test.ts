import { describe, expect, it } from 'vitest';
import { importProfile, ImportError } from './parse';

const enc = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes for a string of Latin-1 characters. */
const cp1252 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function hours(day: string, values: number[], sep = ';'): string {
  return values
    .map((v, h) => `${day} ${String(h).padStart(2, '0')}:00${sep}${String(v).replace('.', ',')}`)
    .join('\n');
}

describe('profile import: formats', () => {
  it('reads a German meter export: metadata, Windows-1252, decimal comma, kWh per quarter hour, end stamps', () => {
    const text =
      'Zählpunkt;DE0001234567890000000000000123456\nEinheit;kWh\nAdresse;Musterstraße 1\n\nDatum;Zeit;Verbrauch [kWh]\n' +
      ['00:15', '00:30', '00:45', '01:00']
        .map((t, i) => `01.01.2024;${t};${['1,25', '2,5', '1.000,0', '0,25'][i]}`)
        .join('\n');
    const r = importProfile(cp1252(text));
    expect(r.encoding).toBe('windows-1252');
    expect(r.metadata[0]).toBe('Zählpunkt;DE0001234567890000000000000123456');
    expect(r.headerLine).toBe(5);
    expect(r.decimal).toBe(',');
    expect(r.timestampFormat).toBe('german-date');
    expect(r.stamp).toBe('end');
    expect(r.resolution_min).toBe(15);
    expect(r.start).toBe('2023-12-31T23:00:00Z'); // 01.01.2024 00:00 CET
    expect(r.count).toBe(4);
    const c = r.columns[0];
    expect(c.unit).toBe('kWh');
    expect(c.energy_kWh).toBeCloseTo(1003.999999, 5); // 1.25 + 2.5 + 1000 + 0.25
    expect(c.peak_kW).toBeCloseTo(4000, 9); // 1000 kWh in 15 min
  });

  it('reads UTF-8 with BOM, ISO stamps with offsets, comma-separated, several columns in kW and MW', () => {
    const text =
      '\uFEFFtime,heat [kW],electricity [MW]\n2023-06-01T00:00:00+02:00,100,0.5\n2023-06-01T01:00:00+02:00,200,1.5\n2023-06-01T02:00:00+02:00,300,1\n';
    const r = importProfile(enc(text));
    expect(r.encoding).toBe('utf-8');
    expect(r.delimiter).toBe(',');
    expect(r.start).toBe('2023-05-31T22:00:00Z');
    expect(r.columns.map((c) => [c.name, c.unit, c.energy_kWh, c.peak_kW])).toEqual([
      ['heat [kW]', 'kW', 600, 300],
      ['electricity [MW]', 'kW', 3000, 1500],
    ]);
  });

  it('reads US stamps with AM/PM and a tab delimiter', () => {
    const text =
      'Date\tLoad (kW)\n01/15/2023 11:00 PM\t10\n01/16/2023 12:00 AM\t20\n01/16/2023 01:00 AM\t30\n';
    const r = importProfile(enc(text));
    expect(r.delimiter).toBe('\t');
    expect(r.timestampFormat).toBe('us');
    expect(r.start).toBe('2023-01-15T22:00:00Z');
    expect(r.columns[0].energy_kWh).toBe(60);
  });

  it('handles "24:00" stamps', () => {
    const text = 'Zeit;Leistung kW\n01.02.2023 23:00;5\n01.02.2023 24:00;7\n';
    const r = importProfile(enc(text));
    expect(r.count).toBe(2);
    expect(r.end).toBe('2023-02-02T00:00:00Z'); // 1 February 24:00 CET = 2 February 00:00 CET, end of that hour 01:00 CET
  });

  it('reads values without timestamps given the year; the count gives the resolution', () => {
    const text = Array.from({ length: 8760 }, () => '1,5').join('\n');
    const r = importProfile(enc(text), { year: 2023, unit: 'kW' });
    expect(r.resolution_min).toBe(60);
    expect(r.start).toBe('2022-12-31T23:00:00Z');
    expect(r.columns[0].energy_kWh).toBeCloseTo(13140, 9);
    expect(r.warnings[0]).toMatch(/no timestamps/);
    expect(() => importProfile(enc(text), { unit: 'kW' })).toThrow(/give the year/);
  });
});

describe('profile import: columns', () => {
  it('leaves out columns without an energy unit (e.g. kvar) with a warning, unless selected', () => {
    const text =
      'Zeit;Wirkleistung [kW];Blindleistung [kvar]\n01.01.2023 00:00;10;3\n01.01.2023 01:00;20;4\n';
    const r = importProfile(enc(text));
    expect(r.columns.map((c) => c.name)).toEqual(['Wirkleistung [kW]']);
    expect(r.warnings[0]).toMatch(/'Blindleistung \[kvar\]' has no unit in kW or kWh and was left out/);
    expect(() => importProfile(enc(text), { column: 'Blindleistung [kvar]' })).toThrow(
      /unit of column 'Blindleistung \[kvar\]' is not in the file/,
    );
  });
});

describe('profile import: daylight saving', () => {
  it('the missing spring hour is not a gap (local wall time, 23-hour day)', () => {
    const values = Array.from({ length: 23 }, () => 10);
    const stamps = Array.from({ length: 24 }, (_, h) => h).filter((h) => h !== 2);
    const text =
      'Zeit;kW\n' +
      stamps.map((h, i) => `26.03.2023 ${String(h).padStart(2, '0')}:00;${values[i]}`).join('\n');
    const r = importProfile(enc(text));
    expect(r.count).toBe(23);
    expect(r.issues).toEqual([]);
    expect(r.columns[0].energy_kWh).toBe(230);
  });

  it('the repeated autumn hour is not a duplicate (25-hour day)', () => {
    const stamps = [0, 1, 2, 2, 3, ...Array.from({ length: 20 }, (_, i) => i + 4)];
    const text = 'Zeit;kW\n' + stamps.map((h) => `29.10.2023 ${String(h).padStart(2, '0')}:00;1`).join('\n');
    const r = importProfile(enc(text));
    expect(r.count).toBe(25);
    expect(r.issues).toEqual([]);
    expect(r.start).toBe('2023-10-28T22:00:00Z');
    expect(r.end).toBe('2023-10-29T23:00:00Z');
  });

  it('a stamp in the skipped spring hour is an error naming the line', () => {
    const text = 'Zeit;kW\n26.03.2023 01:00;1\n26.03.2023 02:00;1\n26.03.2023 03:00;1\n';
    expect(() => importProfile(enc(text))).toThrow(
      /line 3: '26.03.2023 02:00' does not exist in Europe\/Berlin/,
    );
  });

  it('standard time all year: no shift', () => {
    const text = 'Zeit;kW\n26.03.2023 00:00;1\n26.03.2023 01:00;1\n26.03.2023 02:00;1\n26.03.2023 03:00;1\n';
    const r = importProfile(enc(text), { standardTime: true });
    expect(r.count).toBe(4);
    expect(r.start).toBe('2023-03-25T23:00:00Z');
  });
});

describe('profile import: problems are loud and located', () => {
  it('reports gaps and duplicates with line and time, and never fills them', () => {
    const text =
      'Zeit;kW\n' +
      hours('01.01.2023', [1, 2]) +
      '\n01.01.2023 01:00;9\n01.01.2023 04:00;4\n01.01.2023 05:00;-1\n';
    const r = importProfile(enc(text));
    expect(r.count).toBe(6);
    const kinds = r.issues.map((i) => [i.kind, i.line]);
    expect(kinds).toContainEqual(['duplicate', 4]);
    expect(kinds).toContainEqual(['gap', 5]);
    expect(kinds).toContainEqual(['negative', 6]);
    const v = Array.from(r.columns[0].values);
    expect(v.slice(0, 2)).toEqual([1, 2]);
    expect(Number.isNaN(v[2]) && Number.isNaN(v[3])).toBe(true);
    expect(r.warnings.join('\n')).toMatch(/gap\(s\), 2 missing interval/);
  });

  it('a non-numeric cell is an error naming the line and column', () => {
    const text = 'Zeit;Leistung [kW]\n01.01.2023 00:00;1\n01.01.2023 01:00;Zähler defekt\n';
    try {
      importProfile(enc(text));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).message).toBe(
        "line 3, column 'Leistung [kW]': expected a number, found 'Zähler defekt'",
      );
      expect((e as ImportError).line).toBe(3);
    }
  });

  it('asks for the unit when the file does not say', () => {
    // 15-minute values: power or energy per interval differ by a factor of 4, so the import asks.
    // (Hourly values without a unit are read with a warning: see portal.test.ts.)
    expect(() => importProfile(enc('Zeit;Wert\n01.01.2023 00:00;1\n01.01.2023 00:15;2\n'))).toThrow(
      /choose kW \(power\) or kWh/,
    );
    expect(
      importProfile(enc('Zeit;Wert\n01.01.2023 00:00;1\n01.01.2023 01:00;2\n'), { unit: 'kWh' }).columns[0]
        .energy_kWh,
    ).toBe(3);
  });

  it('refuses files that are not tables', () => {
    expect(() => importProfile(new Uint8Array(0))).toThrow(/empty/);
    expect(() => importProfile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]))).toThrow(/binary/);
    expect(() => importProfile(enc('Zeit;Leistung [kW]\n'))).toThrow(/no data rows/);
  });

  it('selects a column by name or index and says which exist', () => {
    const text = 'Zeit;Wärme [kW];Strom [kW]\n01.01.2023 00:00;1;10\n01.01.2023 01:00;2;20\n';
    expect(importProfile(enc(text), { column: 'Strom [kW]' }).selected).toBe(1);
    expect(importProfile(enc(text), { column: 1 }).selected).toBe(0);
    expect(() => importProfile(enc(text), { column: 'Gas' })).toThrow(
      /value columns: 1: Wärme \[kW\], 2: Strom \[kW\]/,
    );
  });
});

describe('profile import: the user corrects the guesses', () => {
  it('delimiter, decimal separator and header line can be set', () => {
    // A file whose values could be read either way: "1.500" is 1.5 with a decimal point, 1500 with a comma.
    const text = 'Messstelle 7\nZeit;Leistung [kW]\n01.01.2023 00:00;1.500\n01.01.2023 01:00;2.500\n';
    const guessed = importProfile(new TextEncoder().encode(text));
    const corrected = importProfile(new TextEncoder().encode(text), { decimal: ',' });
    expect(guessed.columns[0].energy_kWh).toBe(4);
    expect(corrected.columns[0].energy_kWh).toBe(4000);
    const noHeader = importProfile(new TextEncoder().encode('01.01.2023 00:00,5\n01.01.2023 01:00,7\n'), {
      delimiter: ',',
      unit: 'kW',
      headerLine: 0,
    });
    expect(noHeader.headerLine).toBe(0);
    expect(noHeader.columns[0].energy_kWh).toBe(12);
    const header2 = importProfile(new TextEncoder().encode(text), { headerLine: 2 });
    expect(header2.columns[0].name).toBe('Leistung [kW]');
    expect(() => importProfile(new TextEncoder().encode(text), { headerLine: 9 })).toThrow(
      /outside the file/,
    );
  });
});

describe('profile import: resolution', () => {
  it('takes the most frequent step, so a gap early in the file does not stretch the grid', () => {
    const r = importProfile(
      new TextEncoder().encode(
        'Zeit;Leistung [kW]\n01.03.2023 00:00;10\n01.03.2023 01:00;20\n01.03.2023 03:00;40\n',
      ),
    );
    expect(r.resolution_min).toBe(60);
    expect(r.count).toBe(4);
    expect(r.issues.map((i) => i.kind)).toEqual(['gap']);
  });
});

describe('profile import: cells without a value', () => {
  it("reads 'n/a', '-', '—', 'NaN' and empty cells of a German meter export as gaps at their line and column", () => {
    const rows = ['1,5', 'n/a', '2,0', '-', '—', 'NaN', '', '3,25'];
    const text =
      'Zählpunkt;DE0001234567890000000000000123456\n\nDatum;Uhrzeit;Wirkleistung [kW]\n' +
      rows.map((v, i) => `01.01.2023;${String(i).padStart(2, '0')}:00;${v}`).join('\n');
    const r = importProfile(enc(text));
    expect(r.count).toBe(8);
    const v = Array.from(r.columns[0].values);
    expect(v.map((x) => (Number.isNaN(x) ? null : x))).toEqual([1.5, null, 2, null, null, null, null, 3.25]);
    const missing = r.issues.filter((i) => i.kind === 'missing');
    expect(missing.map((i) => i.line)).toEqual([5, 7, 8, 9]);
    expect(missing[0].message).toBe("line 5, column 'Wirkleistung [kW]': no value ('n/a'), read as a gap");
    expect(missing[0].time).toBe('2023-01-01T00:00:00Z'); // 01:00 CET
    expect(r.warnings).toContain("line 7, column 'Wirkleistung [kW]': no value ('-'), read as a gap");
  });

  it('summarises many empty cells in one warning', () => {
    const text =
      'Zeit;Last [kW]\n' +
      Array.from(
        { length: 30 },
        (_, h) => `01.01.2023 ${String(h % 24).padStart(2, '0')}:00;${h > 2 && h < 20 ? 'n/a' : '1,0'}`,
      )
        .slice(0, 24)
        .join('\n');
    const r = importProfile(enc(text));
    expect(r.warnings.filter((w) => w.includes('without a value'))).toEqual([
      "17 cells without a value, read as gaps; first: line 5, column 'Last [kW]': no value ('n/a'), read as a gap",
    ]);
  });

  it('still refuses text that is not a number, with its line and column', () => {
    const text = 'Zeit;Last [kW]\n01.01.2023 00:00;1,0\n01.01.2023 01:00;defekt\n01.01.2023 02:00;1,0';
    expect(() => importProfile(enc(text))).toThrow(
      /line 3, column 'Last \[kW\]': expected a number, found 'defekt'/,
    );
  });

  it('a file whose detection fails says why, and reads once the user gives the settings', () => {
    // one number per line with a decimal comma under a title: read as comma-separated, no unit
    const text = 'Messwerte Halle 3\n' + Array.from({ length: 24 }, (_, h) => `${h + 1},5`).join('\n');
    expect(() => importProfile(enc(text))).toThrow(ImportError);
    const r = importProfile(enc(text), {
      delimiter: ';',
      unit: 'kW',
      year: 2023,
      decimal: ',',
    });
    expect(r.count).toBe(24);
    expect(r.columns[0].values[0]).toBe(1.5);
    expect(r.start).toBe('2022-12-31T23:00:00Z');
  });
});
