// POST /api/me/sso-link — link single sign-on to one's own account: the identity provider sign-in that follows links it
import { z } from "zod";
import { startSsoLink } from "@/lib/server/accounts/me";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "viewer",
      summary:
        "Start linking single sign-on to one's own account: the provider sign-in that follows (within 10 minutes) links it; 404 without SSO",
      output: z.object({ provider: z.string() }),
    },
    ({ actor }) => startSsoLink(actor),
  ),
});
