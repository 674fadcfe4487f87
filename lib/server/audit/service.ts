import "server-only";
import type { AuditEntry, AuditFilters, ListAuditQuery } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/page";
import type { GroupEvent } from "@/lib/schemas/group-event";
import { requestersOf } from "@/lib/server/applications/requesters";
import { auditCsvStream } from "./csv";
import { queryAudit } from "./query";
import { getContext } from "@/lib/server/platform/context";

export function listAudit(query: ListAuditQuery): Promise<Page<AuditEntry>> {
  return queryAudit(getContext().db, query);
}

export function exportAuditCsv(filters: AuditFilters, now = new Date()): Response {
  const date = now.toISOString().slice(0, 10);
  return new Response(auditCsvStream(getContext().db, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}

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
