import "server-only";
import { MEMBER_PAGE_MAX } from "@/lib/im/members";
import type { Member } from "@/lib/schemas/member";
import { MEMBER_SCAN_MAX } from "@/lib/schemas/member";
import { getContext } from "@/lib/server/platform/context";
import { cachedNicknames, cachedRoster, keepNicknames, keepRoster, type Roster, type RosterMember } from "./member-cache";
import { takeMemberRead } from "./member-read-limits";

/** The IM server's answer for a mute without end (reference §9.5): uint32's largest value. */
const MUTE_FOREVER = 4294967295;
/** portrait_get takes 100 users; a few calls at a time keep a first read of 6,000 short without a burst. */
const PROFILES_PER_CALL = 100;
const PROFILE_CALLS_AT_ONCE = 4;

/** A page of members as the IM server answers it, members with the mute's end in Unix seconds. */
export type MemberPageAt = { members: RosterMember[]; total: number; next: string };

/** One page from get_group_member_info: by offset, or for Communities by the IM server's `Next` cursor. */
export function readMemberPage(groupId: string, at: { community: boolean; offset: number; next: string; limit: number }) {
  return getContext().im.listMembers(groupId, { limit: at.limit, community: at.community, offset: at.offset, next: at.next });
}

// Rosters being read now: a second search of the same group while the first read runs shares it (single flight).
const flightsHolder = globalThis as typeof globalThis & { __rosterFlights?: Map<string, Promise<Roster>> };
const flights = () => (flightsHolder.__rosterFlights ??= new Map());

/**
 * Every member up to MEMBER_SCAN_MAX, 6,000 per call (Tencent's most), from the cache while it is fresh, or from
 * the read already under way. A new read takes one of the asking user's member-read slots while it runs.
 * `partial` when the group has more than were read.
 */
export function readRoster(groupId: string, community: boolean): Promise<Roster> {
  const cached = cachedRoster(groupId);
  if (cached) return Promise.resolve(cached);
  const flying = flights().get(groupId);
  if (flying) return flying;
  const release = takeMemberRead();
  const flight = readWholeRoster(groupId, community).finally(() => {
    flights().delete(groupId);
    release();
  });
  flights().set(groupId, flight);
  return flight;
}

async function readWholeRoster(groupId: string, community: boolean): Promise<Roster> {
  const members: RosterMember[] = [];
  let total = 0;
  let next = "";
  let more = true;
  while (more && members.length < MEMBER_SCAN_MAX) {
    const limit = Math.min(MEMBER_PAGE_MAX, MEMBER_SCAN_MAX - members.length);
    const page = await readMemberPage(groupId, { community, offset: members.length, next, limit });
    members.push(...page.members);
    total = page.total;
    next = page.next;
    more = community ? next !== "" : page.members.length === limit && members.length < total;
  }
  const roster = { members, total, partial: more };
  keepRoster(groupId, roster);
  return roster;
}

/** Nicknames of these users ("" without one): the cached ones, the rest read 100 a call and kept. */
export async function nicknamesOf(userIds: readonly string[]): Promise<Map<string, string>> {
  const { known, missing } = cachedNicknames(userIds);
  if (missing.length === 0) return known;
  const batches: string[][] = [];
  for (let i = 0; i < missing.length; i += PROFILES_PER_CALL) batches.push(missing.slice(i, i + PROFILES_PER_CALL));
  const read = new Map<string, string>();
  const { im } = getContext();
  for (let i = 0; i < batches.length; i += PROFILE_CALLS_AT_ONCE) {
    const answers = await Promise.all(batches.slice(i, i + PROFILE_CALLS_AT_ONCE).map((ids) => im.getProfiles(ids)));
    for (const profiles of answers) for (const [id, p] of profiles) read.set(id, p.nickname);
  }
  // A user without a profile has no nickname; remember that too, or every search would ask again.
  for (const id of missing) if (!read.has(id)) read.set(id, "");
  keepNicknames(read);
  for (const [id, nick] of read) known.set(id, nick);
  return known;
}

/** The mute's end as §8.9 writes it: ISO 8601, null for forever, absent when not muted (or no longer). */
export function mutedUntilOf(muteUntil: number, nowSeconds = Date.now() / 1000): Pick<Member, "mutedUntil"> {
  if (muteUntil >= MUTE_FOREVER) return { mutedUntil: null };
  if (muteUntil <= nowSeconds) return {};
  return { mutedUntil: new Date(muteUntil * 1000).toISOString() };
}

export function toMember(m: RosterMember, nicknames: Map<string, string>, nowSeconds?: number): Member {
  return {
    userId: m.userId,
    nickname: nicknames.get(m.userId) ?? "",
    role: m.role,
    joinedAt: m.joinedAt,
    ...mutedUntilOf(m.muteUntil, nowSeconds),
  };
}
