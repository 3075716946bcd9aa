/**
 * Refused tokens are counted, not written one by one: an unauthenticated client must not grow an
 * audit chain per request. `sampler(chain, reason)` lets the first refusal per chain and reason
 * of each window through (with how many were left out since the last entry) and swallows the rest;
 * the metric `werkplan_auth_refused_total{reason}` counts every one. Per server instance.
 */
export const REFUSAL_AUDIT_WINDOW_MS = 60_000;

export function createRefusalSampler(window_ms = REFUSAL_AUDIT_WINDOW_MS, now: () => number = Date.now) {
  const last = new Map<string, { at: number; suppressed: number }>();
  return function sample(chain: string, reason: string): { suppressed: number } | null {
    const key = `${chain}\u0000${reason}`;
    const t = now();
    const entry = last.get(key);
    if (entry && t - entry.at < window_ms) {
      entry.suppressed++;
      return null;
    }
    // Chains are allowed tenants plus the system chain and reasons are fixed codes: the map stays small.
    if (last.size > 10_000) last.clear();
    last.set(key, { at: t, suppressed: 0 });
    return { suppressed: entry?.suppressed ?? 0 };
  };
}

export type RefusalSampler = ReturnType<typeof createRefusalSampler>;
