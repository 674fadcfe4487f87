// GET /api/audit.csv — the filtered audit log as a CSV download, streamed
import { auditFiltersSchema } from "@/lib/schemas/audit";
import { exportAuditCsv } from "@/lib/server/audit/service";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    { role: "admin", summary: "The filtered audit log as a CSV download, streamed", query: auditFiltersSchema, produces: "text/csv" },
    ({ query }) => exportAuditCsv(query),
  ),
});
