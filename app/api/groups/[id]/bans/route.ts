// GET /api/groups/{id}/bans — bans in force, with the console's reasons · POST — ban users, a result per user
import { banRequestSchema, bansAnswerSchema, moderationAnswerSchema } from "@/lib/schemas/moderation";
import { banMembers, listBans } from "@/lib/server/groups/bans";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "Bans in force, with nickname, `until` (null = forever) and the reason given in the console",
      description: "On an IM edition without bans: `available: false` and no items.",
      output: bansAnswerSchema,
    },
    ({ params }) => listBans(params.id),
  ),
  POST: route(
    {
      role: "moderator",
      summary: "Ban users for `seconds` (1–4294967295; 4294967295 = forever); a ban also removes them from the group",
      description: [
        "Sent 20 per `ban_group_member`; one result per user, in order (`unknown_user` for IDs the IM app does not have).",
        "On an IM edition without bans: 422 `validation` (reason `bansUnavailable`), remembered for about ten minutes.",
      ].join(" "),
      body: banRequestSchema,
      output: moderationAnswerSchema,
    },
    ({ params, body, actor }) => banMembers({ groupId: params.id, ...body }, actor),
  ),
});
