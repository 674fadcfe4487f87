// Test and benchmark helper: members written straight into a local IM server's store, in one transaction, so
// that a group of 6,000 or 20,000 members takes a fraction of a second instead of hundreds of REST calls.
import type { Store } from "../../../im-server/src/store/store";

export type SeedMember = {
  userId: string;
  nickname?: string;
  role?: "Admin" | "Member";
  /** Unix seconds the mute ends (4294967295: forever); left out, not muted. */
  muteUntil?: number;
};

/**
 * Adds these users to the group (their accounts too), joined one second apart after `joinedAt` (Unix seconds;
 * by default now, so after the owner and in the order given).
 */
export function seedMembers(store: Store, groupId: string, members: readonly SeedMember[], joinedAt = Math.floor(Date.now() / 1000)): void {
  store.tx(() => {
    members.forEach((m, i) => {
      store.accounts.upsert(m.userId, m.nickname, undefined, joinedAt);
      store.members.add(groupId, m.userId, m.role ?? "Member", joinedAt + i + 1);
      if (m.muteUntil) store.members.setMute(groupId, m.userId, m.muteUntil);
    });
  });
}

/** `n` plain members `${prefix}_1`… with nicknames `Member 1`…. */
export const plainMembers = (prefix: string, n: number): SeedMember[] =>
  Array.from({ length: n }, (_, i) => ({ userId: `${prefix}_${i + 1}`, nickname: `Member ${i + 1}` }));
