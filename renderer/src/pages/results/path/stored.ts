import type { StoredResult } from '../../../db/results';
import { isPathResult } from '../../../../../solver/src';

/**
 * A stored path result the path view can show: solved (optimal or stopped at the time limit) and
 * with periods. Unlike a single year (pages/results/common isUsable) it needs no hourly dispatch:
 * the path's charts and tables come from its periods.
 */
export const isSolvedPath = (s: StoredResult): boolean =>
  (s.payload.results.status === 'optimal' || s.payload.results.status === 'time_limit') &&
  isPathResult(s.payload.results);

/**
 * The stored result of one period of a path, as a one-year run would store it: the period's own
 * results; the hourly dispatch only for the first period (the top-level figures and the stored
 * dispatch are the first period's, solver/src/results/path.ts), none for the others.
 */
export function periodStored(stored: StoredResult, index: number): StoredResult {
  const p = stored.payload.results.periods?.[index];
  if (!p) return stored;
  return {
    ...stored,
    payload: {
      ...stored.payload,
      results: p.results,
      dispatch: index === 0 ? stored.payload.dispatch : null,
    },
  };
}
