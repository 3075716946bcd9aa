import type { AtRestState } from '../../db/atRest/middleware';
import { electronAtRest } from './index.electron';
import { webAtRest } from './index.web';

/**
 * Whether the planner's local data are encrypted at rest, and why not (shown in Settings).
 * `browser`: the web build (no OS keychain); `noKeyring`/`basicText`: the desktop without OS
 * protection (docs/decisions/desktop-encryption-at-rest.md); `locked`: encrypted data whose key
 * cannot be unlocked now.
 */
export type AtRestStatus =
  | { mode: 'encrypted' }
  | { mode: 'unencrypted'; reason: 'browser' | 'noKeyring' | 'basicText' }
  | { mode: 'locked'; reason: 'noKeyring' | 'keyUnreadable' };

export interface AtRestSetup {
  status: AtRestStatus;
  /** What the database middleware does (renderer/src/db/atRest). */
  state: AtRestState;
}

export interface AtRestPlatform {
  readonly kind: 'electron' | 'web';
  load(): Promise<AtRestSetup>;
}

export function atRest(win: Window = window): AtRestPlatform {
  return win.werkplan?.kind === 'electron' ? electronAtRest(win.werkplan) : webAtRest();
}
