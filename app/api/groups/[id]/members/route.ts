// GET /api/groups/{id}/members — members with roles · POST — add (invite, for Work) users
import { addMembersSchema, listMembersQuerySchema } from "@/lib/schemas/member";
import { addMembers, listMembers } from "@/lib/server/members-service";
import { route } from "@/lib/server/route";

export const GET = route({ role: "viewer", query: listMembersQuerySchema }, ({ params, query }) => listMembers(params.id, query));

export const POST = route({ role: "admin", body: addMembersSchema }, ({ params, body, user, requestId }) =>
  addMembers(params.id, body.userIds, { actor: user, requestId }),
);
