import "server-only";
import { getContext } from "@/lib/server/platform/context";
import { countMembersUp } from "@/lib/server/directory";
import { ownDecisionsSettled, takeOwnApprovals, takeOwnDecision } from "@/lib/server/applications/own-decisions";
import { publishEvent } from "@/lib/server/live/bus";
import { serially } from "./serial";
import type { WebhookPlan } from "./plan";

/**
 * Whether the webhook only echoes a decision this console made (docs/webhooks.md § The console's own decisions),
 * and if so what it still says is done here: true means nothing is left to do. The console already mirrored the
 * decision, counted the group's pending applications down and announced it; an approval's AfterNewMemberJoin
 * still changes the member count, which is counted up instead of re-read, when the directory's copy is older than
 * the decision. Anything else, or a copy that may already include the newcomer, is news: false, and the caller
 * re-reads as for any webhook.
 */
export async function settledAsOwnEcho(plan: WebhookPlan): Promise<boolean> {
  if (plan.handledApplication) {
    // In local mode the IM server may send the webhook before the console has its answer to the decision.
    await ownDecisionsSettled();
    return takeOwnDecision(plan.handledApplication)?.groupId === plan.groupId;
  }
  if (plan.inbox?.kind !== "joined" || !plan.sync) return false;
  const userIds = plan.inbox.userIds;
  await ownDecisionsSettled();
  const own = takeOwnApprovals(plan.groupId, userIds);
  if (!own) return false;
  const sentAt = own.map((d) => d.sentAt).sort()[0];
  // Behind any re-read of the group in flight, so that a read that lands later is the one that counts.
  const counted = await serially(plan.groupId, () => countMembersUp(getContext().db, plan.groupId, userIds.length, sentAt));
  if (!counted) return false;
  for (const event of plan.ifPresent) publishEvent(event);
  return true;
}
