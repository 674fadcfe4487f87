// POST /api/me/sign-out-everywhere — end every other session of one's own account (this one goes on)
import { z } from "zod";
import { signOutElsewhere } from "@/lib/server/accounts/me";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "viewer",
      summary: "End every other session of one's own account (this one goes on)",
      output: z.object({ ended: z.literal(true) }),
    },
    ({ actor }) => signOutElsewhere(actor),
  ),
});
