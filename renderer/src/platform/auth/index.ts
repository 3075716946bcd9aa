import type {
  AuthStatus,
  SignInOptions,
  SignOutResult,
  SyncHttpRequest,
  SyncHttpResponse,
  SyncSettings,
} from '../../../../contracts';
import { electronAuth } from './index.electron';
import { webAuth } from './index.web';

export type { AuthStatus, SignInOptions, SignOutResult, SyncHttpRequest, SyncHttpResponse, SyncSettings };

/**
 * Sync sign-in. In the desktop app the main process runs the OAuth flow in the system browser and
 * keeps the tokens (docs/security/signin.md) and makes the sync API calls; the renderer sees only
 * the sign-in status. The browser build cannot sign in (see index.web.ts).
 */
export interface AuthPlatform {
  readonly kind: 'electron' | 'web';
  /** Whether sign-in is possible here at all. */
  readonly supported: boolean;
  status(): Promise<AuthStatus>;
  settings(): Promise<SyncSettings | null>;
  configure(settings: SyncSettings): Promise<SyncSettings>;
  /** With `claims`: a step-up the server asked for (e.g. MFA for administrative actions). */
  signIn(options?: SignInOptions): Promise<AuthStatus>;
  signOut(): Promise<SignOutResult>;
  /** A sync API request, authenticated by the shell (the renderer never holds a token). */
  syncRequest(request: SyncHttpRequest): Promise<SyncHttpResponse>;
}

export function auth(win: Window = window): AuthPlatform {
  const bridge = win.werkplan;
  return bridge?.kind === 'electron' && bridge.auth ? electronAuth(bridge.auth) : webAuth();
}
