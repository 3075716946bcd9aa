import { defineConfig } from 'vitest/config';

// One runner for every unit suite; each folder is a project with its own environment.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'solver',
          include: ['solver/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'contracts',
          include: ['contracts/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'electron',
          include: ['electron/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
        test: {
          name: 'renderer',
          include: ['renderer/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['renderer/src/test-setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          // Fault tests start the server as a child process (tsx + database) up to twice per test.
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'repo',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
          // The layering and size rules run ESLint and the TypeScript parser over the repository:
          // seconds alone, more on a loaded machine (a 7 s run failed the default 5 s limit).
          testTimeout: 60_000,
        },
      },
    ],
  },
});
