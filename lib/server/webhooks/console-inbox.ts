import "server-only";
import { ImError } from "@/lib/im/errors";
import { getContext } from "@/lib/server/platform/context";
import { getDirectoryGroup, setPendingCounts } from "@/lib/server/directory";
import { carryOut, recordDoorRefusal } from "@/lib/server/rules/arrival";
import type { RuleDecision } from "@/lib/server/rules/evaluate";
import { syncGroup } from "@/lib/server/groups/groups";
import { publishEvent } from "@/lib/server/live/bus";
import type { InboxWork } from "./plan";
import { inboxPendingCounts, pendingRequesters, recordApplication, settleJoined } from "@/lib/server/applications/inbox/repo";

/**
 * What a webhook means for the console's own inbox. As everywhere, the body is a hint: the group's join
 * option and the newcomers' membership are read from the IM server before the inbox believes them.
 */
export async function applyToInbox(groupId: string, at: string, work: InboxWork): Promise<void> {
  if (work.kind === "applied") await recordApplied(groupId, at, work);
  else await settleNewMembers(groupId, at, work);
}

async function recordApplied(groupId: string, at: string, work: Extract<InboxWork, { kind: "applied" }>) {
  if (work.rule?.action === "refuse") return recordRefusedByRule(groupId, at, work, work.rule);
  // Only a Public group can need approval; the others let users in at once (AfterNewMemberJoin follows) or refuse.
  if (work.restType && work.restType !== "Public") return;
  // Read live: the join option may have been changed in the app since the directory last saw the group.
  const group = await syncGroup(groupId);
  if (!group || group.joinOption !== "NeedPermission") return;
  const { db } = getContext();
  // The nickname is kept with the application, so the queue can be searched by it without asking the IM server.
  const profile = await profileOf(work.requesterId);
  const id = await recordApplication(db, {
    groupId,
    groupType: group.type,
    requesterId: work.requesterId,
    nickname: profile?.nickname ?? "",
    faceUrl: profile?.faceUrl ?? "",
    message: work.message,
    at,
  });
  // A rule's approval or hold, decided while the callback waited, is carried out before anyone is told of it.
  if (work.rule) await carryOut({ id: String(id), groupId }, work.rule);
  await setPendingCounts(db, await inboxPendingCounts(db, groupId), { resetOthers: false });
  publishEvent({ type: "application.created", groupId, applicationId: String(id), userId: work.requesterId, at });
}

async function profileOf(userId: string): Promise<{ nickname: string; faceUrl: string } | undefined> {
  const { im } = getContext();
  return (await im.getProfiles([userId]).catch(() => new Map<string, { nickname: string; faceUrl: string }>())).get(userId);
}

/** A rule refused it in the callback's answer: Tencent never kept it, the console records it as the rule's. */
async function recordRefusedByRule(groupId: string, at: string, work: { requesterId: string; message: string }, rule: RuleDecision) {
  const group = await getDirectoryGroup(getContext().db, groupId);
  const profile = await profileOf(work.requesterId);
  await recordDoorRefusal(
    {
      groupId,
      groupType: group?.type ?? null,
      requesterId: work.requesterId,
      nickname: profile?.nickname ?? "",
      faceUrl: profile?.faceUrl ?? "",
      message: work.message,
      at,
    },
    rule,
  );
}

/** Requesters who got in another way (an owner or admin approved in the app, someone added them): approved by that operator. */
async function settleNewMembers(groupId: string, at: string, work: Extract<InboxWork, { kind: "joined" }>) {
  const { db, im } = getContext();
  const waiting = await pendingRequesters(db, groupId, work.userIds);
  if (waiting.length === 0) return;
  let roles: Map<string, string>;
  try {
    roles = await im.getRoles(groupId, waiting);
  } catch (err) {
    if (err instanceof ImError && (err.code === 10010 || err.code === 10015)) return; // gone: the directory closes its applications
    throw err;
  }
  const inNow = waiting.filter((u) => (roles.get(u) ?? "NotMember") !== "NotMember");
  for (const row of await settleJoined(db, groupId, inNow, work.operator || null, at)) {
    publishEvent({ type: "application.handled", groupId, applicationId: String(row.id), userId: row.requester_id, at });
  }
  await setPendingCounts(db, await inboxPendingCounts(db, groupId), { resetOthers: false });
}
