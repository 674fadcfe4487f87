// GET /api/ready — 200 when the IM server and the store answer, else 503 (no session needed; for load balancers).
// Answered from a check at most 2 s old, shared with /api/health; stopping is not cached.
import { NextResponse } from "next/server";
import { ApiError } from "@/lib/server/platform/api-error";
import { checkHealth } from "@/lib/server/health/health";
import { declared } from "@/lib/server/http/openapi/declaration";
import { methods } from "@/lib/server/http/route-methods";
import { isShuttingDown } from "@/lib/server/platform/shutdown";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: declared(
    {
      role: "anyone",
      summary: "Readiness: 200 with the health body when the IM server and the store answer, else 503",
      description:
        "503 is in the error contract (`im_unavailable`, the health body in `details`). Answered from the same check as `/api/health`, and 503 from the moment the instance is told to stop, whatever the last check said.",
      errors: ["im_unavailable"],
    },
    async () => {
      // A stopping instance says so first, so the balancer drains it before it closes: whatever the last check said.
      if (isShuttingDown())
        return NextResponse.json(new ApiError("im_unavailable", "This console instance is stopping").toBody(), {
          status: 503,
          headers: noStore,
        });
      const health = await checkHealth();
      if (health.im.ok && health.store.ok) return NextResponse.json(health, { headers: noStore });
      // Not ready is an error like any other: the error contract, with what answered and what did not.
      const what = !health.store.ok ? "The console's store is not answering" : "The IM server is not answering";
      return NextResponse.json(new ApiError("im_unavailable", what, health).toBody(), { status: 503, headers: noStore });
    },
  ),
});
