// EXTENSION commands. Tencent has no REST API for join applications (reference §3.16); these let a
// console list and settle them. With IM_STRICT_TENCENT=1 they answer 10003 like unknown commands.
import { decodeStringCursor, encodeStringCursor } from "../../domain/cursors";
import { Code, fail, invalid } from "../../domain/errors";
import { optEnum, optInt, optString } from "../../domain/fields";
import type { ApplicationStatus } from "../../domain/group-rules";
import { LIMITS, checkBytes } from "../../domain/limits";
import { handleApplication, listApplications } from "../../services/applications";
import { applicationObject } from "../wire";
import type { CommandTable } from "./command";
import type { ServiceContext } from "../../services/context";
import type { Application, ApplicationOrder } from "../../store/applications-repo";

const STATUS: Record<string, ApplicationStatus> = { Pending: "pending", Approved: "approved", Refused: "refused" };

export function applicationObjects(ctx: ServiceContext, items: Application[]) {
  const accounts = ctx.store.accounts.many(items.map((a) => a.requester));
  return items.map((app) => applicationObject(app, ctx.store.groups.get(app.groupId)?.name ?? "", accounts.get(app.requester)));
}

/** ApplicationId travels as a decimal string; a JSON number is tolerated. */
export function parseApplicationId(raw: unknown): number {
  const text = typeof raw === "number" ? String(raw) : raw;
  if (typeof text !== "string" || !/^[1-9]\d{0,15}$/.test(text)) invalid("ApplicationId must be an application ID string");
  return Number(text);
}

/** Optional `ApplicationIdList`: at most 100 application IDs. */
function parseApplicationIdList(raw: unknown): number[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length > 100) invalid("ApplicationIdList must be an array of at most 100 application IDs");
  return raw.map(parseApplicationId);
}

/**
 * Cursors name the order they page through, so one made for the other order is refused (10004) instead of
 * silently skipping or repeating applications. Newest-first cursors keep their original two-part shape.
 */
function encodeApplicationCursor(order: ApplicationOrder, at: { createdAt: number; id: number }): string {
  return encodeStringCursor(order === "oldest" ? [at.createdAt, at.id, "Oldest"] : [at.createdAt, at.id]);
}
function decodeApplicationCursor(order: ApplicationOrder, raw: string): { createdAt: number; id: number } {
  const parts =
    order === "oldest" ? decodeStringCursor(raw, ["number", "number", "string"]) : decodeStringCursor(raw, ["number", "number"]);
  if (order === "oldest" && parts[2] !== "Oldest") invalid("Next is not a cursor returned by this server");
  return { createdAt: parts[0] as number, id: parts[1] as number };
}

export const applicationCommands: CommandTable = {
  "group_open_http_svc/get_group_application_list": {
    extension: true,
    run: ({ ctx, body }) => {
      const groupId = optString(body, "GroupId") || undefined;
      if (groupId !== undefined && !ctx.store.groups.getLive(groupId)) {
        fail(Code.GROUP_NOT_FOUND, `group ${groupId} does not exist or was dismissed`);
      }
      const ids = parseApplicationIdList(body.ApplicationIdList);
      const status = optEnum(body, "Status", ["Pending", "Approved", "Refused"] as const);
      const requester = optString(body, "Requestor_Account") || undefined;
      const limit = optInt(body, "Limit", 1, LIMITS.applicationPage) ?? LIMITS.applicationPageDefault;
      const order: ApplicationOrder = optEnum(body, "Order", ["Newest", "Oldest"] as const) === "Oldest" ? "oldest" : "newest";
      const next = optString(body, "Next") || undefined;
      const page = listApplications(ctx, {
        groupId,
        ids,
        status: status ? STATUS[status] : undefined,
        requester,
        order,
        limit,
        after: next ? decodeApplicationCursor(order, next) : undefined,
      });
      return {
        ApplicationList: applicationObjects(ctx, page.items),
        TotalCount: page.total,
        Next: page.next ? encodeApplicationCursor(order, page.next) : "",
      };
    },
  },

  "group_open_http_svc/handle_group_application": {
    extension: true,
    run: ({ ctx, actor, body }) => {
      const applicationId = parseApplicationId(body.ApplicationId);
      const decision = optEnum(body, "Decision", ["Agree", "Reject"] as const) ?? invalid("Decision must be Agree or Reject");
      const message = optString(body, "HandleMsg") ?? "";
      checkBytes("HandleMsg", message, LIMITS.handleMessage);
      // Console users are not IM accounts: any attribution string is recorded as the handler.
      const handler = optString(body, "Operator_Account") || actor.userId;
      checkBytes("Operator_Account", handler, LIMITS.operatorAttribution);
      const application = handleApplication(ctx, actor, { applicationId, decision, message, handler });
      return { Application: applicationObjects(ctx, [application])[0] };
    },
  },
};
