// GET /api/audit — the audit log, newest first, filtered by actor, action and group
import { listAuditQuerySchema } from "@/lib/schemas/audit";
import { listAudit } from "@/lib/server/audit/service";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    { role: "admin", summary: "The audit log, newest first, filtered by actor, action and group", query: listAuditQuerySchema },
    ({ query }) => listAudit(query),
  ),
});
