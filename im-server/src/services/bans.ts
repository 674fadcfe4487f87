// Bans (reference §9.2–§9.4): a banned account is removed from the group, as a kick, and kept out —
// no join, no application, no add — until the ban runs out by itself.
import { Code, fail, invalid } from "../domain/errors";
import { type Actor, type ServiceContext, commit, liveGroup, memberInfo, memberInfos } from "./context";
import { requireAccounts } from "./groups";

/** Largest uint32, as for mutes: a ban that does not run out. */
const BAN_FOREVER = 4294967295;

/** What a banned member's open application is settled with. */
export const BANNED_APPLICATION_REASON = "banned from the group";

export function banUntil(now: number, duration: number): number {
  return duration >= BAN_FOREVER ? BAN_FOREVER : Math.min(now + duration, BAN_FOREVER);
}

/** Refuses (10007) someone whose ban in this group is still running. */
export function checkNotBanned(ctx: ServiceContext, groupId: string, userId: string): void {
  const until = ctx.store.bans.until(groupId, userId, ctx.now());
  if (until !== null) fail(Code.NO_PERMISSION, `${userId} is banned from ${groupId} until ${until}`);
}

export function isBanned(ctx: ServiceContext, groupId: string, userId: string): boolean {
  return ctx.store.bans.until(groupId, userId, ctx.now()) !== null;
}

export function banMembers(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
  userIds: readonly string[],
  duration: number,
  description: string,
): void {
  const group = liveGroup(ctx, groupId);
  requireAccounts(ctx, userIds);
  if (group.owner && userIds.includes(group.owner)) invalid("the group owner cannot be banned");
  commit(ctx, actor, (out) => {
    const current = liveGroup(ctx, groupId);
    const now = ctx.now();
    const until = banUntil(now, duration);
    const everyone = ctx.store.members.userIds(groupId);
    const removed: string[] = [];
    for (const userId of userIds) {
      ctx.store.bans.set(groupId, userId, until, description, now);
      if (ctx.store.members.remove(groupId, userId)) removed.push(userId);
      const pending = ctx.store.applications.pendingFor(groupId, userId);
      if (pending && ctx.store.applications.settle(pending.id, "refused", actor.userId, BANNED_APPLICATION_REASON, now)) {
        out.event([userId], "onApplicationProcessed", {
          groupID: groupId,
          opUser: memberInfo(ctx, actor.userId),
          isAgreeJoin: false,
          opReason: BANNED_APPLICATION_REASON,
        });
        out.webhook(
          "Group.CallbackAfterHandleJoinApplication",
          {
            GroupId: groupId,
            Type: current.type,
            ApplicationId: String(pending.id),
            Requestor_Account: userId,
            Decision: "Reject",
            Handler_Account: actor.userId,
            HandleMsg: BANNED_APPLICATION_REASON,
          },
          { extension: true },
        );
      }
    }
    ctx.store.groups.touch(groupId, now);
    if (removed.length === 0) return;
    // Removal is a kick in every respect, so members and the app see the usual exit.
    out.event(everyone, "onMemberKicked", {
      groupID: groupId,
      opUser: memberInfo(ctx, actor.userId),
      memberList: memberInfos(ctx, removed),
    });
    out.webhook("Group.CallbackAfterMemberExit", {
      GroupId: groupId,
      Type: current.type,
      ExitType: "Kicked",
      Operator_Account: actor.userId,
      ExitMemberList: removed.map((id) => ({ Member_Account: id })),
    });
  });
}

/** Lifting a ban that is not there is not an error (nothing to undo). */
export function unbanMembers(ctx: ServiceContext, groupId: string, userIds: readonly string[]): void {
  ctx.store.tx(() => {
    liveGroup(ctx, groupId);
    for (const userId of userIds) ctx.store.bans.lift(groupId, userId);
  });
}
