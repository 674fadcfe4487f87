// Group lifecycle: create, change the profile, dismiss (by an operator, the owner, or the recycler).
import { randomInt } from "node:crypto";
import { Code, fail } from "../domain/errors";
import { generateGroupId } from "../domain/group-id";
import { type Body } from "../domain/fields";
import { type GroupDraft, type ProfileChanges, parseProfileChanges } from "../domain/group-profile";
import type { Group } from "../store/groups-repo";
import { type Actor, type ServiceContext, commit, liveGroup, memberInfo } from "./context";

const cryptoRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

/** 10019 unless every account was imported. */
export function requireAccounts(ctx: ServiceContext, userIds: readonly string[]): void {
  const missing = ctx.store.accounts.missing(userIds);
  if (missing.length) fail(Code.ACCOUNT_NOT_FOUND, `accounts not imported: ${missing.slice(0, 10).join(", ")}`);
}

function checkIdFree(ctx: ServiceContext, groupId: string): void {
  if (ctx.store.groups.getLive(groupId)) fail(Code.GROUP_ID_TAKEN, `the group ID ${groupId} is already used`);
}

export async function createGroup(ctx: ServiceContext, actor: Actor, draft: GroupDraft): Promise<Group> {
  const memberIds = draft.members.map((m) => m.userId);
  requireAccounts(ctx, draft.owner ? [draft.owner, ...memberIds] : memberIds);
  if (draft.groupId) checkIdFree(ctx, draft.groupId);

  const memberList = [...(draft.owner ? [draft.owner] : []), ...memberIds].map((id) => ({ Member_Account: id }));
  await ctx.webhooks.before(
    "Group.CallbackBeforeCreateGroup",
    { Operator_Account: actor.userId, Owner_Account: draft.owner ?? "", Type: draft.type, Name: draft.name, MemberList: memberList },
    actor,
  );

  return commit(ctx, actor, (out) => {
    const now = ctx.now();
    let groupId = draft.groupId;
    if (groupId) {
      checkIdFree(ctx, groupId);
      ctx.store.groups.purgeDismissed(groupId);
    } else {
      do groupId = generateGroupId(draft.type, cryptoRandom);
      while (ctx.store.groups.get(groupId));
    }
    ctx.store.groups.insert(groupId, draft, now);
    if (draft.owner) ctx.store.members.add(groupId, draft.owner, "Owner", now);
    for (const member of draft.members) ctx.store.members.add(groupId, member.userId, member.role, now);
    out.webhook("Group.CallbackAfterCreateGroup", {
      GroupId: groupId,
      Operator_Account: actor.userId,
      Owner_Account: draft.owner ?? "",
      Type: draft.type,
      Name: draft.name,
      MemberList: memberList,
      UserDefinedDataList: draft.appDefinedData,
    });
    return ctx.store.groups.get(groupId)!;
  });
}

const CALLBACK_FIELDS = { name: "Name", introduction: "Introduction", notification: "Notification", faceUrl: "FaceUrl" } as const;
// Not in Tencent's AfterGroupInfoChanged; sent outside strict mode so a console's directory stays current.
const EXTENDED_CALLBACK_FIELDS = {
  applyJoinOption: "ApplyJoinOption",
  inviteJoinOption: "InviteJoinOption",
  maxMembers: "MaxMemberNum",
  muteAll: "MuteAllMember",
} as const;

export function modifyGroup(ctx: ServiceContext, actor: Actor, groupId: string, body: Body): ProfileChanges {
  return commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, groupId);
    const changes = parseProfileChanges(body, group, ctx.store.members.count(groupId));
    if (Object.keys(changes).length === 0) return changes;
    ctx.store.groups.update(groupId, changes, ctx.now());

    const changeInfos = Object.entries(changes).map(([type, value]) => ({ type, value }));
    out.event(ctx.store.members.userIds(groupId), "onGroupInfoChanged", { groupID: groupId, changeInfos });

    const callback: Record<string, unknown> = { GroupId: groupId, Type: group.type, Operator_Account: actor.userId };
    for (const [key, field] of Object.entries(CALLBACK_FIELDS)) {
      const value = changes[key as keyof typeof CALLBACK_FIELDS];
      if (value !== undefined) callback[field] = value;
    }
    if (!ctx.config.strictTencent) {
      for (const [key, field] of Object.entries(EXTENDED_CALLBACK_FIELDS)) {
        const value = changes[key as keyof typeof EXTENDED_CALLBACK_FIELDS];
        if (value !== undefined) callback[field] = typeof value === "boolean" ? (value ? "On" : "Off") : value;
      }
    }
    if (Object.keys(callback).length > 3) out.webhook("Group.CallbackAfterGroupInfoChanged", callback);
    return changes;
  });
}

/**
 * Dismissal by an operator or owner ("dismissed") or by the recycler ("recycled"). `guard` runs
 * inside the transaction, e.g. the client rule that only the owner may dismiss.
 */
export function destroyGroup(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  reason: "dismissed" | "recycled",
  guard?: (group: Group) => void,
): void {
  commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, groupId);
    guard?.(group);
    const members = ctx.store.members.userIds(groupId);
    ctx.store.members.removeAll(groupId);
    ctx.store.groups.dismiss(groupId, reason, ctx.now());
    const opUser = memberInfo(ctx, actor.userId);
    out.event(members, reason === "dismissed" ? "onGroupDismissed" : "onGroupRecycled", { groupID: groupId, opUser });
    out.webhook("Group.CallbackAfterGroupDestroyed", {
      GroupId: groupId,
      Type: group.type,
      Owner_Account: group.owner ?? "",
      Name: group.name,
      // Tencent leaves the member list out for Community groups.
      ...(group.type === "Community" ? {} : { MemberList: members.map((id) => ({ Member_Account: id })) }),
      Operator_Account: actor.userId,
    });
  });
}
