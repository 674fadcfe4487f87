import "server-only";
import { ApiError } from "@/lib/server/platform/api-error";

/** A browser tab holds one stream; ten tabs of the console is plenty, and more is a runaway script or a leak. */
export const STREAMS_PER_USER = 10;
/**
 * Each open stream holds a socket, a bus listener and a timer on this instance, whoever opened it. A thousand
 * is far above what one console needs (the per-user cap times the moderators of a team) and far below what
 * exhausts a Node process's sockets and memory.
 */
export const STREAMS_PER_INSTANCE = 1_000;

export type StreamLimits = { perUser: number; perInstance: number };

export type StreamSlots = {
  /** A slot for one more stream of this user, or `rate_limited`; the answer gives the slot back (once, however often called). */
  take(userId: string): () => void;
  openCount(userId?: string): number;
};

/** Counts the open event streams of this instance: per console user, and in all. */
export function createStreamSlots(limits: StreamLimits = { perUser: STREAMS_PER_USER, perInstance: STREAMS_PER_INSTANCE }): StreamSlots {
  const byUser = new Map<string, number>();
  let total = 0;
  return {
    take(userId) {
      const mine = byUser.get(userId) ?? 0;
      if (mine >= limits.perUser)
        throw new ApiError(
          "rate_limited",
          `At most ${limits.perUser} live update streams may be open at once per console user: close a tab of the console`,
        );
      if (total >= limits.perInstance)
        throw new ApiError("rate_limited", "This console instance has as many live update streams open as it can hold: try again shortly");
      byUser.set(userId, mine + 1);
      total++;
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        total--;
        const left = (byUser.get(userId) ?? 1) - 1;
        if (left > 0) byUser.set(userId, left);
        else byUser.delete(userId);
      };
    },
    openCount: (userId) => (userId === undefined ? total : (byUser.get(userId) ?? 0)),
  };
}

// Next evaluates route modules in separate bundles of one process: they must all count in one place.
const holder = globalThis as typeof globalThis & { __streamSlots?: StreamSlots };

/** This process's slots, shared by every bundle. */
export function getStreamSlots(): StreamSlots {
  return (holder.__streamSlots ??= createStreamSlots());
}
