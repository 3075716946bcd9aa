import { create } from 'zustand';
import type { AtRestPlatform, AtRestSetup, AtRestStatus } from '../../platform/atRest';
import { configureDbAtRest, db } from '../schema';
import { checkAtRestKey, encryptPlaintextRows } from './migrate';

export interface AtRestUiState {
  /** null until the start has asked the platform. */
  status: AtRestStatus | null;
  /** The migration of existing plaintext rows failed (it resumes on the next start). */
  migrationFailed: boolean;
  /** The data were encrypted with another key than the one the shell has now: unreadable, untouched. */
  otherKey: boolean;
}

export const useAtRest = create<AtRestUiState>(() => ({
  status: null,
  migrationFailed: false,
  otherKey: false,
}));

/**
 * Before the first database access: asks the platform for the key, sets up the database's
 * encryption and seals rows that are still plaintext (first start with a key). A failed migration
 * does not stop the app: reads accept both kinds of rows, and the next start continues.
 */
export async function startAtRest(platform: AtRestPlatform): Promise<AtRestStatus> {
  let setup: AtRestSetup;
  try {
    setup = await platform.load();
  } catch (e) {
    // The shell failed to hand over its key: treat the data as locked rather than write plaintext.
    console.error('at-rest key', e);
    setup = {
      status: { mode: 'locked', reason: 'keyUnreadable' },
      state: { mode: 'locked', reason: 'keyUnreadable' },
    };
  }
  const { status, state } = setup;
  configureDbAtRest(state);
  useAtRest.setState({ status });
  try {
    if ((await checkAtRestKey(db())) === 'otherKey') {
      // Nothing is migrated or rewritten: the rows stay as they are for a key that may come back.
      useAtRest.setState({ otherKey: true });
      return status;
    }
    await encryptPlaintextRows(db());
  } catch (e) {
    console.error('at-rest migration', e);
    useAtRest.setState({ migrationFailed: true });
  }
  return status;
}
