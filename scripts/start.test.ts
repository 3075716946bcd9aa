import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadFailureLine, electronBinaryPresent, plan } from './start';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(withPathTxt: string | null, withBinary: boolean): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'werkplan-start-'));
  dirs.push(root);
  const dir = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  if (withPathTxt !== null) writeFileSync(path.join(dir, 'path.txt'), withPathTxt);
  if (withBinary) writeFileSync(path.join(dir, 'dist', 'electron'), '');
  return root;
}

describe('npm start', () => {
  it('starts Electron directly when its binary is installed', () => {
    const root = project('electron', true);
    expect(electronBinaryPresent(root)).toBe(true);
    expect(plan(root)).toBe('electron');
  });

  it('fetches the binary first when npm ci skipped the download', () => {
    expect(plan(project(null, false))).toBe('fetch-then-electron');
    expect(plan(project('electron', false))).toBe('fetch-then-electron');
    expect(plan(project('', false))).toBe('fetch-then-electron');
  });
});

describe('npm start without network', () => {
  it('says in one line why Electron could not be had, without the installer stack', () => {
    const out = [
      'RequestError: getaddrinfo ENOTFOUND github.com',
      '    at ClientRequest.<anonymous> (/x/node_modules/got/dist/source/core/index.js:970:111)',
      '    at Object.onceWrapper (node:events:639:26)',
    ].join('\n');
    const line = downloadFailureLine(out);
    expect(line).toBe(
      'werkplan: the Electron binary could not be downloaded (getaddrinfo ENOTFOUND github.com); serving the same planner in your browser instead: open http://localhost:5173',
    );
    expect(line).not.toContain('\n');
    expect(downloadFailureLine('')).toMatch(/could not be downloaded; serving/);
  });
});
