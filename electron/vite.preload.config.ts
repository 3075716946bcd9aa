import { defineConfig } from 'vite';

// The preload is bundled into one file: a sandboxed preload cannot require its own modules.
export default defineConfig({
  build: { target: 'chrome120', sourcemap: false },
});
