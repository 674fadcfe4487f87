// GET /api/stats/moderation?days=1..90 — the dashboard's figures over the last `days` UTC days (default 7)
import { moderationStatsQuerySchema, moderationStatsSchema } from "@/lib/schemas/stats";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { moderationStats } from "@/lib/server/stats/moderation";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "Moderation statistics: pending now; received, approved and refused per UTC day; decision times; per moderator and group",
      query: moderationStatsQuerySchema,
      output: moderationStatsSchema,
    },
    ({ query, actor }) => moderationStats(query, actor),
  ),
});
