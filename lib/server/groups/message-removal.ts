import "server-only";
import { HISTORY_BATCH, type WireMessage } from "@/lib/im/group-messages";
import type { RecallAnswer, RecallRequest, RecallResult } from "@/lib/schemas/moderation";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { publishEvent } from "@/lib/server/live/bus";
import { audited } from "@/lib/server/audit/audited";
import { getGroupDetail } from "./admin";

const NO_SUCH = { code: "not_found", message: "There is no message with this seq in this group" };
const ALREADY = { code: "not_found", message: "This message was already recalled" };
const GONE = { code: "not_found", message: "This message was deleted or has expired" };
/** group_msg_recall's per-seq RetCodes, in operator words (Tencent's 10xxx table). */
const RET_CODES: Record<number, { code: string; message: string }> = {
  10030: NO_SUCH,
  10031: { code: "validation", message: "This message is too old to recall" },
  10032: { code: "validation", message: "This kind of message cannot be recalled" },
  10033: { code: "validation", message: "This group type does not allow recalling messages" },
  10041: { code: "validation", message: "The IM app is configured not to allow recalling group messages" },
};

/** The messages at these seqs as the history has them (absent when there is none), read 20 seqs a call. */
async function messagesAt(groupId: string, seqs: number[]): Promise<Map<number, WireMessage>> {
  const { im } = getContext();
  const found = new Map<number, WireMessage>();
  let remaining = [...seqs].sort((a, b) => b - a);
  while (remaining.length > 0) {
    const top = remaining[0];
    const batch = await im.groupHistory(groupId, Math.min(HISTORY_BATCH, top - remaining[remaining.length - 1] + 1), top);
    for (const m of batch) found.set(m.seq, m);
    if (batch.length === 0) break;
    const lowest = batch[batch.length - 1].seq;
    // Below both: each read settles at least `top`, whatever the IM server answers.
    remaining = remaining.filter((s) => s < Math.min(lowest, top));
  }
  return found;
}

/**
 * Recalls up to 10 messages by seq, one result per seq in the order asked. The history is read first (Tencent
 * answers a second recall of the same message as a success on some editions), so a seq that is not there or
 * already recalled is answered `not_found` and never sent; when none can be recalled the request is 404
 * `not_found` with the results in `details`, nothing sent and nothing audited. AVChatRoom groups keep no
 * history to read: there the seqs go as they are and the IM server's per-seq RetCodes decide.
 */
export async function recallMessages(
  { groupId, seqs, reason }: { groupId: string } & RecallRequest,
  { user: actor, requestId }: Actor,
): Promise<RecallAnswer> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  const refused = new Map<number, RecallResult>();
  let senders = new Map<number, string>();
  if (group.type !== "AVChatRoom") {
    const history = await messagesAt(groupId, seqs);
    for (const seq of seqs) {
      const m = history.get(seq);
      const error = !m ? NO_SUCH : m.recalled ? ALREADY : m.gone ? GONE : null;
      if (error) refused.set(seq, { seq, ok: false, error });
    }
    senders = new Map([...history.values()].map((m) => [m.seq, m.senderId]));
  }
  const toRecall = seqs.filter((s) => !refused.has(s));
  if (toRecall.length === 0) {
    const results = seqs.map((s) => refused.get(s)!);
    throw ApiError.because(
      "not_found",
      "noSuchMessages",
      "None of these messages can be recalled: they do not exist or were already recalled",
      undefined,
      { results },
    );
  }
  return audited(
    { actor, action: "message.recall", groupId, target: toRecall.join(","), after: reason ? { reason } : undefined, requestId },
    async () => {
      const codes = await im.recallMessages(groupId, toRecall);
      const results = seqs.map((seq): RecallResult => {
        if (refused.has(seq)) return refused.get(seq)!;
        const code = codes.get(seq) ?? 0;
        if (code === 0) return { seq, ok: true };
        return {
          seq,
          ok: false,
          error: RET_CODES[code] ?? { code: "im_error", message: `The IM server did not recall it (code ${code})` },
        };
      });
      const recalledBy = new Set(results.filter((r) => r.ok).map((r) => senders.get(r.seq)));
      for (const userId of recalledBy) publishEvent({ type: "message.recalled", groupId, ...(userId ? { userId } : {}) });
      return { results };
    },
    (r) => ({ after: { ...(reason ? { reason } : {}), results: r.results } }),
  );
}

const AV_NO_PURGE =
  "AVChatRoom groups cannot recall a sender's messages: the IM server accepts the request there and silently does nothing";

/**
 * Recalls everything `senderId` sent among the group's newest 1,000 messages (Tencent's
 * delete_group_msg_by_sender): silent, members' apps see it when they next read the history. Refused on an
 * AVChatRoom instead of pretending, and for an ID the IM app does not have.
 */
export async function purgeSender(
  { groupId, senderId, reason }: { groupId: string; senderId: string; reason?: string },
  { user: actor, requestId }: Actor,
): Promise<{ ok: true }> {
  const { im } = getContext();
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "avNoPurge", AV_NO_PURGE);
  if (!(await im.importedAccounts([senderId])).has(senderId))
    throw ApiError.because("not_found", "appUserNotFound", "This user ID does not exist in the IM app");
  return audited(
    { actor, action: "message.purge", groupId, target: senderId, after: reason ? { reason } : undefined, requestId },
    async () => {
      await im.purgeSender(groupId, senderId);
      publishEvent({ type: "message.recalled", groupId, userId: senderId });
      return { ok: true as const };
    },
  );
}
