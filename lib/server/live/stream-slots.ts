import "server-only";
import { createSlots, type SlotLimits, type Slots } from "@/lib/server/platform/slots";

/** A browser tab holds one stream; ten tabs of the console is plenty, and more is a runaway script or a leak. */
export const STREAMS_PER_USER = 10;
/**
 * Each open stream holds a socket, a bus listener and a timer on this instance, whoever opened it. A thousand
 * is far above what one console needs (the per-user cap times the moderators of a team) and far below what
 * exhausts a Node process's sockets and memory.
 */
export const STREAMS_PER_INSTANCE = 1_000;

export type StreamLimits = SlotLimits;
export type StreamSlots = Slots;

/** Counts the open event streams of this instance: per console user, and in all. */
export function createStreamSlots(limits: StreamLimits = { perUser: STREAMS_PER_USER, perInstance: STREAMS_PER_INSTANCE }): StreamSlots {
  return createSlots(limits, {
    userFull: `At most ${limits.perUser} live update streams may be open at once per console user: close a tab of the console`,
    instanceFull: "This console instance has as many live update streams open as it can hold: try again shortly",
  });
}

// Next evaluates route modules in separate bundles of one process: they must all count in one place.
const holder = globalThis as typeof globalThis & { __streamSlots?: StreamSlots };

/** This process's slots, shared by every bundle. */
export function getStreamSlots(): StreamSlots {
  return (holder.__streamSlots ??= createStreamSlots());
}
