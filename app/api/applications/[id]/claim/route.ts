// POST /api/applications/{id}/claim — the moderator is reviewing it (2 minutes, renewed by repeating);
// DELETE — they skip it. docs/contracts.md § Claims.
import { claimApplicationSchema, claimSchema } from "@/lib/schemas/application";
import { claimApplication, releaseApplication } from "@/lib/server/applications/service";
import { applicationRouteScope } from "@/lib/server/applications/scope";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "moderator",
      scopeCheck: applicationRouteScope,
      summary: "Claim an application while reviewing it: 2 minutes, renewed by claiming again; releases one's previous claim",
      description:
        "Another moderator's live claim answers 409 `claimed` with `details: { by, name, expiresAt }` unless `force: true`; a decided application answers 409 `conflict`. Others hear `application.claimed` on /api/events.",
      body: claimApplicationSchema,
      output: claimSchema,
      errors: ["claimed"],
    },
    ({ params, body, actor }) => claimApplication({ id: params.id, force: body.force }, actor),
  ),
  DELETE: route(
    { role: "moderator", scopeCheck: applicationRouteScope, summary: "Give up one's claim on an application (skip it)", status: 204 },
    async ({ params, actor }) => {
      await releaseApplication({ id: params.id }, actor);
    },
  ),
});
