import "server-only";
import type { LiveEvent } from "@/lib/schemas/live-event";
import type { UserScope } from "@/lib/schemas/user";
import { onShutdown } from "@/lib/server/platform/shutdown";
import { getBus } from "./bus";
import { getStreamSlots, type StreamSlots } from "./stream-slots";

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
 * Whether an event goes to a user of this scope (docs/scopes.md § Events): one naming a group, only when the group
 * is theirs; `job.progress` and `rules.changed` name none and carry nothing of a group, so they go to everyone
 * (what a page then reads about them, a job or the rules, is scoped on its own).
 */
export function visibleIn(scope: UserScope | null, event: LiveEvent): boolean {
  if (scope === null || event.groupId === undefined) return true;
  return scope.groupIds.includes(event.groupId);
}

export type StreamOptions = {
  /** The console user it is for: their open streams are counted (stream-slots.ts). */
  userId: string;
  /** Their scope (docs/scopes.md § Events): an event of a group outside it is not sent; null is every group. */
  scope?: UserScope | null;
  heartbeatMs?: number;
  slots?: StreamSlots;
};

/**
 * An open stream of every live event until the client goes away (the request's signal) or `stillAllowed`
 * says no (checked at each heartbeat); it ends at once when its user is changed, on any instance. Takes one of the
 * user's stream slots, or throws `rate_limited` (429) when they or this instance have none left; however
 * the stream ends, its slot is given back at once.
 */
export function eventStreamResponse(signal: AbortSignal, stillAllowed: () => boolean | Promise<boolean>, options: StreamOptions): Response {
  const { userId, heartbeatMs = HEARTBEAT_MS, slots = getStreamSlots(), scope = null } = options;
  // Fails closed: a stream nobody can vouch for ends, and the browser's reconnect is checked afresh.
  const allowed = async () => {
    try {
      return await stillAllowed();
    } catch {
      return false;
    }
  };
  const release = slots.take(userId);
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
      const unsubscribe = getBus().subscribe((event) => void (visibleIn(scope, event) && send(formatEvent(event))), close);
      // The user's role, scope or account changed: the stream ends at once, before another event is sent, and the
      // browser's reconnect is checked afresh, with the scope as it is now (docs/scopes.md § Events).
      const offUserChanged = getBus().onUserChanged((changed) => void (changed === userId && close()));
      const heartbeat = setInterval(() => void allowed().then((ok) => (ok ? send(": heartbeat\n\n") : close())), heartbeatMs);
      const onAbort = () => close();
      // A stopping console ends its streams, so the server can finish; EventSource reconnects elsewhere.
      const forget = onShutdown(close);
      stop = () => {
        release();
        clearInterval(heartbeat);
        unsubscribe();
        offUserChanged();
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
