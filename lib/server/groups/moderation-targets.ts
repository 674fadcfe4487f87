import "server-only";
import type { ModerationResult } from "@/lib/schemas/moderation";
import type { LiveEventType } from "@/lib/schemas/live-event";
import { getContext } from "@/lib/server/platform/context";
import { publishEvent } from "@/lib/server/live/bus";

/** Tencent's most user IDs per get_role_in_group. */
const ROLE_BATCH = 500;
export const NOT_MEMBER = { code: "not_member", message: "This user is not a member of this group: nothing was done" };
export const UNKNOWN_USER = { code: "unknown_user", message: "This user ID does not exist in the IM app: nothing was done" };

/**
 * Sorts the users a moderation names into those to act on and those refused (one result each, by user ID).
 * `mustBeMember`: only members are acted on (get_role_in_group; AVChatRoom groups keep no member list, so
 * there every account that exists is). Outsiders are told apart with account_check into `not_member` and
 * `unknown_user`, as notifications do.
 */
export async function sortTargets(
  groupId: string,
  userIds: string[],
  opts: { mustBeMember: boolean; groupType: string },
): Promise<{ act: string[]; refused: Map<string, ModerationResult> }> {
  const { im } = getContext();
  const members = new Set<string>();
  const checkRoles = opts.mustBeMember && opts.groupType !== "AVChatRoom";
  if (checkRoles)
    for (let i = 0; i < userIds.length; i += ROLE_BATCH)
      for (const [userId, role] of await im.getRoles(groupId, userIds.slice(i, i + ROLE_BATCH)))
        if (role !== "NotMember") members.add(userId);
  const unsure = userIds.filter((u) => !members.has(u));
  const imported = unsure.length ? await im.importedAccounts(unsure) : new Set<string>();
  const refused = new Map<string, ModerationResult>();
  for (const userId of unsure) {
    if (!imported.has(userId)) refused.set(userId, { userId, ok: false, error: UNKNOWN_USER });
    else if (checkRoles) refused.set(userId, { userId, ok: false, error: NOT_MEMBER });
  }
  return { act: userIds.filter((u) => !refused.has(u)), refused };
}

/** Nicknames for a list of users (empty where the IM app has none). */
export async function nicknames(userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const profiles = await getContext().im.getProfiles(userIds);
  return new Map(userIds.map((u) => [u, profiles.get(u)?.nickname ?? ""]));
}

/** Beyond this many users, one event stands for all (listeners refresh per group anyway), as webhooks do. */
const MAX_USER_EVENTS = 20;

/** Tells every open console about these users: one event each, or one for the group when there are many. */
export function publishForUsers(type: LiveEventType, groupId: string, userIds: string[]): void {
  if (userIds.length === 0) return;
  if (userIds.length > MAX_USER_EVENTS) publishEvent({ type, groupId });
  else for (const userId of userIds) publishEvent({ type, groupId, userId });
}
