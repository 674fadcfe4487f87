// GET /api/rules — every rule in order, and whether rules run · POST — make one (admin; it starts disabled unless said)
import { z } from "zod";
import { createRuleSchema, listRulesSchema, ruleSchema } from "@/lib/schemas/rule";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { createRule, listRules } from "@/lib/server/rules/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "moderator",
      summary: "Every rule for join applications in order (first match wins), with its counts, and whether rules run",
      output: listRulesSchema,
    },
    ({ actor }) => listRules(actor),
  ),
  POST: route(
    {
      role: "admin",
      summary: "Make a rule; without position it goes last, with one the rules from there move down",
      description:
        "A rule without conditions is refused (422) unless `matchEverything` is true. Scopes must name groups the console knows. A new rule is disabled unless `enabled` is true.",
      body: createRuleSchema,
      output: z.object({ rule: ruleSchema }),
      status: 201,
    },
    ({ body, actor }) => createRule(body, actor),
  ),
});
