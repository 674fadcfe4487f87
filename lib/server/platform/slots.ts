import "server-only";
import { ApiError } from "./api-error";

/** How many of one costly thing may be held at once: per console user, and on this instance in all. */
export type SlotLimits = { perUser: number; perInstance: number };
/** What a refused taker is told (`rate_limited`, 429): their own limit, or the instance's. */
export type SlotWords = { userFull: string; instanceFull: string };

export type Slots = {
  /** A slot for one more of this user's, or `rate_limited`; the answer gives the slot back (once, however often called). */
  take(userId: string): () => void;
  openCount(userId?: string): number;
};

/** Counts what is held on this instance, per console user and in all (event streams, member reads, …). */
export function createSlots(limits: SlotLimits, words: SlotWords): Slots {
  const byUser = new Map<string, number>();
  let total = 0;
  return {
    take(userId) {
      const mine = byUser.get(userId) ?? 0;
      if (mine >= limits.perUser) throw new ApiError("rate_limited", words.userFull);
      if (total >= limits.perInstance) throw new ApiError("rate_limited", words.instanceFull);
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
