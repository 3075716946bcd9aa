import type { TeamCipher, TeamKeyParams } from '../../../../contracts';
import { electronKeyring } from './index.electron';
import { webKeyring } from './index.web';

export type { TeamCipher, TeamKeyParams };

/**
 * The sync team key. In the desktop app the shell's main process derives and holds it (and the
 * remembered passphrase, in the OS keychain); the page gets a handle that seals and opens
 * envelopes, never key material or the passphrase. The browser build holds it in the page and
 * remembers nothing.
 */
export interface Keyring {
  readonly kind: 'electron' | 'web';
  create(passphrase: string, remember: boolean): Promise<{ params: TeamKeyParams; cipher: TeamCipher }>;
  unlock(params: TeamKeyParams, passphrase: string, remember: boolean): Promise<TeamCipher>;
  /** Unlocks with the passphrase the shell remembered, if any. */
  unlockRemembered(params: TeamKeyParams): Promise<TeamCipher | null>;
  /** Forgets the key and the remembered passphrase. */
  lock(): Promise<void>;
}

export function keyring(win: Window = window): Keyring {
  const bridge = win.werkplan;
  return bridge?.kind === 'electron' && bridge.keyring ? electronKeyring(bridge.keyring) : webKeyring();
}
