// POST /api/applications/{id}/reversal — an admin takes back a rule's approval: the requester is removed from
// the group, the application says who reversed it and when. docs/rules.md § Reversing.
import { applicationSchema, reverseApplicationSchema } from "@/lib/schemas/application";
import { reverseRuleApproval } from "@/lib/server/applications/by-rule";
import { applicationRouteScope } from "@/lib/server/applications/scope";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "admin",
      scopeCheck: applicationRouteScope,
      summary: "Reverse a rule's approval: remove the requester from the group (audited as application.reverse)",
      description:
        "Only an application a rule approved can be reversed, once: otherwise 409 `conflict` (`notRuleApproval`, `alreadyReversed`). The answer is the application with `reversal: { by, at }`.",
      body: reverseApplicationSchema,
      output: applicationSchema,
    },
    ({ params, body, actor }) => reverseRuleApproval({ id: params.id, reason: body.reason }, actor),
  ),
});
