// GET /api/jobs — the most recent bulk jobs, newest first, with who started them
import { z } from "zod";
import { jobSchema } from "@/lib/schemas/job";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { recentJobs } from "@/lib/server/jobs/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    { role: "viewer", summary: "The 50 most recent bulk jobs, newest first", output: z.object({ items: z.array(jobSchema) }) },
    async ({ actor }) => ({ items: await recentJobs(actor) }),
  ),
});
