// GET /api/groups/{id} — one group · PATCH — edit profile and join settings · DELETE — dismiss
import { groupPatchSchema, groupSchema } from "@/lib/schemas/group";
import { dismissGroup, getGroupDetail, updateGroup } from "@/lib/server/groups/admin";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ role: "viewer", summary: "One group, with its join settings and counts", output: groupSchema }, ({ params }) =>
    getGroupDetail(params.id),
  ),
  PATCH: route(
    { role: "admin", summary: "Edit the group's profile and join settings", body: groupPatchSchema, output: groupSchema },
    ({ params, body, actor }) => updateGroup({ id: params.id, patch: body }, actor),
  ),
  DELETE: route({ role: "admin", summary: "Dismiss the group", status: 204 }, async ({ params, actor }) => {
    await dismissGroup({ id: params.id }, actor);
  }),
});
