// PATCH /api/users/[id] — change a console user's name, role, password, or disable them
import { updateUserSchema } from "@/lib/schemas/user";
import { route } from "@/lib/server/route";
import { updateConsoleUser } from "@/lib/server/users-service";

export const PATCH = route({ role: "admin", body: updateUserSchema }, ({ params, body, user, requestId }) =>
  updateConsoleUser(params.id, body, user, requestId),
);
