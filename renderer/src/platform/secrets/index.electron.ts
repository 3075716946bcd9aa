import type { WerkplanBridge } from '../../../../contracts';
import type { SecretStore } from './index';

export function electronSecrets(bridge: WerkplanBridge): SecretStore {
  return {
    kind: 'electron',
    isAvailable: () => bridge.secrets.isAvailable(),
    get: (key) => bridge.secrets.get(key),
    set: (key, value) => bridge.secrets.set(key, value),
    delete: (key) => bridge.secrets.delete(key),
  };
}
