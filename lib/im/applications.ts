import { z } from "zod";
import type { ImSend } from "./transport";

/**
 * Join applications through the local IM server's extension commands. Tencent Cloud Chat has no REST
 * endpoint for them (they are SDK-only there), so callers must treat 10003 as "not offered by this server".
 */
export const APPLICATION_STATUSES = { pending: "Pending", approved: "Approved", refused: "Refused" } as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;

const wireApplicationSchema = z.object({
  ApplicationId: z.union([z.string(), z.number()]).transform(String),
  GroupId: z.string(),
  GroupName: z.string().default(""),
  Requestor_Account: z.string(),
  Requestor_Nick: z.string().default(""),
  Requestor_FaceUrl: z.string().default(""),
  ApplyMsg: z.string().default(""),
  ApplyTime: z.number(),
  Status: z.enum(["Pending", "Approved", "Refused"]),
  Handler_Account: z.string().optional().nullable(),
  HandleTime: z.number().optional().nullable(),
  HandleMsg: z.string().optional().nullable(),
});

export type Application = {
  id: string;
  groupId: string;
  groupName: string;
  requesterId: string;
  requesterNickname: string;
  requesterFaceUrl: string;
  message: string;
  status: ApplicationStatus;
  createdAt: string;
  handledBy?: string;
  handledAt?: string;
  reason?: string;
};

const STATUS_OF: Record<string, ApplicationStatus> = { Pending: "pending", Approved: "approved", Refused: "refused" };

function toApplication(w: z.infer<typeof wireApplicationSchema>): Application {
  return {
    id: w.ApplicationId,
    groupId: w.GroupId,
    groupName: w.GroupName,
    requesterId: w.Requestor_Account,
    requesterNickname: w.Requestor_Nick,
    requesterFaceUrl: w.Requestor_FaceUrl,
    message: w.ApplyMsg,
    status: STATUS_OF[w.Status],
    createdAt: new Date(w.ApplyTime * 1000).toISOString(),
    ...(w.Handler_Account ? { handledBy: w.Handler_Account } : {}),
    ...(w.HandleTime ? { handledAt: new Date(w.HandleTime * 1000).toISOString() } : {}),
    ...(w.HandleMsg ? { reason: w.HandleMsg } : {}),
  };
}

export function applicationCommands(send: ImSend) {
  return {
    /** `order` oldest asks for the local server's `Order` field; newest (its default) sends none. */
    async listApplications(opts: {
      groupId?: string;
      status?: ApplicationStatus;
      /** One user's applications, to every group. */
      requesterId?: string;
      order?: "newest" | "oldest";
      limit: number;
      next?: string;
    }) {
      const env = await send("group_open_http_svc/get_group_application_list", {
        ...(opts.groupId ? { GroupId: opts.groupId } : {}),
        ...(opts.status ? { Status: APPLICATION_STATUSES[opts.status] } : {}),
        ...(opts.requesterId ? { Requestor_Account: opts.requesterId } : {}),
        ...(opts.order === "oldest" ? { Order: "Oldest" } : {}),
        Limit: opts.limit,
        ...(opts.next ? { Next: opts.next } : {}),
      });
      const page = z
        .object({ ApplicationList: z.array(wireApplicationSchema).default([]), TotalCount: z.number(), Next: z.string().default("") })
        .parse(env);
      return { items: page.ApplicationList.map(toApplication), total: page.TotalCount, next: page.Next };
    },

    /** One application by ID, or null when the server has no such application. */
    async getApplication(id: string): Promise<Application | null> {
      const env = await send("group_open_http_svc/get_group_application_list", { ApplicationIdList: [id], Limit: 1 });
      const list = z.array(wireApplicationSchema).parse(env.ApplicationList ?? []);
      return list[0] ? toApplication(list[0]) : null;
    },

    /** Applications by ID (at most 100), whatever their status; IDs the server does not know are left out. */
    async getApplications(ids: string[]): Promise<Application[]> {
      if (ids.length === 0) return [];
      const env = await send("group_open_http_svc/get_group_application_list", { ApplicationIdList: ids, Limit: ids.length });
      return z
        .array(wireApplicationSchema)
        .parse(env.ApplicationList ?? [])
        .map(toApplication);
    },

    /** Approve or refuse one application; answers the application as it now stands. */
    async handleApplication(opts: { id: string; approve: boolean; reason?: string; operator: string }): Promise<Application> {
      const env = await send("group_open_http_svc/handle_group_application", {
        ApplicationId: opts.id,
        Decision: opts.approve ? "Agree" : "Reject",
        ...(opts.reason ? { HandleMsg: opts.reason } : {}),
        Operator_Account: opts.operator,
      });
      return toApplication(wireApplicationSchema.parse(env.Application));
    },
  };
}
