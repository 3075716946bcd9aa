import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The layering contract of ARCHITECTURE.md is enforced by eslint.config.js. These tests lint
 * small in-memory sources under the real paths to prove that a forbidden import fails the build.
 */
// The sources exist in memory only, so no tsconfig holds them: lint them without type information
// (the boundaries need none).
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('refuses electron and Node built-ins in the renderer', async () => {
    expect(
      await boundaryErrors(
        'renderer/src/x.ts',
        "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('renderer/src/x.ts', "import fs from 'fs';\nexport const a = fs;\n"),
    ).toHaveLength(1);
  });

  it('refuses React, DOM libraries, Electron and Node built-ins in the pure solver core', async () => {
    expect(
      await boundaryErrors('solver/src/model/x.ts', "import React from 'react';\nexport const a = React;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'solver/src/model/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'solver/src/model/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      ),
    ).toHaveLength(1);
  });

  it('allows Node built-ins in the solver CLI but not the UI there', async () => {
    expect(
      await boundaryErrors(
        'solver/src/cli/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      ),
    ).toHaveLength(0);
    expect(
      await boundaryErrors('solver/src/cli/x.ts', "import React from 'react';\nexport const a = React;\n"),
    ).toHaveLength(1);
  });

  it('allows the renderer to import the contracts through their index only', async () => {
    expect(
      await boundaryErrors(
        'renderer/src/x.ts',
        "import { IPC } from '../../contracts';\nexport const a = IPC;\n",
      ),
    ).toHaveLength(0);
    expect(
      await boundaryErrors(
        'renderer/src/x.ts',
        "import { IPC } from '../../contracts/src/bridge';\nexport const a = IPC;\n",
      ),
    ).toHaveLength(1);
  });

  it('keeps the server on the contracts and the contracts free of every part', async () => {
    expect(
      await boundaryErrors(
        'server/src/x.ts',
        "import { SYNC_API_PREFIX } from '../../contracts';\nexport const a = SYNC_API_PREFIX;\n",
      ),
    ).toHaveLength(0);
    expect(
      await boundaryErrors(
        'server/src/x.ts',
        "import { buildModel } from '../../solver/src/model/build';\nexport const a = buildModel;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'contracts/src/x.ts',
        "import { buildModel } from '../../solver/src/model/build';\nexport const a = buildModel;\n",
      ),
    ).toHaveLength(1);
  });

  it('lets the renderer into the solver only through its public entries', async () => {
    const solverImport = (spec: string) => `import * as s from '${spec}';\nexport const a = s;\n`;
    for (const ok of [
      '../../solver/src',
      '../../solver/src/index',
      '../../solver/src/report',
      '../../solver/src/worker',
      '../../solver/src/profiles/import',
    ])
      expect(await boundaryErrors('renderer/src/x.ts', solverImport(ok))).toHaveLength(0);
    for (const deep of [
      '../../solver/src/results/results',
      '../../solver/src/profiles/bdew/heat',
      '../../solver/src/report/pdf',
      '../../solver/src/profiles/import/parse',
    ])
      expect(await boundaryErrors('renderer/src/x.ts', solverImport(deep))).toHaveLength(1);
    // the renderer's tests may reach inside, to test against the solver's own pieces
    expect(
      await boundaryErrors('renderer/src/x.test.ts', solverImport('../../solver/src/results/results')),
    ).toHaveLength(0);
  });

  it('keeps the shell from importing the renderer', async () => {
    expect(
      await boundaryErrors(
        'electron/src/x.ts',
        "import { App } from '../../renderer/src/App';\nexport const a = App;\n",
      ),
    ).toHaveLength(1);
  });
});
