// GET /api/me — one's own profile · PATCH /api/me — change one's name, language, theme or password
import { consoleUserSchema, updateMeSchema } from "@/lib/schemas/user";
import { getMe, updateMe } from "@/lib/server/accounts/me";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ role: "viewer", summary: "One's own profile", output: consoleUserSchema }, ({ actor }) => getMe(actor)),
  PATCH: route(
    { role: "viewer", summary: "Change one's own name, language, theme or password", body: updateMeSchema, output: consoleUserSchema },
    ({ body, actor }) => updateMe(body, actor),
  ),
});
