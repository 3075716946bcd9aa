import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS } from '../contracts';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The meta-tag CSP goes into production builds only: Vite's dev server injects inline scripts
 * (React Fast Refresh) that a strict policy would block.
 */
function cspMeta(): Plugin {
  return {
    name: 'werkplan-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), cspMeta()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  // The WASM solvers locate their .wasm beside their own module (new URL('x.wasm', import.meta.url)).
  // Pre-bundled into node_modules/.vite/deps that file is missing and the dev server answers with
  // index.html; served from their package folder the URL resolves in dev exactly as in the build.
  // Pre-bundled CommonJS (pdfkit's dependencies in the report worker) may read Node's `global`,
  // which the build's CommonJS plugin rewrites and the dev server's esbuild does not: a worker has
  // no `global`, so `npm run web` failed every report with "global is not defined".
  // `include`: every dependency the pages and workers load, pre-bundled at start. Found only when a
  // lazy page or a worker first asks for it, a dependency makes Vite re-optimise and reload the page
  // mid-session on a fresh clone (the first `npm run web`), and lazy imports of the old bundle fail.
  optimizeDeps: {
    exclude: ['highs', 'glpk.js'],
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-i18next',
      'i18next',
      'zustand',
      'dexie',
      'papaparse',
      'proj4',
      'exceljs',
      'luxon',
      'date-holidays',
      'echarts',
      'echarts/core',
      'echarts/charts',
      'echarts/components',
      'echarts/features',
      'echarts/renderers',
      'pdfkit',
      'pdfkit/standard-fonts/Helvetica',
      'pdfkit/standard-fonts/HelveticaBold',
      'svg-to-pdfkit',
      '@sinclair/typebox',
    ],
    esbuildOptions: { define: { global: 'globalThis' } },
  },
  build: {
    // WERKPLAN_RENDERER_OUT lets parallel e2e runs build into separate folders.
    outDir: process.env.WERKPLAN_RENDERER_OUT ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  // strictPort: the README promises http://localhost:5173; another port would be a different app.
  server: { headers: ISOLATION_HEADERS, port: 5173, strictPort: true },
  preview: { headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
