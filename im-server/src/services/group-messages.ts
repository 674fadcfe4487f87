// Group messages: sending (REST send_group_msg and a phone's sendGroupTextMessage share one path),
// recalling by seq, and the silent purge of one sender's recent messages (reference §9.7, §9.8).
import { randomInt } from "node:crypto";
import { Code, fail, invalid } from "../domain/errors";
import { checkSender } from "../domain/group-messages";
import { LIMITS } from "../domain/limits";
import type { GroupMessage } from "../store/messages-repo";
import { type Actor, type ServiceContext, commit, liveGroup, memberInfo } from "./context";

/** A resend of the same content with the same Random within this many seconds is a duplicate. */
export const DEDUP_WINDOW_SECONDS = 5 * 60;

export interface OutgoingMessage {
  groupId: string;
  from: string;
  /** uint32; a client send gets one drawn for it. */
  random?: number;
  priority: number;
  body: { MsgType: string; MsgContent: Record<string, unknown> }[];
  text: string;
}

export interface SentMessage {
  msgSeq: number;
  msgTime: number;
  msgKey: string;
  duplicate: boolean;
}

/** The listener payload of a new group message (the fields of V2TIMMessage a console needs). */
function newMessageEvent(message: GroupMessage, text: string) {
  return {
    msgID: message.msgKey,
    groupID: message.groupId,
    sender: message.from,
    seq: message.seq,
    timestamp: message.msgTime,
    priority: message.priority,
    text,
    elemList: message.body,
  };
}

export function sendGroupMessage(ctx: ServiceContext, actor: Actor, outgoing: OutgoingMessage): SentMessage {
  return commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, outgoing.groupId);
    const now = ctx.now();
    const member = ctx.store.members.get(group.groupId, outgoing.from);
    checkSender(
      {
        isAppAdmin: actor.viaRest && outgoing.from === ctx.config.adminId,
        role: member?.role ?? null,
        muteUntil: member?.muteUntil ?? 0,
        muteAll: group.muteAll,
        now,
      },
      outgoing.from,
    );
    const random = outgoing.random ?? randomInt(0, 2 ** 32 - 1);
    const keepsHistory = group.type !== "AVChatRoom";
    // A retry of a message that went through: answered with the first one's seq and time, delivered once.
    const earlier = keepsHistory
      ? ctx.store.messages.duplicate(group.groupId, outgoing.from, outgoing.body, random, now - DEDUP_WINDOW_SECONDS)
      : null;
    if (earlier) return { msgSeq: earlier.seq, msgTime: earlier.msgTime, msgKey: earlier.msgKey, duplicate: true };

    const seq = ctx.store.messages.nextSeq(group.groupId);
    const message: GroupMessage = {
      groupId: group.groupId,
      seq,
      from: outgoing.from,
      random,
      priority: outgoing.priority,
      body: outgoing.body,
      msgTime: now,
      msgKey: `${random}_${seq}_${now}`,
      recalled: false,
    };
    if (keepsHistory) ctx.store.messages.insert(message);
    ctx.store.groups.touch(group.groupId, now);
    const recipients = ctx.store.members.userIds(group.groupId).filter((id) => id !== outgoing.from);
    out.event(recipients, "onRecvNewMessage", newMessageEvent(message, outgoing.text));
    // Every message would be one POST: only when the app switched this callback on.
    if (ctx.config.callbackAfterSendMsg && ctx.webhooks.enabled) {
      out.webhook("Group.CallbackAfterSendMsg", {
        GroupId: group.groupId,
        Type: group.type,
        From_Account: outgoing.from,
        Operator_Account: actor.userId,
        Random: random,
        MsgSeq: message.seq,
        MsgTime: now,
        MsgBody: outgoing.body,
      });
    }
    return { msgSeq: message.seq, msgTime: now, msgKey: message.msgKey, duplicate: false };
  });
}

export interface HistoryPage {
  messages: GroupMessage[];
  /** 1 when the whole requested range was answered; 0 when it was cut to 20. */
  isFinished: 0 | 1;
}

/** group_msg_get_simple: newest first from `maxSeq` (default the newest); AVChatRoom keeps none (10007). */
export function groupHistory(
  ctx: ServiceContext,
  groupId: string,
  request: { count: number; maxSeq?: number; withRecalled: boolean },
): HistoryPage {
  const group = liveGroup(ctx, groupId);
  if (group.type === "AVChatRoom") fail(Code.NO_PERMISSION, "AVChatRoom groups keep no message history");
  const limit = Math.min(request.count, LIMITS.historyPage);
  const maxSeq = request.maxSeq ?? ctx.store.messages.lastSeq(groupId);
  return {
    messages: ctx.store.messages.page(groupId, maxSeq, limit, request.withRecalled),
    isFinished: request.count > LIMITS.historyPage ? 0 : 1,
  };
}

/**
 * group_msg_recall: a RetCode per requested seq — 0 recalled, 10030 unknown or already recalled.
 * Members get onRecvMessageRevoked; the app Group.CallbackAfterRecallMsg for the recalled ones.
 */
export function recallMessages(ctx: ServiceContext, actor: Actor, groupId: string, seqs: readonly number[], reason: string) {
  return commit(ctx, actor, (out) => {
    const group = liveGroup(ctx, groupId);
    if (group.type === "AVChatRoom") fail(Code.RECALL_GROUP_TYPE, "AVChatRoom messages are not kept, so they cannot be recalled");
    const results = seqs.map((seq) => ({
      seq,
      message: ctx.store.messages.recall(groupId, seq) ? ctx.store.messages.get(groupId, seq) : null,
    }));
    const recalled = results.flatMap((r) => (r.message ? [r.message] : []));
    if (recalled.length > 0) {
      const everyone = ctx.store.members.userIds(groupId);
      const operateUser = memberInfo(ctx, actor.userId);
      for (const message of recalled) {
        out.event(everyone, "onRecvMessageRevoked", { msgID: message.msgKey, groupID: groupId, seq: message.seq, operateUser, reason });
      }
      out.webhook("Group.CallbackAfterRecallMsg", {
        Operator_Account: actor.userId,
        Type: group.type,
        GroupId: groupId,
        MsgSeqList: recalled.map((m) => ({ MsgSeq: m.seq, MsgId: m.msgKey })),
      });
    }
    return results.map((r) => ({ MsgSeq: r.seq, RetCode: r.message ? Code.OK : Code.MSG_NOT_FOUND }));
  });
}

/** delete_group_msg_by_sender: silent (no event, no webhook); an AVChatRoom has nothing to purge. */
export function purgeBySender(ctx: ServiceContext, groupId: string, sender: string): number {
  return ctx.store.tx(() => {
    const group = liveGroup(ctx, groupId);
    if (group.type === "AVChatRoom") return 0;
    return ctx.store.messages.recallBySender(groupId, sender, LIMITS.purgeWindow);
  });
}

/** A positive seq list of at most 10 items, as group_msg_recall takes it. */
export function parseSeqList(list: unknown[]): number[] {
  if (list.length > LIMITS.recallSeqs) invalid(`MsgSeqList holds ${list.length} items; at most ${LIMITS.recallSeqs}`);
  return list.map((item) => {
    const seq = typeof item === "object" && item !== null ? (item as Record<string, unknown>).MsgSeq : undefined;
    if (typeof seq !== "number" || !Number.isInteger(seq) || seq < 1) invalid("MsgSeqList items must be {MsgSeq: positive integer}");
    return seq;
  });
}
