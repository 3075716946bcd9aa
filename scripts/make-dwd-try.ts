/**
 * Packs the DWD test reference years (../shared/data/weather/dwd-try, 15 regions × TRY2015/TRY2045, 685 kB each)
 * into assets/weather/dwd-try/: per region and year one gzip file with the columns the app uses (t, p, WG, RF,
 * B, D) as integers, about 40 kB. Run: npx tsx scripts/make-dwd-try.ts
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { format, resolveConfig } from 'prettier';
import { packTry, tryFileName, type TryYear } from '../solver/src/weather/try';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const originalsDir = path.resolve(root, '..', 'shared', 'data', 'weather', 'dwd-try');
export const packedDir = path.join(root, 'assets', 'weather', 'dwd-try');

/** The originals: region, year and file name, from names like region04_TRY2015_523938130651_Jahr.dat. */
export function originals(): { region: number; year: TryYear; file: string }[] {
  return readdirSync(originalsDir)
    .map((file) => ({ file, m: /^region(\d\d)_TRY(2015|2045)_\d{12}_Jahr\.dat$/.exec(file) }))
    .filter((x) => x.m)
    .map(({ file, m }) => ({ region: Number(m![1]), year: Number(m![2]) as TryYear, file }));
}

const PACKING_NOTE = `
## Packed copy in Werkplan

\`scripts/make-dwd-try.ts\` writes one file per region and year, \`try<YEAR>_r<NN>.txt.gz\`: gzip of a text with the
line \`werkplan-dwd-try 1\`, a JSON header (region, year, Rechtswert/Hochwert, elevation, reference period, original
file name), then one line per column, its name and 8,760 integers: \`t_0.1C\` (t in 0.1 °C), \`p_hPa\`, \`WG_0.1m_s\`
(WG in 0.1 m/s), \`RF_pct\`, \`B_W_m2\`, \`D_W_m2\`, in the order of the original rows (HH 1–24 CET, hour-ending).
The values are the originals' unchanged (\`scripts/make-dwd-try.test.ts\` checks every value of all 30 files);
the other columns (WR, N, x, A, E, IL) are left out. Reader: \`solver/src/weather/try.ts\` (\`loadTry\`).
`;

if (process.argv[1]?.endsWith('make-dwd-try.ts')) {
  mkdirSync(packedDir, { recursive: true });
  let total = 0;
  for (const { region, year, file } of originals()) {
    const text = readFileSync(path.join(originalsDir, file), 'latin1');
    const gz = gzipSync(packTry(text, region, year, file), { level: 9 });
    writeFileSync(path.join(packedDir, tryFileName(region, year)), gz);
    total += gz.length;
  }
  // The copied note, formatted as the repository's Prettier check wants it.
  const note = path.join(packedDir, 'SOURCE.md');
  const text = readFileSync(path.join(originalsDir, 'SOURCE.md'), 'utf8').trimEnd() + '\n' + PACKING_NOTE;
  writeFileSync(note, await format(text, { ...(await resolveConfig(note)), filepath: note }));
  console.log(`wrote ${originals().length} files, ${(total / 1e6).toFixed(2)} MB, to assets/weather/dwd-try`);
}
