// GET /api/users — list console users · POST /api/users — add a console user
import { pageSchema } from "@/lib/schemas/page";
import { consoleUserSchema, createUserSchema, listUsersQuerySchema } from "@/lib/schemas/user";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { createConsoleUser, listUsers } from "@/lib/server/accounts/manage";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    { role: "admin", summary: "List console users", query: listUsersQuerySchema, output: pageSchema(consoleUserSchema) },
    ({ query }) => listUsers(query),
  ),
  POST: route(
    { role: "admin", summary: "Add a console user", body: createUserSchema, output: consoleUserSchema, status: 201 },
    ({ body, actor }) => createConsoleUser(body, actor),
  ),
});
