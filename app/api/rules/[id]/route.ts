// PATCH /api/rules/{id} — change a rule (admin), carrying the version read · DELETE — delete it (admin)
import { z } from "zod";
import { ruleSchema, updateRuleSchema } from "@/lib/schemas/rule";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { deleteRule, updateRule } from "@/lib/server/rules/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  PATCH: route(
    {
      role: "admin",
      summary: "Change a rule: the fields given replace the rule's (scope and when as a whole); position moves it, the others shift",
      description:
        "`version` must be the rule's current one: a stale one is 409 `conflict` with `details: { version, rule }` (the newer rule), and nothing is saved.",
      body: updateRuleSchema,
      output: z.object({ rule: ruleSchema }),
      errors: ["conflict"],
    },
    ({ body, params, actor }) => updateRule({ ...body, id: params.id }, actor),
  ),
  DELETE: route({ role: "admin", summary: "Delete a rule; the rules after it move up", status: 204 }, async ({ params, actor }) => {
    await deleteRule({ id: params.id }, actor);
  }),
});
