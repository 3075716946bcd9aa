import { unwrapCipherResult, type KeyringBridge, type TeamCipher } from '../../../../contracts';
import type { Keyring } from './index';

/** The shell's keyring: every operation is a call to the main process, which holds the key. */
export function electronKeyring(bridge: KeyringBridge): Keyring {
  const cipher = (keyId: string): TeamCipher => ({
    keyId,
    // Refusals come back as data (IPC keeps only messages) and are thrown as CryptoErrors here.
    seal: async (r) => unwrapCipherResult(await bridge.seal(r)),
    open: async (r) => unwrapCipherResult(await bridge.open(r)),
  });
  return {
    kind: 'electron',
    create: async (passphrase, remember) => {
      const params = await bridge.create(passphrase, remember);
      return { params, cipher: cipher(params.keyId) };
    },
    unlock: async (params, passphrase, remember) => cipher(await bridge.unlock(params, passphrase, remember)),
    unlockRemembered: async (params) => {
      const keyId = await bridge.unlockRemembered(params);
      return keyId ? cipher(keyId) : null;
    },
    lock: () => bridge.lock(),
  };
}
