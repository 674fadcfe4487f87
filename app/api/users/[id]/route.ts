// PATCH /api/users/[id] — change a console user's name, role, password, or disable them
import { consoleUserSchema, updateUserSchema } from "@/lib/schemas/user";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { updateConsoleUser } from "@/lib/server/accounts/manage";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  PATCH: route(
    {
      role: "admin",
      summary: "Change a console user's name, role or password, or disable them",
      body: updateUserSchema,
      output: consoleUserSchema,
    },
    ({ params, body, actor }) => updateConsoleUser({ id: params.id, ...body }, actor),
  ),
});
