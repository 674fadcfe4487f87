// GET /api/groups/{id} — one group · PATCH — edit profile and join settings · DELETE — dismiss
import { groupPatchSchema } from "@/lib/schemas/group";
import { dismissGroup, getGroupDetail, updateGroup } from "@/lib/server/group-admin-service";
import { route } from "@/lib/server/route";

export const GET = route({ role: "viewer" }, ({ params }) => getGroupDetail(params.id));

export const PATCH = route({ role: "admin", body: groupPatchSchema }, ({ params, body, user, requestId }) =>
  updateGroup(params.id, body, { actor: user, requestId }),
);

export const DELETE = route({ role: "admin" }, async ({ params, user, requestId }) => {
  await dismissGroup(params.id, { actor: user, requestId });
  return new Response(null, { status: 204 });
});
