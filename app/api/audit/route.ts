// GET /api/audit — the audit log, newest first, filtered by actor, action and group
import { listAuditQuerySchema } from "@/lib/schemas/audit";
import { listAudit } from "@/lib/server/audit-service";
import { route } from "@/lib/server/route";

export const GET = route({ role: "admin", query: listAuditQuerySchema }, ({ query }) => listAudit(query));
