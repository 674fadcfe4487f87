// DELETE /api/groups/{id}/bans/{userId} — lift a ban
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { unbanMember } from "@/lib/server/groups/bans";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: route(
    { role: "moderator", summary: "Lift a ban (the user may join again; they are not put back)", status: 204 },
    ({ params, actor }) => unbanMember({ groupId: params.id, userId: params.userId }, actor),
  ),
});
