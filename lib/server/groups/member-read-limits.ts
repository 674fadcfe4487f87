import "server-only";
import { requestContext } from "@/lib/server/platform/request-context";
import { createSlots, type Slots } from "@/lib/server/platform/slots";

/**
 * What one console user may make the IM server do at once for member lists (docs/members.md § Limits): a roster
 * read of a large group costs up to 4 member reads and 200 profile reads, and a members.csv streams a whole group.
 * Two at a time per user is a person with two tabs; a third is a script, answered 429 rather than queued.
 */
export const MEMBER_READS_PER_USER = 2;
/** On this instance in all: well under the IM server's 200/s per command even when every one is a first read. */
export const MEMBER_READS_PER_INSTANCE = 16;

const holder = globalThis as typeof globalThis & { __memberReadSlots?: Slots };

export function memberReadSlots(): Slots {
  return (holder.__memberReadSlots ??= createSlots(
    { perUser: MEMBER_READS_PER_USER, perInstance: MEMBER_READS_PER_INSTANCE },
    {
      userFull: `At most ${MEMBER_READS_PER_USER} member searches of large groups or member exports may run at once per console user: wait for one to finish`,
      instanceFull: "This console instance is reading as many member lists as it may at once: try again shortly",
    },
  ));
}

/**
 * A slot for the console user of the request under way, or `rate_limited`. Work outside a request (background
 * jobs) belongs to no user and takes none. The answer gives the slot back.
 */
export function takeMemberRead(): () => void {
  const userId = requestContext.getStore()?.userId;
  return userId ? memberReadSlots().take(userId) : () => undefined;
}

/** For tests: a fresh count, as a new process would have. */
export function forgetMemberReads(): void {
  delete holder.__memberReadSlots;
}
