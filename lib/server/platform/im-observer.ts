import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImObserver } from "@/lib/im/transport";
import { log } from "./log";
import { recordImCall, requestContext } from "./request-context";

/** Set by lib/server/platform/tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set; absent otherwise (no tracing code loaded). */
export type TraceIm = <T>(command: string, run: () => Promise<T>) => Promise<T>;
const holder = globalThis as typeof globalThis & { __traceIm?: TraceIm };

/**
 * Every IM command, as the gateway sends it: its code and time go on the request's log line (and into a
 * span when tracing is on). A failure outside any request (a crawl, a webhook) gets a line of its own.
 */
export const observeIm: ImObserver = async (path, run) => {
  const command = path.split("/").pop() ?? path;
  const started = performance.now();
  const finish = (code: number) => {
    const ms = Math.round(performance.now() - started);
    recordImCall(command, code, ms);
    if (code !== 0 && !requestContext.getStore()) log("warn", "im command failed", { imCommand: command, imCode: code, ms });
  };
  const traced = holder.__traceIm ?? ((_c, r) => r());
  try {
    const result = await traced(command, run);
    finish(0);
    return result;
  } catch (err) {
    finish(err instanceof ImError ? err.code : -1);
    throw err;
  }
};
