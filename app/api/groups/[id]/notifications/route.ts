// POST /api/groups/{id}/notifications — a custom system notification to all members, or to chosen members with a result per user
import { notificationSchema } from "@/lib/schemas/member";
import { notifyMembers } from "@/lib/server/notifications-service";
import { route } from "@/lib/server/route";

export const POST = route({ role: "admin", body: notificationSchema }, ({ params, body, user, requestId }) =>
  notifyMembers(params.id, body.content, body.userIds, { actor: user, requestId }),
);
