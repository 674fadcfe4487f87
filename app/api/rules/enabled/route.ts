// PUT /api/rules/enabled — the switch for every rule at once (admin); RULES_ENABLED=0 keeps them off whatever it says
import { rulesSwitchSchema, setRulesEnabledSchema } from "@/lib/schemas/rule";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { setRulesEnabled } from "@/lib/server/rules/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  PUT: route(
    {
      role: "admin",
      summary: "Pause or resume every rule at once",
      description:
        "The switch starts on. `enabled` in the answer says whether rules run now: with `RULES_ENABLED=0` in the environment it is false whatever the switch says, and `forcedOff` says why.",
      body: setRulesEnabledSchema,
      output: rulesSwitchSchema,
    },
    ({ body, actor }) => setRulesEnabled(body, actor),
  ),
});
