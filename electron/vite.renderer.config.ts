import { defineConfig, mergeConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import rendererConfig from '../renderer/vite.config';

/**
 * Forge's renderer build reuses the planner's own Vite config (the same bundle as `npm run web`),
 * writing to Forge's layout so the main process finds it at .vite/renderer/main_window.
 */
export default defineConfig(
  mergeConfig(rendererConfig, {
    build: { outDir: fileURLToPath(new URL('../.vite/renderer/main_window', import.meta.url)) },
  }),
);
