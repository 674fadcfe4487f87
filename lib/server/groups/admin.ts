import "server-only";
import type { DismissOutcome, Group, GroupPatch } from "@/lib/schemas/group";
import { joinOptionRefusal } from "@/lib/schemas/group";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { publishEvent } from "@/lib/server/live/bus";
import { refreshPendingCounts } from "@/lib/server/applications/pending-counts";
import { forgetGroup } from "@/lib/server/applications/group-gone";
import { audited } from "@/lib/server/audit/audited";
import { syncGroup } from "./groups";

/** One group, read live from the IM server (the directory is refreshed on the way). */
export async function getGroupDetail(id: string): Promise<Group> {
  const { db, im } = getContext();
  const group = await syncGroup(id);
  if (!group) throw ApiError.because("not_found", "groupGone", "This group does not exist or has been dismissed");
  await refreshPendingCounts(db, im, id).catch(() => undefined);
  const pending = await db.get<{ n: number }>("SELECT pending_applications AS n FROM directory_groups WHERE id = ?", [id]);
  return { ...group, pendingApplications: pending?.n ?? null };
}

/** Edits the profile and join settings; a join option the type does not allow is refused before any IM call. */
export async function updateGroup({ id, patch }: { id: string; patch: GroupPatch }, { user: actor, requestId }: Actor): Promise<Group> {
  const { im } = getContext();
  const before = await getGroupDetail(id);
  if (patch.joinOption && patch.joinOption !== before.joinOption) {
    const refusal = joinOptionRefusal(before.type, patch.joinOption);
    if (refusal) {
      const { key, values, message } = refusal;
      throw ApiError.because("validation", key, message, values, { fields: [{ path: "joinOption", message, key, values }] });
    }
  }
  if (patch.maxMemberCount !== undefined && patch.maxMemberCount < before.memberCount) {
    const message = `The group already has ${before.memberCount} members; the limit cannot be lower`;
    const values = { count: before.memberCount };
    throw ApiError.because("validation", "limitBelowMembers", message, values, {
      fields: [{ path: "maxMemberCount", message, key: "limitBelowMembers", values }],
    });
  }
  const changedBefore = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof Group]]));
  return audited({ actor, action: "group.update", groupId: id, before: changedBefore, after: patch, requestId }, async () => {
    await im.modifyGroup(id, patch);
    const after = (await syncGroup(id)) ?? { ...before, ...patch };
    publishEvent({ type: "group.updated", groupId: id });
    return after;
  });
}

/** Dismisses a group: members are told by the IM server; the directory forgets it. */
export async function dismissGroup({ id }: { id: string }, { user: actor, requestId }: Actor): Promise<DismissOutcome> {
  const { db, im } = getContext();
  const before = await getGroupDetail(id);
  const outcome: DismissOutcome = {
    id,
    name: before.name,
    membersRemoved: before.memberCount,
    applicationsDropped: before.pendingApplications ?? 0,
  };
  return audited({ actor, action: "group.dismiss", groupId: id, before, after: outcome, requestId }, async () => {
    await im.destroyGroup(id);
    await forgetGroup(db, id);
    publishEvent({ type: "group.dismissed", groupId: id });
    return outcome;
  });
}

export async function transferOwner({ id, userId }: { id: string; userId: string }, { user: actor, requestId }: Actor): Promise<Group> {
  const { im } = getContext();
  const before = await getGroupDetail(id);
  if (before.type === "AVChatRoom") throw ApiError.because("validation", "avNoOwner", "AVChatRoom groups cannot change owner");
  if (before.ownerId === userId) throw ApiError.because("validation", "alreadyOwner", `${userId} already owns this group`, { userId });
  return audited(
    {
      actor,
      action: "group.owner",
      groupId: id,
      target: userId,
      before: { ownerId: before.ownerId },
      after: { ownerId: userId },
      requestId,
    },
    async () => {
      await im.changeOwner(id, userId);
      const after = (await syncGroup(id)) ?? before;
      publishEvent({ type: "group.updated", groupId: id });
      return after;
    },
  );
}
