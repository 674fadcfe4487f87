// POST /api/applications/{id}/approve — approve one application; 409 when someone already handled it
import { handleApplicationSchema } from "@/lib/schemas/application";
import { handleApplication } from "@/lib/server/applications-service";
import { route } from "@/lib/server/route";

export const POST = route({ role: "moderator", body: handleApplicationSchema }, ({ params, body, user, requestId }) =>
  handleApplication(params.id, true, body.reason, { actor: user, requestId }),
);
