/**
 * `npm run bench [-- FILTER]`: runs every scripts/bench/*.bench.ts suite and server.ts (or those whose file name
 * contains FILTER), prints a table and writes bench-results/latest.json.
 */
import { readdir, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { BenchRow, BenchSuite } from './bench/harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';

const files = (await readdir(path.join(here, 'bench')))
  .filter((f) => (f.endsWith('.bench.ts') || f === 'server.ts') && f.includes(filter))
  .sort();
const report: Record<string, BenchRow[]> = {};
for (const file of files) {
  const suite = (
    (await import(pathToFileURL(path.join(here, 'bench', file)).href)) as { default: BenchSuite }
  ).default;
  console.log(`\n## ${suite.name}`);
  const rows = await suite.run();
  report[suite.name] = rows;
  for (const r of rows) {
    const parts = [`${r.name}: median ${r.median_s.toFixed(3)} s over ${r.runs} run(s)`];
    if (r.baseline && r.ratio !== undefined) parts.push(`ratio ${r.ratio.toFixed(3)} vs ${r.baseline}`);
    if (r.extra)
      parts.push(
        Object.entries(r.extra)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      );
    if (r.target) parts.push(`target ${r.target}: ${r.met ? 'met' : 'NOT met'}`);
    console.log(`- ${parts.join(' | ')}`);
  }
}
await mkdir(path.join(here, '..', 'bench-results'), { recursive: true });
await writeFile(path.join(here, '..', 'bench-results', 'latest.json'), JSON.stringify(report, null, 2));
