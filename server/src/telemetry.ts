/**
 * OpenTelemetry traces of the sync server, exported with OTLP/HTTP (JSON) to the collector named by
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT (+ /v1/traces). Off when
 * neither is set. One span per request, with the route *template*, method and status only: no URL,
 * no ids of projects, tenants or people, no address, no token (docs/security/server.md).
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { FastifyInstance } from 'fastify';

export interface Telemetry {
  provider: TracerProvider;
  /** Sends what is buffered (tests, shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** The traces endpoint from the standard OpenTelemetry variables, or null (telemetry off). */
export function tracesEndpoint(env: NodeJS.ProcessEnv): string | null {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/$/, '')}/v1/traces` : null;
}

export function createTelemetry(endpoint: string, serviceVersion = '0'): Telemetry {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'werkplan-sync', 'service.version': serviceVersion }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: endpoint }) })],
  });
  return {
    provider,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** One server span per request, named and labelled by the route template. */
export function registerTracing(app: FastifyInstance, telemetry: Telemetry): void {
  const tracer = telemetry.provider.getTracer('werkplan-sync');
  const started = new WeakMap<object, number>();
  app.addHook('onRequest', (req, _reply, done) => {
    started.set(req, Date.now());
    done();
  });
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const span = tracer.startSpan(`${req.method} ${route}`, {
      kind: SpanKind.SERVER,
      startTime: started.get(req) ?? Date.now(),
      attributes: {
        'http.request.method': req.method,
        'http.route': route,
        'http.response.status_code': reply.statusCode,
      },
    });
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    done();
  });
  app.addHook('onClose', async () => telemetry.shutdown());
}
