import "server-only";
import type { AuditEntry, AuditFilters, ListAuditQuery } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/page";
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
