import type { WerkplanBridge } from '../../contracts';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by electron/src/preload.ts). */
    werkplan?: WerkplanBridge;
  }
  /** package.json version, injected by Vite's `define`. */
  const __APP_VERSION__: string;
}

export {};
