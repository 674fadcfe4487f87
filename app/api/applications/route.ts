// GET /api/applications — join applications across groups, newest first (or oldest, with sort=oldest)
import { listApplicationsQuerySchema } from "@/lib/schemas/application";
import { listApplications } from "@/lib/server/applications-service";
import { route } from "@/lib/server/route";

export const GET = route({ role: "viewer", query: listApplicationsQuerySchema }, ({ query }) => listApplications(query));
