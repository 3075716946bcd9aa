import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (browsers cannot be downloaded on these machines), against
 * what users run:
 * - project `web`: `npm run web` exactly as the README gives it (Vite's dev server on
 *   localhost:5173), for the specs named `*.web.spec.ts`: the front-door smoke test and the new
 *   user's journey. A green run of the built preview alone once hid that the dev server could not
 *   load the solver.
 * - project `built`: the BUILT renderer (`npm run build`, as the desktop app ships it), served by
 *   `vite preview`, for every other spec.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT_DIR = process.env.WERKPLAN_RENDERER_OUT; // a separate build folder, for parallel runs
const WEB_URL = 'http://localhost:5173';
/** `--project web` alone needs no build: only the dev server is started then. */
const args = process.argv.join(' ');
const onlyWeb = /--project[= ]web\b/.test(args) && !/--project[= ]built\b/.test(args);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: process.env.E2E_OUTPUT ?? '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'web', testMatch: '*.web.spec.ts', use: { baseURL: WEB_URL } },
    { name: 'built', testIgnore: '*.web.spec.ts', use: { baseURL: `http://127.0.0.1:${PORT}` } },
  ],
  webServer: [
    {
      // The README's command, unchanged: no flags, its own port.
      command: 'npm run web',
      cwd: '..',
      url: WEB_URL,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    ...(onlyWeb
      ? []
      : [
          {
            command: `npx vite preview --config renderer/vite.config.ts --host 127.0.0.1 --port ${PORT} --strictPort${OUT_DIR ? ` --outDir ${OUT_DIR}` : ''}`,
            cwd: '..',
            url: `http://127.0.0.1:${PORT}`,
            reuseExistingServer: false,
            timeout: 60_000,
          },
        ]),
  ],
});
