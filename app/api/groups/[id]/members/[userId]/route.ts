// PATCH /api/groups/{id}/members/{userId} — make or unmake admin · DELETE — remove the member (?reason=)
import { z } from "zod";
import { memberRoleSchema } from "@/lib/schemas/member";
import { removeMember, setMemberRole } from "@/lib/server/groups/members";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  PATCH: route(
    {
      role: "admin",
      summary: "Make a member an admin, or an admin a member",
      body: memberRoleSchema,
      output: z.object({ userId: z.string(), role: z.string() }),
    },
    ({ params, body, actor }) => setMemberRole({ groupId: params.id, userId: params.userId, role: body.role }, actor),
  ),
  DELETE: route(
    {
      role: "moderator",
      summary: "Remove the member, with an optional reason",
      query: z.object({ reason: z.string().max(200).optional() }),
      status: 204,
    },
    ({ params, query, actor }) => removeMember({ groupId: params.id, userId: params.userId, reason: query.reason }, actor),
  ),
});
