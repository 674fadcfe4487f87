// PATCH /api/users/[id] — change a console user's name, role, password or scope, or disable them
import { consoleUserSchema, updateUserSchema } from "@/lib/schemas/user";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { updateConsoleUser } from "@/lib/server/accounts/manage";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  PATCH: route(
    {
      role: "admin",
      summary: "Change a console user's name, role, password or scope, or disable them",
      description:
        "`scope`: `{ groupIds }` (1–1,000 distinct group IDs the directory holds, else 422 naming the unknown ones in `details.unknownGroupIds`) limits the user to those groups; `null` is every group. Admins are never scoped (422); a scoped user is made admin only with `scope: null` in the same request (422 otherwise). Takes effect on the user's next request.",
      body: updateUserSchema,
      output: consoleUserSchema,
    },
    ({ params, body, actor }) => updateConsoleUser({ id: params.id, ...body }, actor),
  ),
});
