import "server-only";
import type { AuditEntry, AuditFilters, ListAuditQuery } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/group";
import { auditCsvStream } from "./audit-csv";
import { queryAudit } from "./audit-log";
import { getContext } from "./context";

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

export type GroupEvent = Pick<AuditEntry, "id" | "at" | "action" | "target" | "result"> & { actor: string };

/** A group's recent changes made through the console: what its page shows to every role (no before/after). */
export async function recentGroupEvents(groupId: string, limit = 20): Promise<GroupEvent[]> {
  return (await queryAudit(getContext().db, { groupId, limit })).items.map((e) => ({ id: e.id, at: e.at, action: e.action, target: e.target, result: e.result, actor: e.actor.email }));
}
