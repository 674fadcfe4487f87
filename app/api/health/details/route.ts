// GET /api/health/details — the health body plus the IM server's extensions (admin): how the console is
// configured is for its admins, not for anyone who can reach /api/health
import { checkHealthDetails } from "@/lib/server/health/health";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "admin",
      summary: "The health body plus the IM server's extensions",
      description: "`im.extensions` is `{ applications }` (the local IM server's applications extension) once known, else `null`.",
    },
    () => checkHealthDetails(),
  ),
});
