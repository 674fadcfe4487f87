import "server-only";
import type { NotifyAnswer, NotifyResult } from "@/lib/schemas/member";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { audited } from "@/lib/server/audit/audited";
import { getContext } from "@/lib/server/platform/context";
import { getGroupDetail } from "./admin";

/** Tencent's most user IDs per get_role_in_group. */
const ROLE_BATCH = 500;
const NOT_MEMBER = { code: "not_member", message: "This user is not a member of this group: not sent" };
const UNKNOWN_USER = { code: "unknown_user", message: "This user ID does not exist in the IM app: not sent" };

/** Who of these is in the group, in any role. Tencent answers NotMember alike for outsiders and for IDs that do not exist. */
async function membersAmong(groupId: string, userIds: string[]): Promise<Set<string>> {
  const { im } = getContext();
  const members = new Set<string>();
  for (let i = 0; i < userIds.length; i += ROLE_BATCH) {
    for (const [userId, role] of await im.getRoles(groupId, userIds.slice(i, i + ROLE_BATCH)))
      if (role !== "NotMember") members.add(userId);
  }
  return members;
}

/**
 * A custom system notification. To the whole group it goes as before (`{ sent: true }`). To chosen users, the
 * IM server silently drops anyone who is not a member, so the console asks first (get_role_in_group), sends
 * only to the members and answers one result per user asked for, in order; the others are told apart with
 * account_check into `not_member` and `unknown_user`. When none of them is a member nothing is sent (an empty
 * recipient list would reach everyone) and nothing is audited.
 */
export async function notifyMembers(
  { groupId: id, content, userIds: requested }: { groupId: string; content: string; userIds?: string[] },
  { user: actor, requestId }: Actor,
): Promise<NotifyAnswer> {
  const { im } = getContext();
  const group = await getGroupDetail(id);
  if (!requested?.length) {
    return audited({ actor, action: "group.notify", groupId: id, target: "all members", after: { content }, requestId }, async () => {
      await im.sendSystemNotification(id, content);
      return { sent: true as const };
    });
  }
  if (group.type === "AVChatRoom")
    throw ApiError.because("validation", "avNotifyEveryone", "AVChatRoom notifications go to everyone; leave the recipients empty");
  const userIds = [...new Set(requested)];
  const members = await membersAmong(id, userIds);
  const outsiders = userIds.filter((u) => !members.has(u));
  const imported = outsiders.length ? await im.importedAccounts(outsiders) : new Set<string>();
  const results: NotifyResult[] = userIds.map((userId) =>
    members.has(userId) ? { userId, ok: true } : { userId, ok: false, error: imported.has(userId) ? NOT_MEMBER : UNKNOWN_USER },
  );
  const recipients = userIds.filter((u) => members.has(u));
  if (recipients.length === 0) return { results };
  // Someone who leaves between the check and the send is dropped by the IM server without a word.
  return audited(
    { actor, action: "group.notify", groupId: id, target: recipients.join(","), after: { content, userIds: recipients }, requestId },
    async () => {
      await im.sendSystemNotification(id, content, recipients);
      return { results };
    },
  );
}
