// What an operator changes about members: ownership, roles, member fields, mutes, and the custom
// system notifications members receive.
import { Code, fail } from "../domain/errors";
import { type KeyValue, mergeKeyValues } from "../domain/group-profile";
import { checkOwnerTransfer, checkRestMemberManagement, checkRoleChange } from "../domain/group-rules";
import { TYPE_RULES } from "../domain/group-types";
import { type Actor, type ServiceContext, commit, liveGroup, memberInfo, memberInfos, messageKey } from "./context";
import { requireMember } from "./membership";

/** Largest uint32: Tencent's "muted for good". */
export const MUTE_FOREVER = 4294967295;

export function muteUntil(now: number, muteTime: number): number {
  if (muteTime === 0) return 0;
  return muteTime >= MUTE_FOREVER ? MUTE_FOREVER : Math.min(now + muteTime, MUTE_FOREVER);
}

export function changeOwner(ctx: ServiceContext, actor: Actor, groupId: string, newOwner: string): void {
  commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, groupId);
    checkOwnerTransfer(group.type, ctx.store.members.role(groupId, newOwner));
    if (group.owner === newOwner) return;
    if (group.owner) ctx.store.members.setRole(groupId, group.owner, "Member");
    ctx.store.members.setRole(groupId, newOwner, "Owner");
    ctx.store.groups.setOwner(groupId, newOwner, ctx.now());
    out.event(ctx.store.members.userIds(groupId), "onGroupInfoChanged", {
      groupID: groupId,
      changeInfos: [{ type: "owner", value: newOwner }],
    });
    out.webhook("Group.CallbackAfterChangeGroupOwner", {
      GroupId: groupId,
      Type: group.type,
      Operator_Account: actor.userId,
      OldOwner_Account: group.owner ?? "",
      NewOwner_Account: newOwner,
    });
  });
}

export interface MemberChanges {
  role?: "Admin" | "Member";
  nameCard?: string;
  msgFlag?: string;
  muteTime?: number;
  data?: KeyValue[];
}

/** modify_group_member_info: role changes emit onGrantAdministrator / onRevokeAdministrator. */
export function modifyMember(ctx: ServiceContext, actor: Actor, groupId: string, userId: string, changes: MemberChanges): void {
  commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, groupId);
    checkRestMemberManagement(group.type);
    const member = requireMember(ctx, groupId, userId);
    const now = ctx.now();
    if (changes.role !== undefined) {
      checkRoleChange(group.type, member.role, changes.role);
      if (member.role !== changes.role) {
        ctx.store.members.setRole(groupId, userId, changes.role);
        out.event(ctx.store.members.userIds(groupId), changes.role === "Admin" ? "onGrantAdministrator" : "onRevokeAdministrator", {
          groupID: groupId,
          opUser: memberInfo(ctx, actor.userId),
          memberList: memberInfos(ctx, [userId]),
        });
      }
    }
    if (changes.muteTime !== undefined) {
      if (!TYPE_RULES[group.type].supportsMuting) fail(Code.NO_PERMISSION, `${group.type} groups cannot be muted`);
      ctx.store.members.setMute(groupId, userId, muteUntil(now, changes.muteTime));
    }
    ctx.store.members.update(groupId, userId, {
      nameCard: changes.nameCard,
      msgFlag: changes.msgFlag,
      data: changes.data ? mergeKeyValues(member.appMemberDefinedData, changes.data) : undefined,
    });
    ctx.store.groups.touch(groupId, now);
  });
}

/** forbid_send_msg: accounts that are not members are skipped. */
export function muteMembers(ctx: ServiceContext, actor: Actor, groupId: string, userIds: readonly string[], muteTime: number): void {
  commit(ctx, actor, () => {
    const group = liveGroup(ctx, groupId);
    if (!TYPE_RULES[group.type].supportsMuting) fail(Code.NO_PERMISSION, `${group.type} groups cannot be muted`);
    const until = muteUntil(ctx.now(), muteTime);
    for (const userId of userIds) if (ctx.store.members.role(groupId, userId)) ctx.store.members.setMute(groupId, userId, until);
  });
}

/** send_group_system_notification: kept per recipient and delivered as onReceiveRESTCustomData. */
export function sendSystemNotification(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  content: string,
  toMembers: readonly string[] | undefined,
): number {
  return commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, groupId);
    if (toMembers?.length && group.type === "AVChatRoom") {
      fail(Code.NO_PERMISSION, "AVChatRoom notifications can only go to everyone");
    }
    const everyone = ctx.store.members.userIds(groupId);
    const recipients = toMembers?.length ? everyone.filter((id) => toMembers.includes(id)) : everyone;
    const now = ctx.now();
    const key = messageKey(now);
    for (const userId of recipients) {
      ctx.store.events.addNotice({ userId, kind: "group_system", from: actor.userId, groupId, content, msgTime: now, msgKey: key });
    }
    ctx.store.groups.touch(groupId, now);
    out.event(recipients, "onReceiveRESTCustomData", { groupID: groupId, customData: content });
    return recipients.length;
  });
}
