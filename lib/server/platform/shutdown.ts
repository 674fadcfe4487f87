import "server-only";
import { log } from "./log";

type State = { closing: boolean; hooks: Set<() => void> };
// One registry per process, whichever bundle registers or triggers.
const holder = globalThis as typeof globalThis & { __shutdown?: State };
const state = (holder.__shutdown ??= { closing: false, hooks: new Set() });

/** The longest a stop may take before the process exits anyway (a request that never ends). */
const FORCE_EXIT_MS = 10_000;

/** Run `fn` when the process is told to stop; returns how to take it back (a stream that closed first). */
export function onShutdown(fn: () => void): () => void {
  state.hooks.add(fn);
  return () => void state.hooks.delete(fn);
}

export const isShuttingDown = () => state.closing;

/**
 * On SIGTERM/SIGINT, Next stops accepting connections and waits for the requests in flight, then exits.
 * Open event streams would keep it waiting forever, so they are closed here at once (browsers reconnect,
 * to the next instance); `/api/ready` turns 503; the store is closed last, when the process exits.
 */
export function installShutdown(closeStore: () => void): void {
  const stop = (signal: NodeJS.Signals) => {
    if (state.closing) return;
    state.closing = true;
    log("info", "shutting down", { signal, openStreams: state.hooks.size });
    for (const fn of [...state.hooks]) {
      try {
        fn();
      } catch {
        /* one stream failing to close must not keep the others open */
      }
    }
    setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), FORCE_EXIT_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // Started by the launcher, which holds the other end of stdin: if it dies without stopping us (killed
  // outright), stdin ends, and the console stops as if told to, rather than live on alone behind no proxy.
  if (process.env.CONSOLE_EXIT_WITH_LAUNCHER === "1") {
    process.stdin.on("end", () => process.kill(process.pid, "SIGTERM"));
    process.stdin.resume();
  }
  process.once("exit", () => {
    try {
      closeStore();
    } catch {
      /* already closed */
    }
  });
}
