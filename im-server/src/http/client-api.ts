// The client API: what the SDK does on a user's phone, for tests, the demo and the simulator.
// POST /client/{method}?sdkappid=&identifier=&usersig=[&platform=] with a JSON body; answers
// Tencent's envelope plus `data`, in the SDK's parameter names.
import type { FastifyInstance } from "fastify";
import { Code, ImServerError, fail } from "../domain/errors";
import { type Body, optInt, optString, reqString, stringList } from "../domain/fields";
import { parseMsgBody, sdkPriority } from "../domain/group-messages";
import { checkClientDismiss } from "../domain/group-rules";
import { type ApplyJoinOption, type MemberRole, sdkTypeName } from "../domain/group-types";
import { LIMITS, checkBytes } from "../domain/limits";
import { handleApplication, listApplications } from "../services/applications";
import type { Actor, ServiceContext } from "../services/context";
import { sendGroupMessage } from "../services/group-messages";
import { destroyGroup } from "../services/groups";
import { inviteMembers, joinGroup, quitGroup } from "../services/membership";
import type { Application } from "../store/applications-repo";
import { authenticateClient } from "./client-auth";
import { parseApplicationId } from "./commands/application-commands";
import { errorEnvelope, failEnvelope, okEnvelope, sendJson } from "./envelope";
import { parseObjectBody } from "./rest";

// SDK enums (reference §7).
const ADD_OPT: Record<ApplyJoinOption, number> = { DisableApply: 0, NeedPermission: 1, FreeAccess: 2 };
const ROLE: Record<MemberRole, number> = { Member: 200, Admin: 300, Owner: 400 };
const INVITE_RESULT = { refused: 0, added: 1, already: 2 } as const;

type Method = (ctx: ServiceContext, actor: Actor, body: Body) => unknown;

function v2Application(ctx: ServiceContext, app: Application, viewer: string) {
  const account = ctx.store.accounts.get(app.requester);
  return {
    applicationID: String(app.id),
    groupID: app.groupId,
    fromUser: app.requester,
    fromUserNickName: account?.nick ?? "",
    fromUserFaceUrl: account?.faceUrl ?? "",
    toUser: "",
    addTime: app.createdAt,
    requestMsg: app.message,
    handledMsg: app.reason ?? "",
    type: 0,
    handleStatus: app.status === "pending" ? 0 : app.handledBy === viewer ? 2 : 1,
    handleResult: app.status === "approved" ? 1 : 0,
  };
}

function settle(decision: "Agree" | "Reject"): Method {
  return (ctx, actor, body) => {
    const reason = optString(body, "reason") ?? "";
    checkBytes("reason", reason, LIMITS.handleMessage);
    const app = handleApplication(ctx, actor, {
      applicationId: parseApplicationId(body.applicationID),
      decision,
      message: reason,
      handler: actor.userId,
      requireManager: actor.userId,
    });
    return v2Application(ctx, app, actor.userId);
  };
}

export const CLIENT_METHODS: Record<string, Method> = {
  joinGroup: async (ctx, actor, body) => {
    const groupID = reqString(body, "groupID");
    const message = optString(body, "message") ?? "";
    checkBytes("message", message, LIMITS.applyMessage);
    const result = await joinGroup(ctx, actor, groupID, message);
    return result.status === "joined"
      ? { groupID, status: "joined" }
      : { groupID, status: "applied", applicationID: String(result.applicationId) };
  },

  quitGroup: (ctx, actor, body) => {
    quitGroup(ctx, actor, reqString(body, "groupID"));
    return {};
  },

  inviteUserToGroup: async (ctx, actor, body) => {
    const groupID = reqString(body, "groupID");
    const userIDList = stringList(body, "userIDList", LIMITS.addMembers);
    const outcomes = await inviteMembers(ctx, actor, groupID, userIDList);
    return outcomes.map((o) => ({ memberID: o.userId, result: INVITE_RESULT[o.outcome] }));
  },

  getGroupApplicationList: (ctx, actor) => {
    const page = listApplications(ctx, { managedBy: actor.userId, limit: LIMITS.applicationPage });
    return {
      unreadCount: ctx.store.applications.count({ managedBy: actor.userId, status: "pending" }),
      applicationList: page.items.map((app) => v2Application(ctx, app, actor.userId)),
    };
  },

  acceptGroupApplication: settle("Agree"),
  refuseGroupApplication: settle("Reject"),

  dismissGroup: (ctx, actor, body) => {
    const groupID = reqString(body, "groupID");
    destroyGroup(ctx, actor, groupID, "dismissed", (group) =>
      checkClientDismiss(group.type, ctx.store.members.role(groupID, actor.userId)),
    );
    return {};
  },

  // The SDK's createTextMessage + sendMessage to a group, in one call; priority is V2TIMMessagePriority (0–3).
  sendGroupTextMessage: (ctx, actor, body) => {
    const groupID = reqString(body, "groupID");
    const { body: elements, text } = parseMsgBody([{ MsgType: "TIMTextElem", MsgContent: { Text: reqString(body, "text") } }]);
    const priority = sdkPriority(optInt(body, "priority", 0, 3));
    const sent = sendGroupMessage(ctx, actor, { groupId: groupID, from: actor.userId, priority, body: elements, text });
    return { msgID: sent.msgKey, groupID, sender: actor.userId, seq: sent.msgSeq, timestamp: sent.msgTime };
  },

  getJoinedGroupList: (ctx, actor) => {
    const { items } = ctx.store.members.joined(actor.userId, {
      includeAVChatRoom: false,
      topicCommunities: false,
      offset: 0,
      limit: undefined,
    });
    return items.map((membership) => {
      const group = ctx.store.groups.get(membership.groupId)!;
      return {
        groupID: group.groupId,
        groupType: sdkTypeName(group.type),
        groupName: group.name,
        notification: group.notification,
        introduction: group.introduction,
        faceURL: group.faceUrl,
        owner: group.owner ?? "",
        createTime: group.createdAt,
        groupAddOpt: ADD_OPT[group.applyJoinOption],
        isAllMuted: group.muteAll,
        memberCount: ctx.store.members.count(group.groupId),
        memberMaxCount: group.maxMembers,
        role: ROLE[membership.role],
        joinTime: membership.joinedAt,
      };
    });
  },
};

export function registerClientApi(app: FastifyInstance, ctx: ServiceContext): void {
  app.post<{ Params: { method: string } }>("/client/:method", async (request, reply) => {
    try {
      const actor = authenticateClient(ctx, request);
      const method = Object.hasOwn(CLIENT_METHODS, request.params.method) ? CLIENT_METHODS[request.params.method] : undefined;
      if (!method) fail(Code.INVALID_COMMAND, `unknown client method ${request.params.method}`);
      const body = request.body === undefined || request.body === "" ? {} : parseObjectBody(request.body, "client");
      return sendJson(reply, okEnvelope({ data: await method(ctx, actor, body) }));
    } catch (error) {
      if (error instanceof ImServerError) return sendJson(reply, errorEnvelope(error));
      request.log.error({ err: error }, "client method failed");
      return sendJson(reply, failEnvelope(Code.INTERNAL, "internal server error"));
    }
  });
}
