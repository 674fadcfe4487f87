// POST /api/users/[id]/sso — link an identity provider's subject to a console user (admin)
import { consoleUserSchema, linkSsoSchema } from "@/lib/schemas/user";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { linkConsoleUserSso } from "@/lib/server/accounts/manage";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "admin",
      summary: "Link an identity provider's subject to a console user; 409 when it is someone else's",
      body: linkSsoSchema,
      output: consoleUserSchema,
    },
    ({ params, body, actor }) => linkConsoleUserSso({ id: params.id, ...body }, actor),
  ),
});
