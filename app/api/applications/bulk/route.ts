// POST /api/applications/bulk — approve or refuse up to 100 applications; one result per id, in order
import { z } from "zod";
import { bulkApplicationsSchema, bulkResultSchema } from "@/lib/schemas/application";
import { handleApplications } from "@/lib/server/applications/service";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "moderator",
      summary: "Approve or refuse up to 100 applications; one result per id, in order",
      body: bulkApplicationsSchema,
      output: z.object({ results: z.array(bulkResultSchema) }),
    },
    ({ body, actor }) =>
      handleApplications({ ids: body.ids, approve: body.action === "approve", reason: body.reason, force: body.force }, actor),
  ),
});
