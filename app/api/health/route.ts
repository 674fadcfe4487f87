// GET /api/health — liveness, with whether the IM server and the store answer (no session needed; nothing of
// the configuration, and from a check at most 2 s old, so that asking costs the IM server nothing more)
import { NextResponse } from "next/server";
import { z } from "zod";
import { checkHealth } from "@/lib/server/health/health";
import { declared } from "@/lib/server/http/openapi/declaration";
import { methods } from "@/lib/server/http/route-methods";

export const dynamic = "force-dynamic";

const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  im: z.object({ ok: z.boolean(), latencyMs: z.number().nullable() }),
  store: z.object({ ok: z.boolean() }),
  directory: z.object({ lastFullCrawlAt: z.string().nullable(), crawling: z.boolean() }),
  alerts: z.object({ lastOkAt: z.string().nullable(), lastError: z.string().nullable() }),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: declared(
    {
      role: "anyone",
      summary: "Liveness: 200 while the process lives, with whether the IM server and the store answer",
      description: [
        "`{ status, im: { ok, latencyMs }, store: { ok }, directory: { lastFullCrawlAt, crawling }, alerts: { lastOkAt,",
        "lastError } }`, from a check at most 2 s old shared by every caller of the instance (one IM `account_check` per",
        "2 s however many ask); nothing of the configuration. `alerts` is how the last outbound alert went, on any",
        "instance (both `null` while alerts are off or none was sent).",
      ].join(" "),
      output: healthSchema,
    },
    async () => NextResponse.json(await checkHealth(), { headers: { "cache-control": "no-store" } }),
  ),
});
