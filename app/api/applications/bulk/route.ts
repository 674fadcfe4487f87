// POST /api/applications/bulk — approve or refuse up to 100 applications by ID (one result per id, in order), or
// every pending application a filter matches, as one job (202)
import { NextResponse } from "next/server";
import { z } from "zod";
import { bulkResultSchema } from "@/lib/schemas/application";
import { bulkRequestSchema, jobSchema } from "@/lib/schemas/job";
import { handleApplications } from "@/lib/server/applications/service";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { startJob } from "@/lib/server/jobs/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "moderator",
      summary:
        "Approve or refuse up to 100 applications by `ids` (one result per id, in order), or every pending application a `filter` matches (at most 10,000) as one job: 202 `{ job }`, or 409 `stale` when `expectTotal` no longer matches",
      body: bulkRequestSchema,
      output: z.union([z.object({ results: z.array(bulkResultSchema) }), z.object({ job: jobSchema })]),
    },
    async ({ body, actor }) => {
      const { ids, filter, action, reason, force, expectTotal } = body;
      if (filter) return NextResponse.json({ job: await startJob({ filter, action, reason, force, expectTotal }, actor) }, { status: 202 });
      return handleApplications({ ids: ids!, approve: action === "approve", reason, force }, actor);
    },
  ),
});
