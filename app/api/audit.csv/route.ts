// GET /api/audit.csv — the filtered audit log as a CSV download, streamed
import { auditFiltersSchema } from "@/lib/schemas/audit";
import { exportAuditCsv } from "@/lib/server/audit-service";
import { route } from "@/lib/server/route";

export const GET = route({ role: "admin", query: auditFiltersSchema }, ({ query }) => exportAuditCsv(query));
