import "server-only";
import { HISTORY_BATCH, type WireMessage } from "@/lib/im/group-messages";
import { SENDER_SCAN_WINDOW, type GroupMessage, type MessagesAnswer, type MessagesQuery } from "@/lib/schemas/moderation";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { getGroupDetail } from "./admin";
import { nicknames } from "./moderation-targets";

export const AV_NO_HISTORY = "AVChatRoom groups keep no message history: there is nothing to read or recall by seq here";

/**
 * Where the next page starts: `s`, the next ReqMsgSeq; with a sender filter also `f`, the lowest seq of the
 * window of the newest 1,000 messages fixed on the first page, and `by`, the sender, so a cursor of one list
 * is not read as another's.
 */
type Cursor = { s: number; f?: number; by?: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ k: "msg", ...c })).toString("base64url");
}

const badCursor = () =>
  ApiError.because("bad_request", "badCursor", "That page cursor is not valid for this list; start from the first page");
const positiveInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 1;

function decodeCursor(raw: string, sender: string | undefined): Cursor {
  let c: Record<string, unknown>;
  try {
    c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (typeof c !== "object" || c === null || c.k !== "msg" || !positiveInt(c.s)) throw badCursor();
  if (sender === undefined) {
    if (c.f !== undefined || c.by !== undefined) throw badCursor();
    return { s: c.s };
  }
  if (c.by !== sender || !positiveInt(c.f) || c.f > c.s) throw badCursor();
  return { s: c.s, f: c.f, by: sender };
}

async function asItems(messages: WireMessage[]): Promise<GroupMessage[]> {
  const names = await nicknames([...new Set(messages.map((m) => m.senderId).filter(Boolean))]);
  return messages.map((m) => ({
    seq: m.seq,
    senderId: m.senderId,
    senderNickname: names.get(m.senderId) ?? "",
    sentAt: new Date(m.sentAt * 1000).toISOString(),
    text: m.text,
    recalled: m.recalled,
  }));
}

/**
 * A page of the group's messages, newest first, recalled ones included (deleted or expired seqs left out),
 * paged back by seq. With `sender` (Tencent has no sender filter) the console reads back 20 at a time and keeps
 * that sender's, within the newest 1,000 messages as they were on the first page (Tencent's own purge window);
 * `details` says how many this page read and whether older messages lie beyond the window (`partial`).
 */
export async function listMessages(groupId: string, query: MessagesQuery): Promise<MessagesAnswer> {
  // A cursor that is not ours is refused before anything is asked of the IM server.
  const at = query.cursor ? decodeCursor(query.cursor, query.sender) : undefined;
  const group = await getGroupDetail(groupId);
  if (group.type === "AVChatRoom") throw ApiError.because("validation", "avNoHistory", AV_NO_HISTORY);
  if (query.sender === undefined) return pageOfAll(groupId, query.limit, at?.s);
  return pageOfSender(groupId, query.sender, query.limit, at);
}

async function pageOfAll(groupId: string, limit: number, before: number | undefined): Promise<MessagesAnswer> {
  const batch = await getContext().im.groupHistory(groupId, limit, before);
  const lowest = batch.length ? batch[batch.length - 1].seq : 0;
  return {
    items: await asItems(batch.filter((m) => !m.gone)),
    nextCursor: lowest > 1 ? encodeCursor({ s: lowest - 1 }) : null,
  };
}

async function pageOfSender(groupId: string, sender: string, limit: number, at: Cursor | undefined): Promise<MessagesAnswer> {
  const { im } = getContext();
  const found: WireMessage[] = [];
  let floor = at?.f;
  let next: number | undefined = at?.s;
  let scanned = 0;
  // At most the window's worth of reads, whatever the IM server answers.
  for (let reads = 0; reads <= SENDER_SCAN_WINDOW / HISTORY_BATCH + 1; reads++) {
    if (next !== undefined && (next < 1 || (floor !== undefined && next < floor))) break;
    const batch = await im.groupHistory(groupId, HISTORY_BATCH, next);
    if (batch.length === 0) break;
    floor ??= Math.max(1, batch[0].seq - SENDER_SCAN_WINDOW + 1);
    for (const m of batch) {
      if (m.seq < floor) break;
      scanned++;
      if (m.gone || m.senderId !== sender) continue;
      found.push(m);
      if (found.length === limit) {
        const rest = m.seq - 1;
        return {
          items: await asItems(found),
          nextCursor: rest >= floor ? encodeCursor({ s: rest, f: floor, by: sender }) : null,
          details: { partial: floor > 1, scanned },
        };
      }
    }
    next = batch[batch.length - 1].seq - 1;
  }
  return { items: await asItems(found), nextCursor: null, details: { partial: (floor ?? 1) > 1, scanned } };
}
