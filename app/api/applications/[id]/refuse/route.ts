// POST /api/applications/{id}/refuse — refuse one application; 409 when someone already handled it
import { handleApplicationSchema } from "@/lib/schemas/application";
import { handleApplication } from "@/lib/server/applications-service";
import { route } from "@/lib/server/route";

export const POST = route({ role: "moderator", body: handleApplicationSchema }, ({ params, body, user, requestId }) =>
  handleApplication(params.id, false, body.reason, { actor: user, requestId }),
);
