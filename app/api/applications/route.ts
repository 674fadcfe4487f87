// GET /api/applications — join applications across groups, newest first (or oldest, with sort=oldest)
import { applicationSchema, listApplicationsQuerySchema } from "@/lib/schemas/application";
import { pageSchema } from "@/lib/schemas/page";
import { listApplications } from "@/lib/server/applications/service";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "Join applications across groups, newest first (or oldest, with sort=oldest)",
      query: listApplicationsQuerySchema,
      output: pageSchema(applicationSchema),
    },
    ({ query, actor }) => listApplications(query, actor),
  ),
});
