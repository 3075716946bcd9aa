// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

// Node built-ins, in both spellings ('fs' and 'node:fs').
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

/** The layering contract (ARCHITECTURE.md): dependencies point inward. */
const boundary = (
  /** @type {string[]} */ names,
  /** @type {(string | string[])[]} */ patterns,
  /** @type {string} */ message,
) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: typeof group === 'string' ? [group] : group, message })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'out',
      '.vite',
      '.tsbuild',
      'test-results',
      'playwright-report',
      'e2e/artifacts',
      'coverage',
      'solver/src/project/*.generated.*',
    ],
  },
  js.configs.recommended,
  {
    // Type-checked rules for all TypeScript (app code, tests, e2e, scripts); the project service
    // finds each file's tsconfig (the solution tsconfig.json covers the root config files).
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Plain JavaScript gets the untyped recommended rules only.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.recommended, tseslint.configs.disableTypeChecked],
  },
  {
    // `expect(fake.method).toHaveBeenCalled()` hands a vi.fn mock to expect, which never calls it
    // with a `this`: unbound-method misjudges it.
    files: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Fakes in tests implement async interfaces with async functions, so a thrown error rejects as
    // the real implementation's would; React's act takes an async callback so pending promises
    // settle before the assertions. require-await would ask to drop that `async`.
    files: ['**/*.test.{ts,tsx}', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // These tests break parsed example documents on purpose through `Json` (an explicit `any`, see
    // there): the unsafe-any rules would flag each deliberate edit.
    files: ['solver/src/project/check.test.ts', 'renderer/src/project/problems.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary(
        ['electron', ...nodeBuiltins],
        ['electron/*', '**/electron/src/*', '**/server/src/*', '**/contracts/src/*'],
        'renderer/ runs as a web page: it talks to the shell only through renderer/src/platform (the preload bridge).',
      ),
    },
  },
  {
    // The solver is entered only through its public entries (solver/src/index.ts, and for the
    // workers solver/src/report, solver/src/worker, solver/src/profiles/import).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/**/*.test.{ts,tsx}', 'renderer/src/test-setup.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins].map((name) => ({
            name,
            message:
              'renderer/ runs as a web page: it talks to the shell only through renderer/src/platform (the preload bridge).',
          })),
          patterns: [
            {
              group: ['electron/*', '**/electron/src/*', '**/server/src/*', '**/contracts/src/*'],
              message:
                'renderer/ runs as a web page: it talks to the shell only through renderer/src/platform (the preload bridge).',
            },
            {
              group: [
                '**/solver/src/**',
                '!**/solver/src',
                '!**/solver/src/index',
                '!**/solver/src/report',
                '!**/solver/src/worker',
                '!**/solver/src/profiles',
                '!**/solver/src/profiles/import',
              ],
              message:
                'The renderer imports the solver through its public entry solver/src (index.ts); workers also through solver/src/report, solver/src/worker or solver/src/profiles/import.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts', 'renderer/**/*.test.{ts,tsx}', 'renderer/src/test-setup.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['solver/**/*.ts'],
    ignores: ['solver/src/cli/**', 'solver/src/**/*.test.ts', 'solver/src/**/*.node.ts'],
    rules: boundary(
      ['electron', 'react', 'react-dom', 'dexie', 'echarts', ...nodeBuiltins],
      [
        'react/*',
        'react-dom/*',
        'electron/*',
        '**/renderer/src/*',
        '**/electron/src/*',
        '**/server/src/*',
        '**/contracts/src/*',
      ],
      'solver/ is the pure core: no DOM, React, Electron or Node built-ins outside solver/src/cli and *.node.ts.',
    ),
  },
  {
    files: ['solver/src/cli/**/*.ts', 'solver/src/**/*.node.ts', 'solver/src/**/*.test.ts'],
    rules: boundary(
      ['electron', 'react', 'react-dom', 'dexie', 'echarts'],
      [
        'react/*',
        'electron/*',
        '**/renderer/src/*',
        '**/electron/src/*',
        '**/server/src/*',
        '**/contracts/src/*',
      ],
      'solver/ never imports the UI, the shell or the server.',
    ),
  },
  {
    files: ['server/**/*.ts'],
    rules: boundary(
      ['electron', 'react', 'react-dom', 'dexie', 'echarts'],
      ['**/renderer/src/*', '**/electron/src/*', '**/solver/src/*', '**/contracts/src/*'],
      'server/ depends on the contracts (contracts/index.ts) only.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: boundary(
      ['react', 'react-dom', 'dexie', 'echarts'],
      ['**/renderer/src/*', '**/server/src/*', '**/contracts/src/*'],
      'electron/ stays thin; the contracts are entered through contracts/index.ts.',
    ),
  },
  {
    files: ['contracts/**/*.ts'],
    rules: boundary(
      ['electron', 'react', 'react-dom', 'dexie', 'echarts', ...nodeBuiltins],
      ['**/solver/src/*', '**/renderer/src/*', '**/electron/src/*', '**/server/src/*'],
      'contracts/ are the types and constants between the parts: they import none of them.',
    ),
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['scripts/**/*.ts', 'solver/src/cli/**/*.ts', 'e2e/**/*.ts', 'server/src/main.ts'],
    rules: { 'no-console': 'off' },
  },
);
