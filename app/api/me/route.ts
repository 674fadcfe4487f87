// GET /api/me — one's own profile · PATCH /api/me — change one's name, language, theme or password
import { consoleUserSchema, updateMeSchema } from "@/lib/schemas/user";
import { clientAddress } from "@/lib/server/platform/client-address";
import { getMe, updateMe } from "@/lib/server/accounts/me";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ role: "viewer", summary: "One's own profile", output: consoleUserSchema }, ({ user }) => getMe(user)),
  PATCH: route(
    { role: "viewer", summary: "Change one's own name, language, theme or password", body: updateMeSchema, output: consoleUserSchema },
    ({ req, user, body, requestId }) => updateMe(user, body, { requestId, ip: clientAddress(req.headers) }),
  ),
});
