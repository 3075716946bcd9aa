import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run server without configuration', () => {
  it('prints one line naming every missing variable, no stack trace, exit code 1', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^werkplan server: .*AUTH_AUDIENCE.*AUTH_ALLOWED_TENANTS.*docs\/deploy\.md/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
