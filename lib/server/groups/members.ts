import "server-only";
import type { AddResult } from "@/lib/im/members";
import type { AddMemberResult } from "@/lib/schemas/member";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { publishEvent } from "@/lib/server/live/bus";
import { getGroupDetail } from "./admin";
import { audited } from "@/lib/server/audit/audited";
import { syncGroup } from "./groups";
import { NO_MEMBER_LIST } from "./member-list";

export { listMembers } from "./member-list";

const UNKNOWN_USER = { code: "unknown_user", message: "This user ID does not exist in the IM app" };
const NOT_ADDED = { code: "im_error", message: "The IM server did not add this user (the app's backend may have refused them)" };

function resultOf(userId: string, im: AddResult["result"] | undefined): AddMemberResult {
  if (im === "added" || im === "invited" || im === "already_member") return { userId, ok: true, outcome: im };
  return { userId, ok: false, error: NOT_ADDED };
}

/**
 * Adds (for Work groups: invites) users; every user gets its own result, in the order asked. Tencent fails a
 * whole add_group_member (10019) when one account does not exist, so the accounts are checked first and only
 * the ones that exist are sent; the others come back as `unknown_user`. One audit entry for the add itself;
 * when no ID exists nothing is sent, nothing changes and nothing is audited.
 */
export async function addMembers(
  { groupId, userIds: requested }: { groupId: string; userIds: string[] },
  { user: actor, requestId }: Actor,
): Promise<{ results: AddMemberResult[] }> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "noMemberList", NO_MEMBER_LIST);
  const userIds = [...new Set(requested)];
  const imported = await im.importedAccounts(userIds);
  const toAdd = userIds.filter((id) => imported.has(id));
  const answer = (outcomes: Map<string, AddResult["result"]>) => ({
    results: userIds.map((id) => (imported.has(id) ? resultOf(id, outcomes.get(id)) : { userId: id, ok: false, error: UNKNOWN_USER })),
  });
  if (toAdd.length === 0) return answer(new Map());
  // An account removed between the check and the add still fails the whole call (10019), as before the check.
  return audited(
    { actor, action: "member.add", groupId, target: toAdd.join(","), requestId },
    async () => {
      const outcomes = await im.addMembers(groupId, toAdd);
      await syncGroup(groupId);
      for (const r of outcomes) if (r.result === "added") publishEvent({ type: "member.joined", groupId, userId: r.userId });
      return answer(new Map(outcomes.map((r) => [r.userId, r.result])));
    },
    (r) => ({ after: r.results }),
  );
}

export async function removeMember(
  { groupId, userId, reason }: { groupId: string; userId: string; reason?: string },
  { user: actor, requestId }: Actor,
): Promise<void> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "noMemberList", NO_MEMBER_LIST);
  if (group.ownerId === userId)
    throw ApiError.because("validation", "ownerNotRemovable", "The owner cannot be removed; transfer ownership first");
  await audited(
    { actor, action: "member.remove", groupId, target: userId, after: reason ? { reason } : undefined, requestId },
    async () => {
      await im.removeMembers(groupId, [userId], reason);
      await syncGroup(groupId);
      publishEvent({ type: "member.left", groupId, userId });
    },
  );
}

export async function setMemberRole(
  { groupId, userId, role }: { groupId: string; userId: string; role: "Admin" | "Member" },
  { user: actor, requestId }: Actor,
): Promise<{ userId: string; role: string }> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "noMemberList", NO_MEMBER_LIST);
  if (group.type === "Work") throw ApiError.because("validation", "workNoAdmins", "Work groups have no admins: only the owner and members");
  if (group.ownerId === userId)
    throw ApiError.because("validation", "ownerRoleFixed", "The owner's role cannot be changed; transfer ownership instead");
  return audited({ actor, action: "member.role", groupId, target: userId, after: { role }, requestId }, async () => {
    await im.setMemberRole(groupId, userId, role);
    publishEvent({ type: "group.updated", groupId, userId });
    return { userId, role };
  });
}
