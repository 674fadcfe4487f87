// DELETE /api/views/{id} — delete one of your saved views.
import { deleteView } from "@/lib/server/applications/views";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: route({ role: "viewer", summary: "Delete one of your saved views", status: 204 }, async ({ params, actor }) => {
    await deleteView({ id: params.id }, actor);
  }),
});
