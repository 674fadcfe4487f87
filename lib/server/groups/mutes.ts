import "server-only";
import { WIRE_FOREVER } from "@/lib/im/moderation";
import type { ModerationAnswer, MuteRequest, MutesAnswer } from "@/lib/schemas/moderation";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { audited } from "@/lib/server/audit/audited";
import { getGroupDetail } from "./admin";
import { nicknames, publishForUsers, sortTargets } from "./moderation-targets";

const WORK_NO_MUTE = "Work groups cannot mute members: the IM server does not support muting in this group type";

/**
 * Mutes members for `seconds` (4294967295 = forever), or lifts their mutes (0). Only members are sent (the
 * IM server keeps a mute across leaving and re-joining, so a mute on an outsider would wait silently); the
 * others get `not_member` or `unknown_user`. One forbid_send_msg for up to 500, one audit entry; when none
 * is a member nothing is sent and nothing is audited. Work groups cannot mute: refused before any IM call.
 */
export async function muteMembers(
  { groupId, userIds, seconds, reason }: { groupId: string } & MuteRequest,
  { user: actor, requestId }: Actor,
): Promise<ModerationAnswer> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "Work") throw ApiError.because("validation", "workNoMute", WORK_NO_MUTE);
  const { act, refused } = await sortTargets(groupId, userIds, { mustBeMember: true, groupType: group.type });
  const results = userIds.map((userId) => refused.get(userId) ?? { userId, ok: true });
  if (act.length === 0) return { results };
  const lifting = seconds === 0;
  const until = lifting ? undefined : seconds >= WIRE_FOREVER ? null : new Date(Date.now() + seconds * 1000).toISOString();
  return audited(
    {
      actor,
      action: lifting ? "member.unmute" : "member.mute",
      groupId,
      target: act.join(","),
      after: { seconds, ...(until !== undefined ? { until } : {}), ...(reason ? { reason } : {}) },
      requestId,
    },
    async () => {
      await im.muteMembers(groupId, act, seconds);
      publishForUsers("member.muted", groupId, act);
      return { results };
    },
  );
}

/** Who is muted now, and until when (null = forever); lapsed mutes are left out. */
export async function mutedUntilByUser(groupId: string): Promise<Map<string, string | null>> {
  const muted = await getContext().im.mutedMembers(groupId);
  return new Map(muted.map((m) => [m.userId, m.until]));
}

/** `GET /api/groups/{id}/mutes`: members muted now, with nicknames, soonest to lapse first (forever last). */
export async function listMutes(groupId: string): Promise<MutesAnswer> {
  await getGroupDetail(groupId);
  const muted = await getContext().im.mutedMembers(groupId);
  const names = await nicknames(muted.map((m) => m.userId));
  const items = muted
    .map((m) => ({ userId: m.userId, nickname: names.get(m.userId) ?? "", until: m.until }))
    .sort((a, b) => (a.until ?? "~").localeCompare(b.until ?? "~") || a.userId.localeCompare(b.userId));
  return { items };
}
