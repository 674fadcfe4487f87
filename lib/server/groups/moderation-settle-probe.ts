import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import type { Sanction } from "@/lib/im/moderation";
import type { SettleProbe, UnsettledEntry, Verdict } from "@/lib/server/audit/settle";

const isGone = (err: unknown) => err instanceof ImError && (err.code === 10010 || err.code === 10015);

/** Null when the group is gone: nothing can be said of what happened in it. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (isGone(err)) return null;
    throw err;
  }
}

/** All of them listed: applied; none: not; some: a part may have been refused (non-members are skipped by mutes). */
function listedVerdict(list: Sanction[], userIds: string[], shouldBeListed: boolean): Verdict {
  const listed = new Set(list.map((s) => s.userId));
  const hits = userIds.filter((id) => listed.has(id)).length;
  const applied = shouldBeListed ? hits : userIds.length - hits;
  return applied === userIds.length ? "ok" : applied === 0 ? "not_applied" : "unknown";
}

/** A recall is applied when every seq it named is recalled now; nothing else recalls a message it named. */
async function recallVerdict(im: ImGateway, groupId: string, seqs: number[]): Promise<Verdict> {
  const newest = Math.max(...seqs);
  const page = await orNull(() => im.groupHistory(groupId, 20, newest));
  if (!page) return "unknown";
  const recalled = new Set(page.filter((m) => m.recalled).map((m) => m.seq));
  const seen = seqs.filter((s) => page.some((m) => m.seq === s));
  if (seen.length < seqs.length) return "unknown";
  const hits = seqs.filter((s) => recalled.has(s)).length;
  return hits === seqs.length ? "ok" : hits === 0 ? "not_applied" : "unknown";
}

/**
 * What became of a mute, ban or recall whose audit entry has no result (the console stopped mid-call, or the IM
 * server timed out): the IM server's muted and banned lists and the group's history say. A purge leaves nothing to
 * compare against (it is silent, and the sender's messages may have been recalled one by one), so it stays unknown.
 */
export function moderationSettleProbe(im: ImGateway): SettleProbe {
  return {
    actions: ["member.mute", "member.unmute", "member.ban", "member.unban", "message.recall"],
    async verdict({ action, groupId, target }: UnsettledEntry): Promise<Verdict> {
      if (!groupId || !target) return "unknown";
      const ids = target.split(",");
      if (action === "message.recall") return recallVerdict(im, groupId, ids.map(Number));
      const muting = action === "member.mute" || action === "member.unmute";
      const list = await orNull(() => (muting ? im.mutedMembers(groupId) : im.bannedMembers(groupId)));
      if (!list) return "unknown";
      return listedVerdict(list, ids, action === "member.mute" || action === "member.ban");
    },
  };
}
