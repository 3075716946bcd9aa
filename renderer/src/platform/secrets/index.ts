import { electronSecrets } from './index.electron';
import { webSecrets } from './index.web';

/** Secrets (e.g. sync tokens): kept by the operating system's keychain through the shell. */
export interface SecretStore {
  readonly kind: 'electron' | 'web';
  isAvailable(): Promise<boolean>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export function secrets(win: Window = window): SecretStore {
  return win.werkplan?.kind === 'electron' ? electronSecrets(win.werkplan) : webSecrets();
}
