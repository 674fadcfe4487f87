import "server-only";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type ReadableSpan, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import type { TraceIm } from "./im-observer";
import { onShutdown } from "./shutdown";

/** A span that mentions a UserSig is never exported, whoever made it. */
function withoutSecrets(inner: SpanProcessor): SpanProcessor {
  const leaks = (span: ReadableSpan) =>
    /usersig=/i.test(span.name) || Object.values(span.attributes).some((v) => typeof v === "string" && /usersig=/i.test(v));
  return {
    onStart: (span, ctx) => inner.onStart(span, ctx),
    onEnd: (span) => (leaks(span) ? undefined : inner.onEnd(span)),
    forceFlush: () => inner.forceFlush(),
    shutdown: () => inner.shutdown(),
  };
}

/**
 * Loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set (instrumentation.ts): Next's own spans for each
 * request, and one span per IM command (named by the command, never the URL) beneath the route's.
 */
export function startTracing(): void {
  // Next's fetch spans carry the full URL, and the gateway's URLs carry the UserSig: ours replace them.
  process.env.NEXT_OTEL_FETCH_DISABLED = "1";
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME || "group-console" }),
    spanProcessors: [withoutSecrets(new BatchSpanProcessor(new OTLPTraceExporter()))],
  });
  provider.register();
  const tracer = trace.getTracer("group-console");
  const traceIm: TraceIm = (command, run) =>
    tracer.startActiveSpan(`im ${command}`, { kind: SpanKind.CLIENT, attributes: { "im.command": command } }, async (span) => {
      try {
        return await run();
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (typeof code === "number") span.setAttribute("im.code", code);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    });
  (globalThis as typeof globalThis & { __traceIm?: TraceIm }).__traceIm = traceIm;
  // Send what is buffered while the requests in flight finish.
  onShutdown(() => void provider.shutdown().catch(() => undefined));
}
