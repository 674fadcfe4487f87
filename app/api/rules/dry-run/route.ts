// POST /api/rules/dry-run — try an unsaved rule on the decided applications of the last 1–90 days, beside what people did
import { dryRunResultSchema, dryRunSchema } from "@/lib/schemas/rule";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { dryRun } from "@/lib/server/rules/dry-run";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "moderator",
      summary: "Try a rule, unsaved, on the applications people decided in the last 1–90 days",
      description:
        "Counts are taken as of each application's arrival. `agreement.same`: the rule would approve (refuse) what people approved (refused); `different`: the opposite; `undecided`: it would hold. `samples`: up to 20, disagreements first.",
      body: dryRunSchema,
      output: dryRunResultSchema,
    },
    ({ body, actor }) => dryRun(body, actor),
  ),
});
