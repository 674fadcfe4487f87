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
      description: "`q` matches a group ID from its start, a name anywhere, or an owner's exact user ID.",
      query: listGroupsQuerySchema,
      output: pageSchema(groupSchema),
    },
    ({ query, actor }) => listGroups(query, actor),
  ),
  POST: route({ role: "admin", summary: "Create a group", body: createGroupSchema, output: groupSchema, status: 201 }, ({ body, actor }) =>
    createGroup(body, actor),
  ),
});
