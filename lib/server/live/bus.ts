import "server-only";
import { EventEmitter } from "node:events";
import type { LiveEvent, LiveEventDraft } from "@/lib/schemas/live-event";
import { log } from "@/lib/server/platform/log";

export type LiveListener = (event: LiveEvent) => void;

/** Where an event was published: here, or on another console instance (relayed to this one). */
export type Origin = "local" | "relayed";

/**
 * Where live events meet their listeners, in one process. With several console instances, a relay
 * (postgres-relay.ts) carries each instance's local events to the others, which publish them as "relayed".
 */
export interface EventBus {
  publish(event: LiveEvent, origin?: Origin): void;
  /** `listener` gets every event; `onGap` is told when events from other instances may have been missed. */
  subscribe(listener: LiveListener, onGap?: () => void): () => void;
  /** Local events only, as a relay needs them. */
  subscribeLocal(listener: LiveListener): () => void;
  /** The relay lost events (its connection dropped): listeners should make their clients start afresh. */
  reportGap(): void;
  /**
   * A console user's role, scope or account changed (docs/scopes.md § Events): their open streams end at once, and
   * the browsers reconnect under the session as it is now. Never sent to browsers; carried between instances.
   */
  userChanged(userId: string, origin?: Origin): void;
  onUserChanged(listener: (userId: string, origin: Origin) => void): () => void;
}

export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  // One listener per open console tab: no leak warning at 11 tabs.
  emitter.setMaxListeners(0);
  const on = (name: string, fn: Parameters<EventEmitter["on"]>[1]) => {
    emitter.on(name, fn);
    return () => void emitter.off(name, fn);
  };
  // A failing listener (a stream that just closed) must not stop delivery to the others.
  const safely =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        log("warn", "live event listener failed", { error: err });
      }
    };
  return {
    publish: (event, origin = "local") => void emitter.emit("event", event, origin),
    subscribe(listener, onGap) {
      const offEvent = on("event", safely(listener));
      const offGap = onGap ? on("gap", safely(onGap)) : () => {};
      return () => {
        offEvent();
        offGap();
      };
    },
    subscribeLocal: (listener) =>
      on(
        "event",
        safely((event: LiveEvent, origin: Origin) => origin === "local" && listener(event)),
      ),
    reportGap: () => void emitter.emit("gap"),
    userChanged: (userId, origin = "local") => void emitter.emit("user", userId, origin),
    onUserChanged: (listener) => on("user", safely(listener)),
  };
}

// Next evaluates route modules in separate bundles of one process: they must all see one bus.
const holder = globalThis as typeof globalThis & { __liveBus?: EventBus };

export function getBus(): EventBus {
  return (holder.__liveBus ??= createInProcessBus());
}

/** Call after a write the console made itself, once the directory reflects it, so every open console refreshes. */
export function publishEvent(draft: LiveEventDraft): void {
  getBus().publish({ ...draft, at: draft.at ?? new Date().toISOString() });
}
