import { z } from "zod";
import type { ImSend } from "./transport";

/** Tencent's most messages per group_msg_get_simple, and seqs per group_msg_recall. */
export const HISTORY_BATCH = 20;
export const RECALL_BATCH = 10;

export type WireMessage = {
  seq: number;
  senderId: string;
  /** Unix seconds. */
  sentAt: number;
  /** The message's elements as text: text elements as they are, anything else as a short placeholder. */
  text: string;
  recalled: boolean;
  /** IsPlaceMsg 1: the seq is there, its message deleted or expired (no body). */
  gone: boolean;
};

const PLACEHOLDERS: Record<string, string> = {
  TIMCustomElem: "[custom message]",
  TIMFaceElem: "[sticker]",
  TIMImageElem: "[image]",
  TIMSoundElem: "[voice message]",
  TIMFileElem: "[file]",
  TIMVideoFileElem: "[video]",
  TIMLocationElem: "[location]",
  TIMRelayElem: "[forwarded messages]",
};

const elemSchema = z.object({ MsgType: z.string(), MsgContent: z.unknown().optional() });
const messageSchema = z.object({
  From_Account: z.string().default(""),
  IsPlaceMsg: z.number().int().default(0),
  MsgBody: z.array(elemSchema).default([]),
  MsgSeq: z.number().int(),
  MsgTimeStamp: z.number().default(0),
});
const historySchema = z.object({ RspMsgList: z.array(messageSchema).default([]) });
const recallSchema = z.object({
  RecallRetList: z.array(z.object({ MsgSeq: z.number().int(), RetCode: z.number().int() })).default([]),
});

/** Text elements joined as they are; each other element a placeholder, set apart by spaces. */
export function messageText(body: z.infer<typeof elemSchema>[]): string {
  let out = "";
  let lastWasText = true;
  for (const elem of body) {
    const text = elem.MsgType === "TIMTextElem" ? z.object({ Text: z.string() }).safeParse(elem.MsgContent).data?.Text : undefined;
    const part = text ?? PLACEHOLDERS[elem.MsgType] ?? "[message]";
    const isText = text !== undefined;
    out += out && !(isText && lastWasText) ? ` ${part}` : part;
    lastWasText = isText;
  }
  return out;
}

export function groupMessageCommands(send: ImSend) {
  return {
    /**
     * Up to 20 messages with seq ≤ `beforeSeq` (the newest without it), recalled ones included, newest first.
     * The IM server may answer fewer than asked (long messages); the caller pages on from the lowest seq.
     */
    async groupHistory(groupId: string, count: number, beforeSeq?: number): Promise<WireMessage[]> {
      const env = await send("group_open_http_svc/group_msg_get_simple", {
        GroupId: groupId,
        ReqMsgNumber: Math.min(Math.max(count, 1), HISTORY_BATCH),
        ...(beforeSeq !== undefined ? { ReqMsgSeq: beforeSeq } : {}),
        WithRecalledMsg: 1,
      });
      return historySchema
        .parse(env)
        .RspMsgList.map((m) => ({
          seq: m.MsgSeq,
          senderId: m.From_Account,
          sentAt: m.MsgTimeStamp,
          text: m.IsPlaceMsg === 1 ? "" : messageText(m.MsgBody),
          recalled: m.IsPlaceMsg === 2,
          gone: m.IsPlaceMsg === 1,
        }))
        .sort((a, b) => b.seq - a.seq);
    },

    /** Recalls up to 10 messages by seq: each seq's RetCode (0 recalled; 10030 no such message; others per Tencent). */
    async recallMessages(groupId: string, seqs: number[]): Promise<Map<number, number>> {
      if (seqs.length > RECALL_BATCH) throw new RangeError(`group_msg_recall takes at most ${RECALL_BATCH} seqs`);
      const env = await send("group_open_http_svc/group_msg_recall", {
        GroupId: groupId,
        MsgSeqList: seqs.map((seq) => ({ MsgSeq: seq })),
      });
      return new Map(recallSchema.parse(env).RecallRetList.map((r) => [r.MsgSeq, r.RetCode]));
    },

    /** Recalls everything `senderId` sent among the group's newest 1,000 messages, silently (clients are not told). */
    async purgeSender(groupId: string, senderId: string): Promise<void> {
      await send("group_open_http_svc/delete_group_msg_by_sender", { GroupId: groupId, Sender_Account: senderId });
    },
  };
}
