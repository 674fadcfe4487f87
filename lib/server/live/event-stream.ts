import "server-only";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { onShutdown } from "../shutdown";
import { getBus } from "./bus";

const HEARTBEAT_MS = 15_000;
/** Tells EventSource how soon to come back after a dropped connection. */
const RETRY_MS = 3_000;
/** A client this far behind is cut off; it reconnects and refetches, which is cheaper than queueing forever. */
const MAX_QUEUED_CHUNKS = 1_000;

const encoder = new TextEncoder();

/** One server-sent event: the name is the event type, the data its JSON without the type. */
export function formatEvent({ type, ...data }: LiveEvent): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * An open stream of every live event until the client goes away (the request's signal) or `stillAllowed`
 * says no (checked at each heartbeat, so a disabled account stops receiving within 15 s).
 */
export function eventStreamResponse(signal: AbortSignal, stillAllowed: () => boolean | Promise<boolean>, heartbeatMs = HEARTBEAT_MS): Response {
  // A store hiccup must not end the stream (nor throw out of a timer).
  const allowed = async () => {
    try {
      return await stillAllowed();
    } catch {
      return true;
    }
  };
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        stop();
        try {
          controller.close();
        } catch {
          /* already closed by the runtime */
        }
      };
      const send = (text: string) => {
        if (!open) return;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) return close();
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // Events from other instances may have been missed: ending the stream makes the browser reconnect and
      // refetch what it shows (lib/client/live.ts), rather than show a stale page as live.
      const unsubscribe = getBus().subscribe((event) => send(formatEvent(event)), close);
      const heartbeat = setInterval(() => void allowed().then((ok) => (ok ? send(": heartbeat\n\n") : close())), heartbeatMs);
      const onAbort = () => close();
      // A stopping console ends its streams, so the server can finish; EventSource reconnects elsewhere.
      const forget = onShutdown(close);
      stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        forget();
        signal.removeEventListener("abort", onAbort);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      if (signal.aborted) close();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
