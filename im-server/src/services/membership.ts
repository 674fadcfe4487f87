// Getting into and out of groups, by every route: an admin adding or removing (REST), a member
// inviting, a user joining, applying or quitting (client). All routes share `admit`, so an approval
// or an invitation from a phone and one from the console produce the same events and webhooks.
import { Code, fail } from "../domain/errors";
import {
  checkCapacity,
  checkClientInvite,
  checkQuit,
  checkRestMemberDeletion,
  checkRestMemberManagement,
  decideJoin,
} from "../domain/group-rules";
import type { Group } from "../store/groups-repo";
import { type Actor, type Outbox, type ServiceContext, commit, groupFacts, liveGroup, memberInfo, memberInfos } from "./context";
import { checkNotBanned, isBanned } from "./bans";
import { requireAccounts } from "./groups";

export type JoinType = "Apply" | "Invited";

/**
 * Adds accounts as plain members (inside a transaction) and tells everyone: onMemberEnter for
 * joins and approvals, onMemberInvited for invitations and REST adds; AfterNewMemberJoin webhook.
 * An open application of someone who got in this way is settled as approved.
 */
export function admit(
  ctx: ServiceContext,
  out: Outbox,
  group: Group,
  userIds: readonly string[],
  operator: string,
  joinType: JoinType,
  silence = false,
): void {
  if (userIds.length === 0) return;
  const now = ctx.now();
  for (const userId of userIds) {
    ctx.store.members.add(group.groupId, userId, "Member", now);
    for (const id of ctx.store.applications.settlePendingFor(group.groupId, userId, operator, "joined the group", now)) {
      out.webhook(
        "Group.CallbackAfterHandleJoinApplication",
        applicationCallback(group, id, userId, "Agree", operator, "joined the group"),
        { extension: true },
      );
    }
  }
  ctx.store.groups.touch(group.groupId, now);
  const memberList = memberInfos(ctx, userIds);
  if (!silence) {
    const everyone = ctx.store.members.userIds(group.groupId);
    if (joinType === "Apply") out.event(everyone, "onMemberEnter", { groupID: group.groupId, memberList });
    else out.event(everyone, "onMemberInvited", { groupID: group.groupId, opUser: memberInfo(ctx, operator), memberList });
  }
  out.webhook("Group.CallbackAfterNewMemberJoin", {
    GroupId: group.groupId,
    Type: group.type,
    JoinType: joinType,
    Operator_Account: operator,
    NewMemberList: userIds.map((id) => ({ Member_Account: id })),
  });
}

/** Body of the extension callback telling the app an application was settled. */
export function applicationCallback(
  group: Group,
  id: number,
  requester: string,
  decision: "Agree" | "Reject",
  handler: string,
  msg: string,
) {
  return {
    GroupId: group.groupId,
    Type: group.type,
    ApplicationId: String(id),
    Requestor_Account: requester,
    Decision: decision,
    Handler_Account: handler,
    HandleMsg: msg,
  };
}

export type InviteOutcome = "added" | "already" | "refused";

/**
 * REST add_group_member and the client's inviteUserToGroup. The app's BeforeInviteJoinGroup
 * callback may refuse everyone (error) or some (`refused`); a group too small for the newcomers
 * refuses the whole request with 10014.
 */
export async function inviteMembers(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  userIds: readonly string[],
  options: { silence?: boolean } = {},
): Promise<{ userId: string; outcome: InviteOutcome }[]> {
  const checkAllowed = (group: Group) => {
    if (actor.viaRest) checkRestMemberManagement(group.type);
    else checkClientInvite(groupFacts(ctx, group), ctx.store.members.role(groupId, actor.userId));
  };
  const group = liveGroup(ctx, groupId);
  checkAllowed(group);
  requireAccounts(ctx, userIds);

  const verdict = await ctx.webhooks.before(
    "Group.CallbackBeforeInviteJoinGroup",
    {
      GroupId: groupId,
      Type: group.type,
      Operator_Account: actor.userId,
      DestinationMembers: userIds.map((id) => ({ Member_Account: id })),
    },
    actor,
  );
  const refused = new Set(verdict.refusedMembers);

  return commit(ctx, actor, (out) => {
    const current = liveGroup(ctx, groupId);
    checkAllowed(current);
    const outcomes = userIds.map((userId) => ({
      userId,
      // A banned account cannot be added until the ban runs out: Result 0, as a refusal.
      outcome: (ctx.store.members.role(groupId, userId)
        ? "already"
        : refused.has(userId) || isBanned(ctx, groupId, userId)
          ? "refused"
          : "added") as InviteOutcome,
    }));
    const newcomers = outcomes.filter((o) => o.outcome === "added").map((o) => o.userId);
    checkCapacity(groupFacts(ctx, current), newcomers.length);
    admit(ctx, out, current, newcomers, actor.userId, "Invited", options.silence);
    return outcomes;
  });
}

/** REST delete_group_member: the owner cannot be removed; non-members are skipped. */
export function removeMembers(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  userIds: readonly string[],
  options: { silence?: boolean; reason?: string } = {},
): string[] {
  return commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, groupId);
    checkRestMemberDeletion(group.type, userIds, group.owner);
    const everyone = ctx.store.members.userIds(groupId);
    const removed = userIds.filter((id) => ctx.store.members.remove(groupId, id));
    if (removed.length === 0) return removed;
    ctx.store.groups.touch(groupId, ctx.now());
    // Silence: only the removed members are told.
    out.event(options.silence ? removed : everyone, "onMemberKicked", {
      groupID: groupId,
      opUser: memberInfo(ctx, actor.userId),
      memberList: memberInfos(ctx, removed),
      ...(options.reason ? { reason: options.reason } : {}),
    });
    out.webhook("Group.CallbackAfterMemberExit", {
      GroupId: groupId,
      Type: group.type,
      ExitType: "Kicked",
      Operator_Account: actor.userId,
      ExitMemberList: removed.map((id) => ({ Member_Account: id })),
    });
    return removed;
  });
}

export type JoinResult = { status: "joined" } | { status: "applied"; applicationId: number };

/** The client's joinGroup: in at once, or an application for the owner and admins to handle. */
export async function joinGroup(ctx: ServiceContext, actor: Actor, groupId: string, message: string): Promise<JoinResult> {
  const decide = (group: Group) => {
    checkNotBanned(ctx, groupId, actor.userId);
    return decideJoin(groupFacts(ctx, group), ctx.store.members.role(groupId, actor.userId) !== null);
  };
  const group = liveGroup(ctx, groupId);
  decide(group);
  await ctx.webhooks.before(
    "Group.CallbackBeforeApplyJoinGroup",
    { GroupId: groupId, Type: group.type, Requestor_Account: actor.userId, ApplyMsg: message },
    actor,
  );

  return commit(ctx, actor, (out): JoinResult => {
    const current = liveGroup(ctx, groupId);
    if (decide(current) === "join") {
      admit(ctx, out, current, [actor.userId], actor.userId, "Apply");
      return { status: "joined" };
    }
    const now = ctx.now();
    const applicationId = ctx.store.applications.upsertPending(groupId, actor.userId, message, now);
    ctx.store.groups.touch(groupId, now);
    out.event(ctx.store.members.managers(groupId), "onReceiveJoinApplication", {
      groupID: groupId,
      member: memberInfo(ctx, actor.userId),
      opReason: message,
    });
    out.webhook(
      "Group.CallbackAfterApplyJoinGroup",
      {
        GroupId: groupId,
        Type: current.type,
        ApplicationId: String(applicationId),
        Requestor_Account: actor.userId,
        ApplyMsg: message,
        ApplyTime: now,
      },
      { extension: true },
    );
    return { status: "applied", applicationId };
  });
}

/** The client's quitGroup. A Work owner may leave; the group then has no owner. */
export function quitGroup(ctx: ServiceContext, actor: Actor, groupId: string): void {
  commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, groupId);
    const role = ctx.store.members.role(groupId, actor.userId);
    checkQuit(group.type, role);
    ctx.store.members.remove(groupId, actor.userId);
    const now = ctx.now();
    if (role === "Owner") ctx.store.groups.setOwner(groupId, null, now);
    ctx.store.groups.touch(groupId, now);
    out.event([actor.userId], "onQuitFromGroup", { groupID: groupId });
    out.event(ctx.store.members.userIds(groupId), "onMemberLeave", { groupID: groupId, member: memberInfo(ctx, actor.userId) });
    out.webhook("Group.CallbackAfterMemberExit", {
      GroupId: groupId,
      Type: group.type,
      ExitType: "Quit",
      Operator_Account: actor.userId,
      ExitMemberList: [{ Member_Account: actor.userId }],
    });
  });
}

/** A non-member given where a member is required. */
export function requireMember(ctx: ServiceContext, groupId: string, userId: string) {
  return ctx.store.members.get(groupId, userId) ?? fail(Code.INVALID_PARAM, `${userId} is not a member of ${groupId}`);
}
