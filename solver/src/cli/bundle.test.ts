import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

/** bin/cli-bundle.mjs is plain JavaScript (it runs before any TypeScript loader): its API as used here. */
interface CliModule {
  main: () => string;
}
interface BundleApi {
  freshBundle: (root: string) => string | undefined;
  buildBundle: (root: string) => Promise<string>;
  loadCli: (root: string) => Promise<CliModule>;
  cacheDir: (root: string) => string;
}
const bundleFile = new URL('../../../bin/cli-bundle.mjs', import.meta.url).href;
const api = (await import(/* @vite-ignore */ bundleFile)) as BundleApi;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'werkplan-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => delete process.env.WERKPLAN_CLI_BUNDLE);

let roots = 0;
/** A package root with a CLI entry that imports a value and reads a file next to its source. */
function makeRoot(value = "'one'"): { root: string; write: (file: string, text: string) => void } {
  const root = path.join(tmp, `root${roots++}`);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package.json', '{ "type": "module" }\n');
  write(
    'solver/src/cli/main.ts',
    [
      "import { readFileSync } from 'node:fs';",
      "import { value } from './value';",
      "const note = readFileSync(new URL('./note.txt', import.meta.url), 'utf8');",
      'export const main = (): string => `${value} ${note}`;',
      '',
    ].join('\n'),
  );
  write('solver/src/cli/value.ts', `export const value: string = ${value};\n`);
  write('solver/src/cli/note.txt', 'beside the source');
  return { root, write };
}

describe('the CLI bundle', () => {
  it('is built once and then used while no source changes', async () => {
    const { root } = makeRoot();
    expect(api.freshBundle(root)).toBeUndefined();
    const entry = await api.buildBundle(root);
    expect(entry.startsWith(api.cacheDir(root))).toBe(true);
    expect(api.freshBundle(root)).toBe(entry);
    const cli = await api.loadCli(root);
    // import.meta.url still names the source: the file next to it is found from the bundle
    expect(cli.main()).toBe('one beside the source');
    expect(api.freshBundle(root)).toBe(entry);
  });

  it('is stale as soon as a source changes, even with the same size and modification time', async () => {
    const { root, write } = makeRoot();
    const first = await api.buildBundle(root);
    const file = path.join(root, 'solver/src/cli/value.ts');
    const { atime, mtime } = statSync(file);
    write('solver/src/cli/value.ts', "export const value: string = 'two';\n");
    utimesSync(file, atime, mtime);
    expect(api.freshBundle(root)).toBeUndefined();
    const cli = await api.loadCli(root);
    expect(cli.main()).toBe('two beside the source');
    const second = api.freshBundle(root);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });

  it('is stale when a build setting changes or the package moves', async () => {
    const { root, write } = makeRoot();
    await api.buildBundle(root);
    write('package.json', '{ "type": "module", "name": "x" }\n');
    expect(api.freshBundle(root)).toBeUndefined();
    await api.buildBundle(root);
    const moved = `${root}-moved`;
    const { renameSync } = await import('node:fs');
    renameSync(root, moved);
    expect(api.freshBundle(moved)).toBeUndefined();
  });

  it('is not used with WERKPLAN_CLI_BUNDLE=0: the sources run through tsx', async () => {
    const { root } = makeRoot("'tsx'");
    process.env.WERKPLAN_CLI_BUNDLE = '0';
    const cli = await api.loadCli(root);
    expect(cli.main()).toBe('tsx beside the source');
    expect(existsSync(api.cacheDir(root))).toBe(false);
  });

  it('falls back to tsx when the sources do not build, which reports the error', async () => {
    const { root, write } = makeRoot();
    await api.buildBundle(root);
    write('solver/src/cli/value.ts', 'export const value: string = ;\n');
    await expect(api.loadCli(root)).rejects.toThrow();
    expect(api.freshBundle(root)).toBeUndefined();
  });

  it("removes other builds' bundles once they are a day old", async () => {
    const { root } = makeRoot();
    const dir = api.cacheDir(root);
    const old = path.join(dir, 'b-old');
    const young = path.join(dir, 'b-young');
    mkdirSync(old, { recursive: true });
    mkdirSync(young, { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    const entry = await api.buildBundle(root);
    expect(readdirSync(dir).sort()).toEqual(
      [path.basename(path.dirname(entry)), 'b-young', 'stamp.json'].sort(),
    );
  });
});
