import type { WerkplanBridge } from '../../../../contracts';
import type { AuthPlatform } from './index';

export function electronAuth(a: NonNullable<WerkplanBridge['auth']>): AuthPlatform {
  return {
    kind: 'electron',
    supported: true,
    status: () => a.status(),
    settings: () => a.settings(),
    configure: (s) => a.configure(s),
    signIn: (options) => (options ? a.signIn(options) : a.signIn()),
    signOut: () => a.signOut(),
    syncRequest: (r) => a.syncRequest(r),
  };
}
