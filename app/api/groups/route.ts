// GET /api/groups — list groups · POST /api/groups — create a group
import { createGroupSchema, groupSchema, listGroupsQuerySchema } from "@/lib/schemas/group";
import { pageSchema } from "@/lib/schemas/page";
import { createGroup, listGroups } from "@/lib/server/groups/groups";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "List and search groups (from the console's directory)",
      description:
        "`q` matches a substring of a group ID, a name (case and width folded) or an owner's user ID. " +
        "`totalExact` is false when `total` is a lower bound (a search matching more than 10,000 groups, or a 1–2 character search).",
      query: listGroupsQuerySchema,
      output: pageSchema(groupSchema),
    },
    ({ query, actor }) => listGroups(query, actor),
  ),
  POST: route({ role: "admin", summary: "Create a group", body: createGroupSchema, output: groupSchema, status: 201 }, ({ body, actor }) =>
    createGroup(body, actor),
  ),
});
