// Join applications: listing them and settling them. One path for the console (extension endpoint)
// and for an owner's or admin's phone (client API), so both produce the same effects.
import { Code, fail } from "../domain/errors";
import { checkCapacity, checkHandleApplications, checkPending } from "../domain/group-rules";
import type { Application, ApplicationQuery } from "../store/applications-repo";
import { type Actor, type ServiceContext, commit, groupFacts, memberInfo } from "./context";
import { admit, applicationCallback } from "./membership";

export type Decision = "Agree" | "Reject";

export interface HandleRequest {
  applicationId: number;
  decision: Decision;
  message: string;
  /** Whom to record as the handler (a console user's e-mail, or the acting IM user). */
  handler: string;
  /** Set for client calls: the acting user must own or administer the group. */
  requireManager?: string;
}

export function handleApplication(ctx: ServiceContext, actor: Actor, request: HandleRequest): Application {
  return commit(ctx, actor, (out) => {
    const application = ctx.store.applications.get(request.applicationId);
    if (!application) fail(Code.GROUP_NOT_FOUND, `application ${request.applicationId} does not exist`);
    const group = ctx.store.groups.getLive(application.groupId);
    if (!group) fail(Code.GROUP_NOT_FOUND, `group ${application.groupId} does not exist or was dismissed`);
    if (request.requireManager !== undefined) checkHandleApplications(ctx.store.members.role(group.groupId, request.requireManager));
    checkPending(application);

    const agree = request.decision === "Agree";
    const alreadyIn = ctx.store.members.role(group.groupId, application.requester) !== null;
    // A full group refuses the approval; the transaction rolls back and the application stays pending.
    if (agree && !alreadyIn) checkCapacity(groupFacts(ctx, group));
    const now = ctx.now();
    if (!ctx.store.applications.settle(application.id, agree ? "approved" : "refused", request.handler, request.message, now)) {
      checkPending(ctx.store.applications.get(application.id)!);
    }
    out.event([application.requester], "onApplicationProcessed", {
      groupID: group.groupId,
      opUser: memberInfo(ctx, request.handler),
      isAgreeJoin: agree,
      opReason: request.message,
    });
    out.webhook(
      "Group.CallbackAfterHandleJoinApplication",
      applicationCallback(group, application.id, application.requester, request.decision, request.handler, request.message),
      { extension: true },
    );
    if (agree && !alreadyIn) admit(ctx, out, group, [application.requester], request.handler, "Apply");
    ctx.store.groups.touch(group.groupId, now);
    return ctx.store.applications.get(application.id)!;
  });
}

export interface ApplicationPage {
  items: Application[];
  total: number;
  /** Keyset of the last item when more may follow. */
  next: { createdAt: number; id: number } | null;
}

export function listApplications(ctx: ServiceContext, query: ApplicationQuery): ApplicationPage {
  const items = ctx.store.applications.list({ ...query, limit: query.limit + 1 });
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page,
    total: ctx.store.applications.count(query),
    next: items.length > query.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
