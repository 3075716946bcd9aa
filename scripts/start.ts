/**
 * `npm start`: the desktop app through Electron Forge. `npm ci` runs no install scripts (.npmrc), so
 * the Electron binary is fetched here, once and explicitly. Where it cannot be had (no network, as on
 * the CI machines) the planner is served in the browser instead, and the user is told so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export type StartPlan = 'electron' | 'fetch-then-electron';

/** True when node_modules/electron has its binary (path.txt names it and the file exists). */
export function electronBinaryPresent(root: string): boolean {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return false;
  const rel = readFileSync(pathTxt, 'utf8').trim();
  return rel.length > 0 && existsSync(path.join(dir, 'dist', rel));
}

export function plan(root: string): StartPlan {
  return electronBinaryPresent(root) ? 'electron' : 'fetch-then-electron';
}

/**
 * The one line a user reads when the download failed: the reason from the installer's output
 * (its first error line, e.g. "RequestError: getaddrinfo ENOTFOUND github.com"), not its stack.
 */
export function downloadFailureLine(output: string): string {
  const reason = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /error/i.test(l) && !l.startsWith('at '));
  const why = reason ? ` (${reason.replace(/^\w*Error:\s*/, '')})` : '';
  return `werkplan: the Electron binary could not be downloaded${why}; serving the same planner in your browser instead: open http://localhost:5173`;
}

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
}

function main(): number {
  const root = process.cwd();
  if (plan(root) === 'fetch-then-electron') {
    console.log(
      'werkplan: the Electron binary is not installed yet; fetching it once (node node_modules/electron/install.js) ...',
    );
    // The installer's own output (a RequestError stack where there is no network) is kept back.
    const fetch = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
      encoding: 'utf8',
    });
    if (fetch.status !== 0 || !electronBinaryPresent(root)) {
      console.error(downloadFailureLine(`${fetch.stderr ?? ''}\n${fetch.stdout ?? ''}`));
      return run('npx', ['vite', '--config', 'renderer/vite.config.ts']);
    }
  }
  return run('npx', ['electron-forge', 'start']);
}

if (process.argv[1]?.endsWith('start.ts')) process.exitCode = main();
