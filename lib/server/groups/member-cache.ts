import "server-only";
import { getBus } from "@/lib/server/live/bus";
import type { LiveEvent } from "@/lib/schemas/live-event";

/**
 * What a member search has read lately, so that typing a search in a group of 6,000 does not read 6,000
 * members and 60 pages of profiles at every keystroke (docs/members.md § Caches). Both caches are small,
 * short-lived and bounded; a group's roster is dropped as soon as a live event says its membership changed
 * (the console's own writes and the IM server's webhooks, here or relayed from another instance).
 */

/** One member as the roster keeps it: the IM server's fields, the mute's end in Unix seconds (0: none). */
export type RosterMember = { userId: string; role: "Owner" | "Admin" | "Member"; joinedAt: string; muteUntil: number };
export type Roster = { members: RosterMember[]; total: number; partial: boolean };

export const ROSTER_TTL_MS = 30_000;
/** Members held over all cached rosters: a few large groups, or many small ones. */
const ROSTER_BUDGET = 120_000;
export const NICKNAME_TTL_MS = 5 * 60_000;
const NICKNAME_BUDGET = 100_000;

// Events that change who is in a group, their roles or mutes, or end the group.
const ROSTER_EVENTS = new Set<LiveEvent["type"]>([
  "member.joined",
  "member.left",
  "member.muted",
  "member.banned",
  "group.updated",
  "group.dismissed",
]);

type Entry<T> = { value: T; at: number; size: number };

/** A map with a time to live and a budget; the oldest entries go first (a Map keeps insertion order). */
class TimedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private used = 0;
  constructor(
    private readonly ttlMs: number,
    private readonly budget: number,
  ) {}

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at < this.ttlMs) return entry.value;
    this.delete(key);
    return undefined;
  }

  set(key: string, value: T, now: number, size = 1): void {
    this.delete(key);
    if (size > this.budget) return;
    this.entries.set(key, { value, at: now, size });
    this.used += size;
    for (const [oldest] of this.entries) {
      if (this.used <= this.budget) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.used -= entry.size;
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  get size(): number {
    return this.used;
  }
}

type Caches = { rosters: TimedCache<Roster>; nicknames: TimedCache<string>; unsubscribe: () => void };

// Route modules are bundled apart but share one process (and one bus): they must share one cache too.
const holder = globalThis as typeof globalThis & { __memberCaches?: Caches };

function caches(): Caches {
  if (holder.__memberCaches) return holder.__memberCaches;
  const rosters = new TimedCache<Roster>(ROSTER_TTL_MS, ROSTER_BUDGET);
  const nicknames = new TimedCache<string>(NICKNAME_TTL_MS, NICKNAME_BUDGET);
  const unsubscribe = getBus().subscribe(
    (event) => {
      if (!event.groupId || !ROSTER_EVENTS.has(event.type)) return;
      rosters.delete(event.groupId);
      // Someone new may come with a profile the cache has never seen, or an old one of theirs.
      if (event.type === "member.joined" && event.userId) nicknames.delete(event.userId);
    },
    // Events from another instance may have been missed: nothing cached can be trusted to be current.
    () => rosters.clear(),
  );
  return (holder.__memberCaches = { rosters, nicknames, unsubscribe });
}

export const cachedRoster = (groupId: string, now = Date.now()) => caches().rosters.get(groupId, now);
export const keepRoster = (groupId: string, roster: Roster, now = Date.now()) =>
  caches().rosters.set(groupId, roster, now, Math.max(1, roster.members.length));

/** The nicknames the cache has of these users, and the users it has none for. */
export function cachedNicknames(userIds: readonly string[], now = Date.now()): { known: Map<string, string>; missing: string[] } {
  const { nicknames } = caches();
  const known = new Map<string, string>();
  const missing: string[] = [];
  for (const id of userIds) {
    const nick = nicknames.get(id, now);
    if (nick === undefined) missing.push(id);
    else known.set(id, nick);
  }
  return { known, missing };
}

export function keepNicknames(read: Map<string, string>, now = Date.now()): void {
  const { nicknames } = caches();
  for (const [id, nick] of read) nicknames.set(id, nick, now);
}

/** For tests: forget everything, as a fresh process would. */
export function forgetMemberCaches(): void {
  holder.__memberCaches?.unsubscribe();
  delete holder.__memberCaches;
}
