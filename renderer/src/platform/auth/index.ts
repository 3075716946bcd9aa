import type {
  AccessToken,
  AuthStatus,
  SignOutResult,
  SyncSettings,
} from '../../../../solver/src/shared/bridge';
import { electronAuth } from './index.electron';
import { webAuth } from './index.web';

export type { AccessToken, AuthStatus, SignOutResult, SyncSettings };

/**
 * Sync sign-in. In the desktop app the main process runs the OAuth flow in the system browser and
 * keeps the tokens (docs/security/signin.md); the renderer sees the status and short-lived access
 * tokens only. The browser build cannot sign in (see index.web.ts).
 */
export interface AuthPlatform {
  readonly kind: 'electron' | 'web';
  /** Whether sign-in is possible here at all. */
  readonly supported: boolean;
  status(): Promise<AuthStatus>;
  settings(): Promise<SyncSettings | null>;
  configure(settings: SyncSettings): Promise<SyncSettings>;
  signIn(): Promise<AuthStatus>;
  signOut(): Promise<SignOutResult>;
  accessToken(): Promise<AccessToken | null>;
}

export function auth(win: Window = window): AuthPlatform {
  const bridge = win.werkplan;
  return bridge?.kind === 'electron' && bridge.auth ? electronAuth(bridge.auth) : webAuth();
}
