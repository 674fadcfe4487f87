import "server-only";
import { ImError } from "@/lib/im/errors";
import { BAN_BATCH, WIRE_FOREVER } from "@/lib/im/moderation";
import type { BanRequest, BansAnswer, ModerationAnswer, ModerationResult } from "@/lib/schemas/moderation";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { apiErrorFromIm } from "@/lib/server/platform/im-error-words";
import { publishEvent } from "@/lib/server/live/bus";
import { audited } from "@/lib/server/audit/audited";
import { log } from "@/lib/server/platform/log";
import { getGroupDetail } from "./admin";
import { syncGroup } from "./groups";
import { nicknames, publishForUsers, sortTargets } from "./moderation-targets";

const OWNER = { code: "validation", message: "The owner cannot be banned; transfer ownership first" };

/** This IM edition (or its console switch) has no bans: said once, so the UI can hide the action. */
function noBans(): ApiError {
  return ApiError.because(
    "validation",
    "bansUnavailable",
    "This IM edition has no bans: banning needs a higher Tencent Cloud Chat edition or the member-ban switch in its console",
  );
}

/** A ban command's failure in the console's words: "no bans here" when the gateway learned so from it. */
function banFailure(err: unknown): unknown {
  return err instanceof ImError && getContext().im.bansUnavailable() ? noBans() : err;
}

const validUserId = (id: string) => /^[\x21-\x7e]{1,32}$/.test(id);

/**
 * Bans users for `seconds` (4294967295 = forever); a ban also takes them out of the group. Sent 20 per
 * ban_group_member, as Tencent takes them; one audit entry for the whole request. Outsiders who exist may be
 * banned too (it keeps them from joining); unknown IDs get `unknown_user`, the owner a refusal. When the first
 * call fails nothing was done and the request fails; when a later one does, its users get that error and the
 * others stay banned. The reason, who and when are kept in the console's store (the IM server keeps none).
 */
export async function banMembers(
  { groupId, userIds, seconds, reason }: { groupId: string } & BanRequest,
  { user: actor, requestId }: Actor,
): Promise<ModerationAnswer> {
  const { db, im } = getContext();
  if (im.bansUnavailable()) throw noBans();
  const group = await getGroupDetail(groupId);
  const { act: existing, refused } = await sortTargets(groupId, userIds, { mustBeMember: false, groupType: group.type });
  if (group.ownerId && existing.includes(group.ownerId)) refused.set(group.ownerId, { userId: group.ownerId, ok: false, error: OWNER });
  const act = existing.filter((u) => !refused.has(u));
  const answer = (done: Map<string, ModerationResult>) => ({
    results: userIds.map((userId) => refused.get(userId) ?? done.get(userId) ?? { userId, ok: true }),
  });
  if (act.length === 0) return answer(new Map());
  const until = seconds >= WIRE_FOREVER ? null : new Date(Date.now() + seconds * 1000).toISOString();
  return audited(
    { actor, action: "member.ban", groupId, target: act.join(","), after: { seconds, until, ...(reason ? { reason } : {}) }, requestId },
    async () => {
      const done = new Map<string, ModerationResult>();
      // Once the IM server has banned a user the ban stands, whatever the console's own writes do next: a note
      // not kept or a member count not re-read is said in the audit entry, never taken for a failed ban.
      const unnoted: string[] = [];
      for (let i = 0; i < act.length; i += BAN_BATCH) {
        const batch = act.slice(i, i + BAN_BATCH);
        try {
          await im.banMembers(groupId, batch, seconds, reason);
        } catch (err) {
          if (i === 0) throw banFailure(err);
          const failure = banFailure(err);
          const error = failure instanceof ApiError ? failure : err instanceof ImError ? apiErrorFromIm(err) : null;
          if (!error) throw err;
          for (const userId of batch) done.set(userId, { userId, ok: false, error: { code: error.code, message: error.message } });
          continue;
        }
        const at = Date.now();
        for (const userId of batch) {
          try {
            await db.run(
              `INSERT INTO ban_notes (group_id, user_id, reason, banned_by, banned_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (group_id, user_id) DO UPDATE SET reason = excluded.reason, banned_by = excluded.banned_by, banned_at = excluded.banned_at`,
              [groupId, userId, reason ?? null, actor.email, at],
            );
          } catch (err) {
            if (unnoted.length === 0) log("warn", "ban notes not kept", { groupId, error: err });
            unnoted.push(userId);
          }
        }
      }
      // The banned members left the group: the directory's member count follows (else the next crawl's), then
      // every console is told.
      const counted = await syncGroup(groupId).then(
        () => true,
        (err: unknown) => void log("warn", "member count not re-read after a ban", { groupId, error: err }),
      );
      publishForUsers(
        "member.banned",
        groupId,
        act.filter((u) => !done.has(u)),
      );
      return { ...answer(done), unnoted, counted: counted === true };
    },
    ({ results, unnoted, counted }) => ({
      after: {
        seconds,
        until,
        ...(reason ? { reason } : {}),
        results: results.filter((x) => !x.ok),
        ...(unnoted.length > 0 ? { notesNotKept: unnoted } : {}),
        ...(counted ? {} : { memberCountNotReread: true }),
      },
    }),
  ).then(({ results }) => ({ results }));
}

/** Lifts a ban (the user may join again; they are not put back). Lifting one that is not there is not an error. */
export async function unbanMember(
  { groupId, userId }: { groupId: string; userId: string },
  { user: actor, requestId }: Actor,
): Promise<void> {
  const { db, im } = getContext();
  if (!validUserId(userId)) throw ApiError.because("validation", "userIdAscii", "User IDs are printable ASCII without spaces");
  if (im.bansUnavailable()) throw noBans();
  await getGroupDetail(groupId);
  await audited({ actor, action: "member.unban", groupId, target: userId, requestId }, async () => {
    try {
      await im.unbanMembers(groupId, [userId]);
    } catch (err) {
      throw banFailure(err);
    }
    await db.run("DELETE FROM ban_notes WHERE group_id = ? AND user_id = ?", [groupId, userId]);
    publishEvent({ type: "member.banned", groupId, userId });
  });
}

/**
 * Bans in force, soonest to lapse first (forever last), each with the console's reason when it made the ban.
 * An IM edition without bans answers `available: false` and no items (no error: the page says so once).
 */
export async function listBans(groupId: string): Promise<BansAnswer> {
  const { db, im } = getContext();
  await getGroupDetail(groupId);
  if (im.bansUnavailable()) return { items: [], available: false };
  let bans;
  try {
    bans = await im.bannedMembers(groupId);
  } catch (err) {
    if (banFailure(err) instanceof ApiError) return { items: [], available: false };
    throw err;
  }
  const notes = await db.all<{ user_id: string; reason: string | null }>("SELECT user_id, reason FROM ban_notes WHERE group_id = ?", [
    groupId,
  ]);
  const reasons = new Map(notes.map((n) => [n.user_id, n.reason]));
  const names = await nicknames(bans.map((b) => b.userId));
  const items = bans
    .map((b) => ({ userId: b.userId, nickname: names.get(b.userId) ?? "", until: b.until, reason: reasons.get(b.userId) ?? null }))
    .sort((a, b) => (a.until ?? "~").localeCompare(b.until ?? "~") || a.userId.localeCompare(b.userId));
  return { items, available: true };
}
