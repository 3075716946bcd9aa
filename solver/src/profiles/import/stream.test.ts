import { describe, expect, it } from 'vitest';
import { importProfile, importProfileStream } from './parse';

/** Splits bytes into chunks of awkward sizes (multi-byte characters and line ends get cut). */
async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const german = (rows: number) => {
  const lines = ['Zählpunkt;DE000123;', 'Datum;Uhrzeit;Wärme [kW]'];
  for (let i = 0; i < rows; i++) {
    const t = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    lines.push(
      `${p(t.getUTCDate())}.${p(t.getUTCMonth() + 1)}.2023;${p(t.getUTCHours())}:00;${(i % 17) + 0.5}`.replace(
        '.5',
        ',5',
      ),
    );
  }
  return lines.join('\r\n') + '\r\n';
};

describe('streamed import', () => {
  it('gives the same result as the whole-file import, whatever the chunk size', async () => {
    const bytes = new TextEncoder().encode(german(1000));
    const whole = importProfile(bytes, { standardTime: true });
    for (const size of [7, 1000, 65536]) {
      const streamed = await importProfileStream(chunks(bytes, size), { standardTime: true }, 50);
      expect(streamed.count).toBe(whole.count);
      expect(streamed.start).toBe(whole.start);
      expect(streamed.columns[0].energy_kWh).toBeCloseTo(whole.columns[0].energy_kWh, 9);
      expect(Array.from(streamed.columns[0].values)).toEqual(Array.from(whole.columns[0].values));
      expect(streamed.metadata).toEqual(whole.metadata);
    }
  });

  it('does not mistake UTF-8 for Windows-1252 when the first 64 KiB end inside a character', async () => {
    // 'Kommentar;' is 10 bytes: with 65,525 filler bytes the two-byte 'ä' starts at byte 65,535.
    const text = `Kommentar;${'x'.repeat(65_525)}ä\nZeit;Wärme [kW]\n01.01.2023 00:00;1\n01.01.2023 01:00;2\n`;
    const bytes = new TextEncoder().encode(text);
    expect([bytes[65_535], bytes[65_536]]).toEqual([0xc3, 0xa4]);
    const r = await importProfileStream(chunks(bytes, 4096));
    expect(r.encoding).toBe('utf-8');
    expect(r.columns[0].name).toBe('Wärme [kW]');
  });

  it('reads Windows-1252 and files shorter than the head', async () => {
    const text = 'Zeit;Wärme [kW]\n01.01.2023 00:00;1\n01.01.2023 01:00;2\n';
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const r = await importProfileStream(chunks(bytes, 5));
    expect(r.encoding).toBe('windows-1252');
    expect(r.columns[0].name).toBe('Wärme [kW]');
    expect(r.columns[0].energy_kWh).toBe(3);
  });

  it('locates errors in the streamed part by line', async () => {
    const text = german(300).replace('01.01.2023;23:00;6,5', '01.01.2023;23:00;kaputt');
    await expect(
      importProfileStream(chunks(new TextEncoder().encode(text), 100), { standardTime: true }, 20),
    ).rejects.toThrow("line 26, column 'Wärme [kW]': expected a number, found 'kaputt'");
  });

  it('refuses empty and binary streams', async () => {
    await expect(importProfileStream(chunks(new Uint8Array(0), 10))).rejects.toThrow(/empty/);
    await expect(importProfileStream(chunks(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), 10))).rejects.toThrow(
      /binary/,
    );
  });
});
