import "server-only";
import { untilFromWire } from "@/lib/im/moderation";
import type { AppUserContext } from "@/lib/schemas/app-user";
import { getContext } from "@/lib/server/platform/context";
import { keepInScope, type Asker } from "@/lib/server/platform/scope";

type Sanction = AppUserContext["sanctions"][number];
/** At most this many of the console's bans of one user are checked with the IM server (one call each). */
const BANS_CHECKED = 10;

/**
 * A requester's mutes and bans, as a moderator deciding their application wants them (docs/contracts.md §
 * Applicant context). Mutes come with the groups they are in (the member's own `MuteUntil`, read in the same
 * call); a ban takes them out of the group, so bans are the ones the console made (its `ban_notes`, with their
 * reasons), each confirmed with the IM server's ban list: a ban lifted or lapsed since is left out.
 */
export async function sanctionsOf(
  userId: string,
  groups: readonly { id: string; muteUntil: number }[],
  who: Asker | null,
): Promise<Sanction[]> {
  const { db, im } = getContext();
  const now = Math.floor(Date.now() / 1000);
  const mutes: Sanction[] = groups
    .filter((g) => g.muteUntil > now)
    .map((g) => ({ groupId: g.id, kind: "mute", until: untilFromWire(g.muteUntil) }));
  if (im.bansUnavailable()) return mutes;
  const notes = await db.all<{ group_id: string; reason: string | null }>(
    "SELECT group_id, reason FROM ban_notes WHERE user_id = ? ORDER BY banned_at DESC",
    [userId],
  );
  const bans: Sanction[] = [];
  for (const note of keepInScope(who, notes, (n) => n.group_id).slice(0, BANS_CHECKED)) {
    const listed = await im.bannedMembers(note.group_id).catch(() => []);
    const ban = listed.find((b) => b.userId === userId);
    if (ban) bans.push({ groupId: note.group_id, kind: "ban", until: ban.until, ...(note.reason ? { reason: note.reason } : {}) });
  }
  return [...mutes, ...bans];
}
