// group_open_http_svc: group messages — send, history, recall, purge by sender (reference §9.7, §9.8).
import { invalid } from "../../domain/errors";
import { type Body, optEnum, optInt, optString, reqArray, reqString } from "../../domain/fields";
import { PRIORITIES, type PriorityName, parseMsgBody } from "../../domain/group-messages";
import { LIMITS, checkBytes } from "../../domain/limits";
import { groupHistory, parseSeqList, purgeBySender, recallMessages, sendGroupMessage } from "../../services/group-messages";
import { requireAccounts } from "../../services/groups";
import type { CommandTable } from "./command";

function reqInt(body: Body, field: string, min: number, max: number): number {
  return optInt(body, field, min, max) ?? invalid(`${field} is required`);
}

export const groupMessageCommands: CommandTable = {
  "group_open_http_svc/send_group_msg": {
    run: ({ ctx, actor, body }) => {
      const groupId = reqString(body, "GroupId");
      const random = reqInt(body, "Random", 0, 4294967295);
      const { body: msgBody, text } = parseMsgBody(reqArray(body, "MsgBody"));
      const priority = optEnum(body, "MsgPriority", Object.keys(PRIORITIES) as PriorityName[]) ?? "Normal";
      optInt(body, "OnlineOnlyFlag", 0, 1);
      const from = optString(body, "From_Account") || actor.userId;
      if (from !== ctx.config.adminId) requireAccounts(ctx, [from]);
      const sent = sendGroupMessage(ctx, actor, { groupId, from, random, priority: PRIORITIES[priority], body: msgBody, text });
      return { MsgTime: sent.msgTime, MsgSeq: sent.msgSeq };
    },
  },

  "group_open_http_svc/group_msg_get_simple": {
    run: ({ ctx, body }) => {
      const groupId = reqString(body, "GroupId");
      const count = reqInt(body, "ReqMsgNumber", 1, 4294967295);
      const maxSeq = optInt(body, "ReqMsgSeq", 1);
      const withRecalled = optInt(body, "WithRecalledMsg", 0, 1) === 1;
      const page = groupHistory(ctx, groupId, { count, maxSeq, withRecalled });
      return {
        GroupId: groupId,
        IsFinished: page.isFinished,
        RspMsgList: page.messages.map((m) => ({
          From_Account: m.from,
          IsPlaceMsg: m.recalled ? 2 : 0,
          IsSystemMsg: 0,
          MsgBody: m.body,
          MsgPriority: m.priority,
          MsgRandom: m.random,
          MsgSeq: m.seq,
          MsgTimeStamp: m.msgTime,
        })),
      };
    },
  },

  "group_open_http_svc/group_msg_recall": {
    run: ({ ctx, actor, body }) => {
      const groupId = reqString(body, "GroupId");
      const seqs = parseSeqList(reqArray(body, "MsgSeqList"));
      const reason = optString(body, "Reason") ?? "";
      checkBytes("Reason", reason, LIMITS.recallReason);
      return { RecallRetList: recallMessages(ctx, actor, groupId, seqs, reason) };
    },
  },

  "group_open_http_svc/delete_group_msg_by_sender": {
    run: ({ ctx, body }) => {
      const groupId = reqString(body, "GroupId");
      const sender = reqString(body, "Sender_Account");
      optString(body, "TopicId");
      purgeBySender(ctx, groupId, sender);
      return {};
    },
  },
};
