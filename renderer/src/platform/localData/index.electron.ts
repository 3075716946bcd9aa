import type { WerkplanBridge } from '../../../../contracts';
import type { LocalDataPlatform } from './index';
import { wipeBrowserStorage } from './index.web';

/**
 * The page's storage first (so no data outlive a failed second step), then the shell: secret
 * vault files, sign-in tokens (signed out), the at-rest key, the session's storage and cache.
 */
export function electronLocalData(bridge: WerkplanBridge, win: Window): LocalDataPlatform {
  return {
    kind: 'electron',
    async wipe() {
      await wipeBrowserStorage(win);
      if (!bridge.wipeLocalData)
        throw new Error('This version of the desktop app cannot delete its local data.');
      await bridge.wipeLocalData();
    },
  };
}
