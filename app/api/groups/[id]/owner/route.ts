// POST /api/groups/{id}/owner — transfer ownership to a member
import { groupSchema } from "@/lib/schemas/group";
import { transferOwnerSchema } from "@/lib/schemas/member";
import { transferOwner } from "@/lib/server/groups/admin";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    { role: "admin", summary: "Transfer ownership to a member", body: transferOwnerSchema, output: groupSchema },
    ({ params, body, actor }) => transferOwner({ id: params.id, userId: body.userId }, actor),
  ),
});
