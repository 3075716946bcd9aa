import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import config from '../renderer/vite.config';

/**
 * `npm run web` on a fresh clone: a dependency that Vite discovers only when a lazy page or a worker
 * first asks for it makes the dev server re-optimise and reload the page mid-session. So every bare
 * import the planner can load (followed from renderer/src/main.tsx and every worker, through static
 * and dynamic imports) must be in optimizeDeps.include, or excluded on purpose (the WASM solvers).
 */
const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const p of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (existsSync(p) && statSync(p).isFile()) return p;
  return null;
}

function workers(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? workers(p) : name.endsWith('.worker.ts') ? [p] : [];
  });
}

/** Bare specifiers reachable from the planner's entries, with a file that imports each. */
function bareImports(): Map<string, string> {
  const todo = [path.resolve('renderer/src/main.tsx'), ...workers(path.resolve('renderer/src'))];
  const seen = new Set<string>();
  const bare = new Map<string, string>();
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[3] ?? m[4];
      if (m[2] || spec.startsWith('node:') || /\.(css|json|svg|png)(\?.*)?$/.test(spec)) continue;
      if (spec.startsWith('.')) {
        const next = resolve(file, spec);
        if (next) todo.push(next);
      } else if (!bare.has(spec)) bare.set(spec, path.relative(process.cwd(), file));
    }
  }
  return bare;
}

describe('npm run web pre-bundles every dependency at start', () => {
  it('lists each bare import the planner and its workers load in optimizeDeps', () => {
    const opt = (config as { optimizeDeps: { include: string[]; exclude: string[] } }).optimizeDeps;
    const listed = new Set([...opt.include, ...opt.exclude]);
    const found = bareImports();
    expect(found.size).toBeGreaterThan(10); // the walk reaches the pages and workers
    // an excluded package is excluded with its subpaths (glpk.js/node is Node's entry of glpk.js)
    const ok = (spec: string) => listed.has(spec) || opt.exclude.some((e) => spec.startsWith(`${e}/`));
    const missing = [...found].filter(([spec]) => !ok(spec)).map(([s, f]) => `${s} (${f})`);
    expect(missing).toEqual([]);
  });
});
