import "server-only";
import { EventEmitter } from "node:events";
import type { LiveEvent, LiveEventDraft } from "@/lib/schemas/live-event";
import { log } from "../log";

export type LiveListener = (event: LiveEvent) => void;

/**
 * Where live events meet their listeners. In-process for one console instance; several instances need a
 * shared transport (e.g. PostgreSQL LISTEN/NOTIFY) behind this same interface.
 */
export interface EventBus {
  publish(event: LiveEvent): void;
  subscribe(listener: LiveListener): () => void;
}

export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  // One listener per open console tab: no leak warning at 11 tabs.
  emitter.setMaxListeners(0);
  return {
    publish: (event) => void emitter.emit("event", event),
    subscribe(listener) {
      // A failing listener (a stream that just closed) must not stop delivery to the others.
      const safe: LiveListener = (event) => {
        try {
          listener(event);
        } catch (err) {
          log("warn", "live event listener failed", { error: err });
        }
      };
      emitter.on("event", safe);
      return () => void emitter.off("event", safe);
    },
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
