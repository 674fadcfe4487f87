import "server-only";
import type { GroupEvent } from "@/lib/schemas/group-event";
import { requestersOf } from "@/lib/server/applications/requesters";
import { queryAudit } from "@/lib/server/audit/query";
import { getContext } from "@/lib/server/platform/context";

const isApplicationEvent = (action: string) => action === "application.approve" || action === "application.refuse";

/** A group's recent changes made through the console: what its page shows to every role (no before/after). */
export async function recentGroupEvents(groupId: string, limit = 20): Promise<GroupEvent[]> {
  const entries = (await queryAudit(getContext().db, { groupId, limit })).items;
  const requesters = await requestersOf(entries.flatMap((e) => (isApplicationEvent(e.action) && e.target ? [e.target] : [])));
  return entries.map((e) => {
    const requester = isApplicationEvent(e.action) && e.target ? requesters.get(e.target) : undefined;
    return {
      id: e.id,
      at: e.at,
      action: e.action,
      target: e.target,
      result: e.result,
      actor: e.actor.email,
      ...(requester ? { requester } : {}),
    };
  });
}
