// GET /api/groups/{id}/mutes — who is muted, until when · POST — mute or unmute members, a result per user
import { moderationAnswerSchema, muteRequestSchema, mutesAnswerSchema } from "@/lib/schemas/moderation";
import { listMutes, muteMembers } from "@/lib/server/groups/mutes";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "Members muted now, with nickname and `until` (ISO 8601; null = forever); lapsed mutes are left out",
      output: mutesAnswerSchema,
    },
    ({ params }) => listMutes(params.id),
  ),
  POST: route(
    {
      role: "moderator",
      summary: "Mute members for `seconds` (4294967295 = forever) or lift their mutes (0); one result per user, in order",
      description: [
        "Only members are muted (one `forbid_send_msg`, up to 500); the others get `error.code` `not_member` or",
        "`unknown_user`. Work groups cannot mute: 422 before any IM call. The reason is kept in the audit log.",
      ].join(" "),
      body: muteRequestSchema,
      output: moderationAnswerSchema,
    },
    ({ params, body, actor }) => muteMembers({ groupId: params.id, ...body }, actor),
  ),
});
