// Who may join, quit, invite, dismiss, handle applications and change roles (docs/group-system.md).
// Pure decisions over plain facts; the services feed them from the store and act on the answer.
import { Code, fail, invalid } from "./errors";
import { type ApplyJoinOption, type GroupType, type InviteJoinOption, type MemberRole, TYPE_RULES } from "./group-types";

export interface GroupFacts {
  type: GroupType;
  applyJoinOption: ApplyJoinOption;
  inviteJoinOption: InviteJoinOption;
  memberCount: number;
  maxMembers: number;
}

/** Refuses (10014) when `adding` more members would not fit. */
export function checkCapacity(group: GroupFacts, adding = 1): void {
  if (group.memberCount + adding > group.maxMembers) {
    fail(Code.GROUP_FULL, `the group is full (${group.memberCount} of ${group.maxMembers} members)`);
  }
}

export type JoinDecision = "join" | "apply";

/** What a user's `joinGroup` leads to: in at once, an application, or a refusal. */
export function decideJoin(group: GroupFacts, isMember: boolean): JoinDecision {
  if (isMember) fail(Code.ALREADY_MEMBER, "already a member of this group");
  const { joinMethod } = TYPE_RULES[group.type];
  if (joinMethod === "invitation") fail(Code.NO_PERMISSION, `${group.type} (Work) groups can only be joined by invitation`);
  if (joinMethod === "application") {
    if (group.applyJoinOption === "DisableApply") fail(Code.NO_PERMISSION, "this group does not accept join applications");
    checkCapacity(group);
    return group.applyJoinOption === "NeedPermission" ? "apply" : "join";
  }
  checkCapacity(group);
  return "join";
}

export function checkQuit(type: GroupType, role: MemberRole | null): void {
  if (role === null) fail(Code.NO_PERMISSION, "not a member of this group");
  if (role === "Owner" && !TYPE_RULES[type].ownerMayQuit) {
    fail(Code.OWNER_CANNOT_QUIT, `the owner cannot quit a ${type} group; transfer ownership or dismiss it`);
  }
}

export function checkClientDismiss(type: GroupType, role: MemberRole | null): void {
  if (!TYPE_RULES[type].clientDismissible) fail(Code.NO_PERMISSION, `${type} (Work) groups cannot be dismissed from a client`);
  if (role !== "Owner") fail(Code.NO_PERMISSION, "only the owner may dismiss this group");
}

export function canHandleApplications(role: MemberRole | null): boolean {
  return role === "Owner" || role === "Admin";
}

export function checkHandleApplications(role: MemberRole | null): void {
  if (!canHandleApplications(role)) fail(Code.NO_PERMISSION, "only the owner and admins may handle join applications");
}

/**
 * A member's invitation from the client. InviteJoinOption NeedPermission lets owners and admins
 * invite directly; invitations awaiting approval are not modelled, so ordinary members are refused.
 */
export function checkClientInvite(group: GroupFacts, inviterRole: MemberRole | null): void {
  if (inviterRole === null) fail(Code.NO_PERMISSION, "only members may invite to this group");
  if (!TYPE_RULES[group.type].inviteSupported) fail(Code.NO_PERMISSION, `${group.type} groups do not support invitations`);
  if (group.inviteJoinOption === "DisableInvite") fail(Code.NO_PERMISSION, "this group does not allow invitations");
  if (group.inviteJoinOption === "NeedPermission" && !canHandleApplications(inviterRole)) {
    fail(Code.NO_PERMISSION, "only the owner and admins may invite to this group");
  }
}

/** REST member list operations (read, add, owner transfer) do not exist for AVChatRoom. */
export function checkRestMemberManagement(type: GroupType): void {
  if (!TYPE_RULES[type].restMemberManagement) fail(Code.NO_PERMISSION, `${type} groups keep no member list for REST`);
}

/** Tencent answers member deletion on AVChatRoom with 10004 rather than 10007. */
export function checkRestMemberDeletion(type: GroupType, targets: readonly string[], owner: string | null): void {
  if (!TYPE_RULES[type].restMemberManagement) invalid(`members cannot be removed from ${type} groups`);
  if (owner !== null && targets.includes(owner)) invalid("the owner cannot be removed from the group");
}

export function checkRoleChange(type: GroupType, targetRole: MemberRole | null, newRole: MemberRole): void {
  if (!TYPE_RULES[type].hasAdmins) fail(Code.NO_PERMISSION, `${type} groups have no admins`);
  if (targetRole === null) invalid("the account is not a member of this group");
  if (targetRole === "Owner") invalid("the owner's role cannot be changed; transfer ownership instead");
  if (newRole === "Owner") invalid("Role must be Admin or Member");
}

export function checkOwnerTransfer(type: GroupType, newOwnerRole: MemberRole | null): void {
  checkRestMemberManagement(type);
  if (newOwnerRole === null) invalid("the new owner must already be a member of the group");
}

export type ApplicationStatus = "pending" | "approved" | "refused";

export interface ApplicationFacts {
  status: ApplicationStatus;
  handledBy: string | null;
  handledAt: number | null;
}

/** 10024 with who handled it and when, so a losing racer can tell the operator. */
export function checkPending(application: ApplicationFacts): void {
  if (application.status !== "pending") {
    fail(Code.ALREADY_HANDLED, `the application was already ${application.status}`, {
      Status: application.status === "approved" ? "Approved" : "Refused",
      Handler_Account: application.handledBy ?? "",
      HandleTime: application.handledAt ?? 0,
    });
  }
}
