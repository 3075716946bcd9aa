import type { WerkplanBridge } from '../../../../contracts';
import type { AtRestPlatform } from './index';

/**
 * Asks the shell for the at-rest key and imports it as a non-extractable AES-GCM key: script in
 * the page can use it, never read it back. The raw bytes are overwritten right after the import.
 */
export function electronAtRest(bridge: WerkplanBridge): AtRestPlatform {
  return {
    kind: 'electron',
    async load() {
      const r = bridge.dataKey
        ? await bridge.dataKey()
        : ({ status: 'unprotected', reason: 'noKeyring' } as const);
      if (r.status === 'unprotected')
        return { status: { mode: 'unencrypted', reason: r.reason }, state: { mode: 'plain' } };
      if (r.status === 'locked')
        return { status: { mode: 'locked', reason: r.reason }, state: { mode: 'locked', reason: r.reason } };
      try {
        const key = await crypto.subtle.importKey('raw', new Uint8Array(r.key), { name: 'AES-GCM' }, false, [
          'encrypt',
          'decrypt',
        ]);
        return { status: { mode: 'encrypted' }, state: { mode: 'key', key } };
      } finally {
        r.key.fill(0);
      }
    },
  };
}
