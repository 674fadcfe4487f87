// GET /api/groups/{id}/members — members with roles · POST — add (invite, for Work) users
import { addMembersAnswerSchema, addMembersSchema, listMembersQuerySchema, memberSchema } from "@/lib/schemas/member";
import { pageSchema } from "@/lib/schemas/page";
import { addMembers, listMembers } from "@/lib/server/groups/members";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    { role: "viewer", summary: "The group's members, with their roles", query: listMembersQuerySchema, output: pageSchema(memberSchema) },
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
