import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAppProtocolHandler, ForbiddenPathError, mimeType, resolveAppPath } from './protocol';
import { nodeFs } from './testing/fakes';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'werkplan-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Werkplan</title>');
  await writeFile(path.join(root, 'assets', 'highs.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(path.join(base, 'secret.txt'), 'top secret');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://werkplan/ paths into the root', () => {
    expect(resolveAppPath('/r', 'app://werkplan/')).toBe(path.resolve('/r/index.html'));
    expect(resolveAppPath('/r', 'app://werkplan/assets/a.js?x=1#h')).toBe(path.resolve('/r/assets/a.js'));
    expect(resolveAppPath('/r', 'app://werkplan/a%20b.css')).toBe(path.resolve('/r/a b.css'));
  });

  it.each([
    'app://werkplan/../secret.txt',
    'app://werkplan/assets/%2e%2e/%2e%2e/secret.txt',
    'app://werkplan/%2E%2E%2Fsecret.txt',
    'app://werkplan/assets/..%5c..%5csecret.txt',
    'app://werkplan/x%00.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://werkplan/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(() => resolveAppPath('/r', url)).toThrow(ForbiddenPathError);
  });
});

describe('app:// handler', () => {
  it('serves files with MIME types and the security headers', async () => {
    const handler = createAppProtocolHandler(root, nodeFs);
    const res = await handler({ url: 'app://werkplan/index.html' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await res.text()).toContain('Werkplan');
    const wasm = await handler({ url: 'app://werkplan/assets/highs.wasm' });
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(mimeType('x.mjs')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 403 for traversal, 404 for missing files and directories, and never follows a symlink out', async () => {
    const handler = createAppProtocolHandler(root, nodeFs);
    expect((await handler({ url: 'app://werkplan/%2e%2e/secret.txt' })).status).toBe(403);
    expect((await handler({ url: 'app://werkplan/missing.js' })).status).toBe(404);
    expect((await handler({ url: 'app://werkplan/assets' })).status).toBe(404);
    const link = await handler({ url: 'app://werkplan/assets/link.txt' });
    expect(link.status).toBe(403);
    expect(await link.text()).not.toContain('top secret');
  });
});
