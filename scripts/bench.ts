/**
 * `npm run bench [-- FILTER]`: runs every scripts/bench/*.bench.ts suite and server.ts (or those whose file name
 * contains FILTER), prints a table and writes bench-results/latest.json. Around each suite it records the
 * load average, since wall-clock figures on a shared machine depend on it (README, "Benchmarks").
 */
import { readdir, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { formatLoad, loadSample, type BenchRow, type BenchSuite, type LoadSample } from './bench/harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';

const files = (await readdir(path.join(here, 'bench')))
  .filter((f) => (f.endsWith('.bench.ts') || f === 'server.ts') && f.includes(filter))
  .sort();
const report: Record<string, { load: { start: LoadSample; end: LoadSample }; rows: BenchRow[] }> = {};
const judged = { cpu: 'CPU', ratio: 'ratio', wall: 'wall', memory: 'memory' } as const;
for (const file of files) {
  const suite = (
    (await import(pathToFileURL(path.join(here, 'bench', file)).href)) as { default: BenchSuite }
  ).default;
  console.log(`\n## ${suite.name}`);
  const start = loadSample();
  console.log(`load average at start: ${formatLoad(start)}`);
  const rows = await suite.run();
  const end = loadSample();
  report[suite.name] = { load: { start, end }, rows };
  for (const r of rows) {
    const parts = [`${r.name}: median ${r.median_s.toFixed(3)} s over ${r.runs} run(s)`];
    if (r.cpu_s !== undefined) parts.push(`CPU ${r.cpu_s.toFixed(3)} s`);
    if (r.baseline && r.ratio !== undefined) parts.push(`ratio ${r.ratio.toFixed(3)} vs ${r.baseline}`);
    if (r.extra)
      parts.push(
        Object.entries(r.extra)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      );
    if (r.target)
      parts.push(
        `target ${r.target}${r.judgedBy ? ` (judged by ${judged[r.judgedBy]})` : ''}: ${r.met ? 'met' : 'NOT met'}`,
      );
    console.log(`- ${parts.join(' | ')}`);
  }
  console.log(`load average at end: ${formatLoad(end)}`);
}
await mkdir(path.join(here, '..', 'bench-results'), { recursive: true });
await writeFile(path.join(here, '..', 'bench-results', 'latest.json'), JSON.stringify(report, null, 2));
