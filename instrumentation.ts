// Runs once when a console server process starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Tracing code is loaded only when it has somewhere to send traces: no cost otherwise.
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("./lib/server/platform/tracing");
    startTracing();
  }
  const { installShutdown } = await import("./lib/server/platform/shutdown");
  const { closeContext } = await import("./lib/server/platform/context");
  const { log } = await import("./lib/server/platform/log");
  installShutdown(closeContext);
  const { startBackgroundWork } = await import("./lib/server/background");
  try {
    startBackgroundWork();
  } catch (err) {
    log("error", "background work did not start", { error: err });
  }
}
