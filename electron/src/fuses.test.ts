import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The installers are built by electron-builder (`npm run dist`); its `electronFuses` flips the
 * fuses in the packaged Electron binary. This test reads the packaging config as shipped.
 */
function fusesOf(yamlText: string): Record<string, boolean> {
  const lines = yamlText.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  if (start < 0) return {};
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!m) break;
    fuses[m[1]] = m[2] === 'true';
  }
  return fuses;
}

describe('Electron fuses in the packaging config', () => {
  const config = readFileSync(path.join(__dirname, '../../build/electron-builder.yml'), 'utf8');

  it('turns off Node mode, NODE_OPTIONS and inspector flags; ASAR only, integrity checked', () => {
    expect(fusesOf(config)).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an ASAR archive (the integrity fuse needs one)', () => {
    expect(config).toMatch(/^asar: true$/m);
  });
});
