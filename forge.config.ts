import type { ForgeConfig } from '@electron-forge/shared-types';
import { VitePlugin } from '@electron-forge/plugin-vite';

/** `npm start` (electron-forge start) and `npm run dist` (forge package, then electron-builder). */
const config: ForgeConfig = {
  packagerConfig: {
    name: 'Werkplan',
    executableName: 'werkplan',
    appBundleId: 'de.werkplan.app',
    icon: 'build/icon',
    asar: true,
    // Only the built app goes into the package; sources, tests and data generators stay out.
    ignore: (file: string) => file !== '' && !/^\/(\.vite|package\.json|node_modules)(\/|$)/.test(file),
  },
  rebuildConfig: {},
  makers: [],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/src/main.ts', config: 'electron/vite.main.config.ts', target: 'main' },
        { entry: 'electron/src/preload.ts', config: 'electron/vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'electron/vite.renderer.config.ts' }],
    }),
  ],
};

export default config;
