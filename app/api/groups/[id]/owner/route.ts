// POST /api/groups/{id}/owner — transfer ownership to a member
import { transferOwnerSchema } from "@/lib/schemas/member";
import { transferOwner } from "@/lib/server/group-admin-service";
import { route } from "@/lib/server/route";

export const POST = route({ role: "admin", body: transferOwnerSchema }, ({ params, body, user, requestId }) =>
  transferOwner(params.id, body.userId, { actor: user, requestId }),
);
