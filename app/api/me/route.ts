// GET /api/me — one's own profile · PATCH /api/me — change one's name, language, theme or password
import { updateMeSchema } from "@/lib/schemas/user";
import { clientAddress } from "@/lib/server/client-address";
import { getMe, updateMe } from "@/lib/server/me-service";
import { route } from "@/lib/server/route";

export const GET = route({ role: "viewer" }, ({ user }) => getMe(user));

export const PATCH = route({ role: "viewer", body: updateMeSchema }, ({ req, user, body, requestId }) =>
  updateMe(user, body, { requestId, ip: clientAddress(req.headers) }),
);
