import { defineConfig } from 'vite';

// Forge's plugin-vite supplies entry, output (.vite/build) and the MAIN_WINDOW_VITE_* defines.
export default defineConfig({
  build: { target: 'node20', sourcemap: true },
});
