// GET /api/health — liveness, with whether the IM server and the store answer (no session needed; nothing of
// the configuration, and from a check at most 2 s old, so that asking costs the IM server nothing more)
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/health/health";
import { declared } from "@/lib/server/http/openapi/declaration";
import { methods } from "@/lib/server/http/route-methods";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: declared(
    {
      role: "anyone",
      summary: "Liveness: 200 while the process lives, with whether the IM server and the store answer",
      description: [
        "`{ status, im: { ok, latencyMs }, store: { ok }, directory: { lastFullCrawlAt, crawling } }`, from a check at",
        "most 2 s old shared by every caller of the instance (one IM `account_check` per 2 s however many ask); nothing",
        "of the configuration.",
      ].join(" "),
    },
    async () => NextResponse.json(await checkHealth(), { headers: { "cache-control": "no-store" } }),
  ),
});
