// GET /api/groups/{id}/members — members with roles and mutes, searched and filtered · POST — add (invite, for Work) users
import { addMembersAnswerSchema, addMembersSchema, listMembersQuerySchema, memberPageSchema } from "@/lib/schemas/member";
import { addMembers, listMembers } from "@/lib/server/groups/members";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "The group's members, with their roles and mutes; searched and filtered",
      description: [
        "Without filters, a page as the IM server keeps the list (Communities page with its cursor). With `q` (user ID",
        "or nickname, any part, without case), `role` or `muted`, the console reads the group's first 20,000 members",
        "(6,000 per IM call) and filters them: `total` counts the matches, `details.scanned` the members searched, and",
        "`details.partial` is true when the group has more than were searched. `mutedUntil` is ISO 8601, null for a",
        "mute without end, absent when the member is not muted.",
      ].join(" "),
      query: listMembersQuerySchema,
      output: memberPageSchema,
    },
    ({ params, query }) => listMembers(params.id, query),
  ),
  POST: route(
    {
      role: "admin",
      summary: "Add users (invite them, for Work groups); one result per user, in order",
      description: [
        "`outcome` is `added`, `invited` (Work groups) or `already_member`; `error.code` is `unknown_user` for an ID",
        "the IM app does not have (accounts are checked with `account_check` first, so one unknown ID does not fail the",
        "others), or `im_error` when the IM server did not add that user. Refusals of the whole request (group full,",
        "gone) keep the error contract.",
      ].join(" "),
      body: addMembersSchema,
      output: addMembersAnswerSchema,
    },
    ({ params, body, actor }) => addMembers({ groupId: params.id, userIds: body.userIds }, actor),
  ),
});
