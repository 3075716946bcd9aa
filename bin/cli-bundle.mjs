// The command-line tool's fast start: solver/src/cli bundled by esbuild (which tsx brings along) into
// dist/cli, rebuilt whenever a source it was built from changes, with tsx as the fallback. Plain
// JavaScript so that it runs before any TypeScript loader (docs/decisions/cli-fast-start.md).
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package root (the folder of package.json) this file belongs to. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The CLI's entry, relative to the root. */
export const ENTRY = 'solver/src/cli/main.ts';
/** Raise when the build below changes in a way the sources do not show (options, plugin). */
const FORMAT = 1;
/** Files that steer the build without being bundled themselves. */
const SETTINGS = ['package.json', 'tsconfig.base.json', 'solver/tsconfig.json'];
/** Bundles of other builds are removed once they are this old (a running command may still load one). */
const KEEP_MS = 24 * 3600 * 1000;
const URL_NAME = '__werkplanSourceUrl';

let builds = 0;

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The cache folder of a root: dist/cli (dist/ is ignored by git, ESLint and Prettier). */
export const cacheDir = (root = ROOT) => path.join(root, 'dist', 'cli');

/**
 * The bundle's entry file when a bundle exists that was built from exactly the current sources:
 * every file it was built from (and the build settings) still has the content it had then, and it
 * was built for this root. Otherwise undefined.
 */
export function freshBundle(root = ROOT) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(cacheDir(root), 'stamp.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (stamp?.format !== FORMAT || stamp.root !== root || stamp.entry !== ENTRY) return undefined;
  for (const [file, hash] of Object.entries(stamp.inputs ?? {})) {
    let bytes;
    try {
      bytes = readFileSync(path.join(root, file));
    } catch {
      return undefined;
    }
    if (sha(bytes) !== hash) return undefined;
  }
  return path.join(cacheDir(root), stamp.dir, 'main.mjs');
}

/**
 * Bundles the CLI into a new folder of dist/cli and points stamp.json at it (written last, by an
 * atomic rename, so that a concurrent start sees the old bundle or the new one, never a half one).
 * Every source is read once, by the build itself, and its hash recorded from those very bytes: a
 * file changed during the build makes the bundle stale at once. Dependencies stay external (they
 * are loaded from node_modules as usual). `import.meta.url` keeps naming the source file, so that
 * paths relative to a source (e.g. the weather data) resolve as under tsx. Returns the entry file.
 */
export async function buildBundle(root = ROOT) {
  const dir = cacheDir(root);
  mkdirSync(dir, { recursive: true });
  accessSync(dir, constants.W_OK);
  const require = createRequire(import.meta.url);
  const esbuild = createRequire(require.resolve('tsx/package.json'))('esbuild');
  const inputs = {};
  for (const file of SETTINGS) {
    try {
      inputs[file] = sha(readFileSync(path.join(root, file)));
    } catch {
      // a setting file the root does not have
    }
  }
  const name = `b-${process.pid}-${Date.now().toString(36)}-${builds++}`;
  const outdir = path.join(dir, name);
  const sources = {
    name: 'werkplan-sources',
    setup(build) {
      build.onLoad({ filter: /\.(ts|tsx|mts|js|mjs|json)$/ }, async (args) => {
        if (args.path.split(path.sep).includes('node_modules')) return undefined;
        const bytes = await readFile(args.path);
        inputs[path.relative(root, args.path).split(path.sep).join('/')] = sha(bytes);
        let contents = bytes.toString('utf8');
        // On the first line, so that line numbers stay; `define` below points import.meta.url here.
        if (contents.includes('import.meta.url'))
          contents = `const ${URL_NAME} = ${JSON.stringify(pathToFileURL(args.path).href)}; ${contents}`;
        const ext = path.extname(args.path).slice(1);
        const loader = ext === 'json' ? 'json' : ext === 'tsx' ? 'tsx' : ext.endsWith('ts') ? 'ts' : 'js';
        return { contents, loader };
      });
    },
  };
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: { main: ENTRY },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      packages: 'external',
      outdir,
      outExtension: { '.js': '.mjs' },
      define: { 'import.meta.url': URL_NAME },
      plugins: [sources],
      logLevel: 'silent',
    });
  } catch (err) {
    rmSync(outdir, { recursive: true, force: true });
    throw err;
  }
  const stamp = { format: FORMAT, root, entry: ENTRY, dir: name, inputs };
  const tmp = path.join(dir, `stamp-${name}.json`);
  writeFileSync(tmp, JSON.stringify(stamp, null, 1));
  renameSync(tmp, path.join(dir, 'stamp.json'));
  removeOld(dir, name);
  return path.join(outdir, 'main.mjs');
}

/** Removes the bundles of earlier builds that are older than a day (best effort). */
function removeOld(dir, keep) {
  const now = Date.now();
  for (const entry of readdirSync(dir)) {
    if (entry === keep || !entry.startsWith('b-')) continue;
    const file = path.join(dir, entry);
    try {
      if (now - statSync(file).mtimeMs > KEEP_MS) rmSync(file, { recursive: true, force: true });
    } catch {
      // removed by another start meanwhile
    }
  }
}

/**
 * The CLI module (with `main`): the fresh bundle, else a new one, else, when no bundle can be built
 * here (read-only installation, a source esbuild cannot parse) or WERKPLAN_CLI_BUNDLE=0, the
 * sources through tsx, which also reports any error in them.
 */
export async function loadCli(root = ROOT) {
  if (process.env.WERKPLAN_CLI_BUNDLE !== '0') {
    let entry;
    try {
      entry = freshBundle(root) ?? (await buildBundle(root));
    } catch {
      entry = undefined;
    }
    if (entry) return import(pathToFileURL(entry).href);
  }
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(path.join(root, ENTRY)).href, import.meta.url);
}
