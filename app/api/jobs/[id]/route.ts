// GET /api/jobs/{id} — one job and its progress · DELETE — cancel it (its starter or an admin)
import { z } from "zod";
import { jobSchema } from "@/lib/schemas/job";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { ApiError } from "@/lib/server/platform/api-error";
import { cancelJob, getJob } from "@/lib/server/jobs/service";

const answer = z.object({ job: jobSchema });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    { role: "viewer", summary: "One bulk job: its state, tallies and first failures", output: answer },
    async ({ params, actor }) => {
      const job = await getJob(params.id, actor);
      if (!job) throw ApiError.because("not_found", "jobNotFound", "There is no job with that ID");
      return { job };
    },
  ),
  DELETE: route(
    {
      role: "moderator",
      summary: "Cancel a queued or running job (its starter or an admin); what is done stays done. A finished job is 409",
      output: answer,
    },
    async ({ params, actor }) => ({ job: await cancelJob({ id: params.id }, actor) }),
  ),
});
