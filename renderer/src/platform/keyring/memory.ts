import { createTeamKey, teamCipher, unlockTeamKey, type TeamCipher } from '../../../../contracts';
import type { Keyring } from './index';

/** Where the shell's keyring remembers the passphrase (its own vault file, ipc/keyring.ts). */
export const REMEMBERED_PASSPHRASE = 'sync.team-passphrase';

/**
 * A keyring for tests that behaves like the shell's: the key in memory, the remembered passphrase in
 * `store` (the stand-in for the shell's vault, which the page cannot read in the real app).
 */
export function memoryKeyring(store = new Map<string, string>()): Keyring & { store: Map<string, string> } {
  const remember = (passphrase: string, yes: boolean) =>
    yes ? void store.set(REMEMBERED_PASSPHRASE, passphrase) : void store.delete(REMEMBERED_PASSPHRASE);
  return {
    kind: 'electron',
    store,
    create: async (passphrase, yes) => {
      const { params, teamKey } = await createTeamKey(passphrase);
      remember(passphrase, yes);
      return { params, cipher: teamCipher(teamKey) };
    },
    unlock: async (params, passphrase, yes): Promise<TeamCipher> => {
      const cipher = teamCipher(await unlockTeamKey(passphrase, params));
      remember(passphrase, yes);
      return cipher;
    },
    unlockRemembered: async (params) => {
      const passphrase = store.get(REMEMBERED_PASSPHRASE);
      return passphrase ? teamCipher(await unlockTeamKey(passphrase, params)) : null;
    },
    lock: () => Promise.resolve(void store.delete(REMEMBERED_PASSPHRASE)),
  };
}
