// PATCH /api/groups/{id}/members/{userId} — make or unmake admin · DELETE — remove the member (?reason=)
import { z } from "zod";
import { memberRoleSchema } from "@/lib/schemas/member";
import { removeMember, setMemberRole } from "@/lib/server/members-service";
import { route } from "@/lib/server/route";

export const PATCH = route({ role: "admin", body: memberRoleSchema }, ({ params, body, user, requestId }) =>
  setMemberRole(params.id, params.userId, body.role, { actor: user, requestId }),
);

export const DELETE = route({ role: "moderator", query: z.object({ reason: z.string().max(200).optional() }) }, async ({ params, query, user, requestId }) => {
  await removeMember(params.id, params.userId, query.reason, { actor: user, requestId });
  return new Response(null, { status: 204 });
});
