import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packTry, parseTryPack, tryFileName } from '../solver/src/weather/try';
import { originals, originalsDir, packedDir } from './make-dwd-try';

describe('assets/weather/dwd-try: the packed DWD test reference years', () => {
  const all = originals();

  it('has all 15 regions, 2015 and 2045, in 1.5 MB at most, with the source note', () => {
    expect(all).toHaveLength(30);
    let total = 0;
    for (const { region, year } of all)
      total += readFileSync(path.join(packedDir, tryFileName(region, year))).length;
    expect(total).toBeLessThan(1.5e6);
    const note = readFileSync(path.join(packedDir, 'SOURCE.md'), 'utf8');
    expect(note).toContain('Quelle: Deutscher Wetterdienst');
    expect(note).toContain('Datenbasis: Deutscher Wetterdienst, Werte verarbeitet');
  });

  it("holds every value of the originals' columns t, p, WG, RF, B, D, and the generator reproduces it", () => {
    for (const { region, year, file } of all) {
      const original = readFileSync(path.join(originalsDir, file), 'latin1');
      const packedText = gunzipSync(readFileSync(path.join(packedDir, tryFileName(region, year)))).toString();
      expect(packedText, file).toBe(packTry(original, region, year, file));
      const w = parseTryPack(packedText);
      // The original rows, read here independently of the readers: fields after the *** line.
      const lines = original.split('\n');
      const rows = lines
        .slice(lines.findIndex((l) => l.startsWith('***')) + 1)
        .filter((l) => l.trim())
        .map((l) => l.trim().split(/\s+/).map(Number));
      expect(rows, file).toHaveLength(8760);
      const mismatch = rows.findIndex(
        (f, k) =>
          w.temperature_C[k] !== f[5] ||
          w.pressure_hPa![k] !== f[6] ||
          w.wind_m_s[k] !== f[8] ||
          w.relativeHumidity_pct![k] !== f[11] ||
          w.ghi_W_m2[k] !== f[12] + f[13] ||
          w.dhi_W_m2[k] !== f[13],
      );
      expect(mismatch, `${file}: first differing row`).toBe(-1);
      expect([w.tryRegion, w.tryYear]).toEqual([region, year]);
    }
  });
});
