/** Prometheus metrics (text format at /metrics). Labels are route patterns and codes: no ids, no people. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics(defaults = true) {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestDuration: new Histogram({
      name: 'werkplan_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    authRefused: new Counter({
      name: 'werkplan_auth_refused_total',
      help: 'Refused bearer tokens by reason code',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    authKeysUnavailable: new Counter({
      name: 'werkplan_auth_keys_unavailable_total',
      help: "Requests answered 503 because the identity provider's signing keys could not be fetched",
      registers: [registry],
    }),
    conflicts: new Counter({
      name: 'werkplan_sync_conflicts_total',
      help: 'Writes refused with 409 because of a stale or missing version precondition',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
