// POST /api/applications/{id}/refuse — refuse one application; 409 when someone already handled it
import { applicationSchema, handleApplicationSchema } from "@/lib/schemas/application";
import { handleApplication } from "@/lib/server/applications/service";
import { applicationRouteScope } from "@/lib/server/applications/scope";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "moderator",
      scopeCheck: applicationRouteScope,
      summary: "Refuse one application; 409 when someone already handled it",
      body: handleApplicationSchema,
      output: applicationSchema,
      errors: ["claimed"],
    },
    ({ params, body, actor }) => handleApplication({ id: params.id, approve: false, reason: body.reason, force: body.force }, actor),
  ),
});
