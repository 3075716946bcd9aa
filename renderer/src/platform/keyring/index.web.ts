import { createTeamKey, teamCipher, unlockTeamKey } from '../../../../contracts';
import type { Keyring } from './index';

const NO_KEYCHAIN =
  'Secure storage is not available in the browser; use the desktop app to remember the passphrase.';

/** The browser build: the key lives in the page for the session; nothing is remembered. */
export function webKeyring(): Keyring {
  return {
    kind: 'web',
    create: async (passphrase, remember) => {
      if (remember) throw new Error(NO_KEYCHAIN);
      const { params, teamKey } = await createTeamKey(passphrase);
      return { params, cipher: teamCipher(teamKey) };
    },
    unlock: async (params, passphrase, remember) => {
      if (remember) throw new Error(NO_KEYCHAIN);
      return teamCipher(await unlockTeamKey(passphrase, params));
    },
    unlockRemembered: () => Promise.resolve(null),
    lock: () => Promise.resolve(),
  };
}
