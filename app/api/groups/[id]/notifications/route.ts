// POST /api/groups/{id}/notifications — a custom system notification to all members, or to chosen members with a result per user
import { notificationSchema, notifyAnswerSchema } from "@/lib/schemas/member";
import { notifyMembers } from "@/lib/server/groups/notifications";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "admin",
      summary: "A custom system notification to every member, or to chosen members with a result per user",
      description: [
        "Without `userIds`, to every member: `{ sent: true }`. With them (1–500), the console asks the IM server who is",
        "a member first (`get_role_in_group`), sends to the members only, and answers one result per user in the order",
        "asked, `error.code` `not_member` or `unknown_user` for those it did not send to; when none is a member nothing",
        "is sent.",
      ].join(" "),
      body: notificationSchema,
      output: notifyAnswerSchema,
    },
    ({ params, body, actor }) => notifyMembers({ groupId: params.id, ...body }, actor),
  ),
});
