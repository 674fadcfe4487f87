// POST /api/users/[id]/sso — link an identity provider's subject to a console user (admin)
import { linkSsoSchema } from "@/lib/schemas/user";
import { route } from "@/lib/server/route";
import { linkConsoleUserSso } from "@/lib/server/users-service";

export const POST = route({ role: "admin", body: linkSsoSchema }, ({ params, body, user, requestId }) => linkConsoleUserSso(params.id, body, user, requestId));
