// GET /api/app-users/{userId} — what a moderator deciding an application wants to know of its requester.
import { appUserContextSchema } from "@/lib/schemas/app-user";
import { appUserContext } from "@/lib/server/app-users/context";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "An app user's context: profile, applications to every group, groups and roles, notes",
      output: appUserContextSchema,
    },
    ({ params, actor }) => appUserContext({ userId: params.userId }, actor),
  ),
});
