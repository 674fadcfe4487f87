// POST /api/groups/{id}/notifications — a custom system notification to all or some members
import { notificationSchema } from "@/lib/schemas/member";
import { notifyMembers } from "@/lib/server/group-admin-service";
import { route } from "@/lib/server/route";

export const POST = route({ role: "admin", body: notificationSchema }, ({ params, body, user, requestId }) =>
  notifyMembers(params.id, body.content, body.userIds, { actor: user, requestId }),
);
