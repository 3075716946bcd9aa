import { electronLocalData } from './index.electron';
import { webLocalData } from './index.web';

/**
 * "Delete all local data" (docs/security/desktop-data.md): projects, profiles, results, weather
 * files, sync state, remembered secrets, sign-in, caches and the at-rest key. The caller reloads.
 */
export interface LocalDataPlatform {
  readonly kind: 'electron' | 'web';
  wipe(): Promise<void>;
}

export function localData(win: Window = window): LocalDataPlatform {
  const bridge = win.werkplan;
  return bridge?.kind === 'electron' ? electronLocalData(bridge, win) : webLocalData(win);
}
