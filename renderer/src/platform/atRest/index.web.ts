import type { AtRestPlatform } from './index';

/** A browser has no OS keychain to protect a key with: local data stay unencrypted (and say so). */
export function webAtRest(): AtRestPlatform {
  return {
    kind: 'web',
    load: () =>
      Promise.resolve({ status: { mode: 'unencrypted', reason: 'browser' }, state: { mode: 'plain' } }),
  };
}
