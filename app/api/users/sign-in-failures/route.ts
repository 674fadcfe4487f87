// GET /api/users/sign-in-failures — accounts with failed sign-ins in the last 15 minutes, and from how many addresses (admin)
import { z } from "zod";
import { signInFailuresSchema } from "@/lib/schemas/user";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { listSignInFailures } from "@/lib/server/accounts/manage";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "admin",
      summary: "Accounts with failed sign-ins in the last 15 minutes, and from how many addresses",
      output: z.object({ items: z.array(signInFailuresSchema) }),
    },
    () => listSignInFailures(),
  ),
});
