import "server-only";
import { randomUUID } from "node:crypto";
import { FINISHED_JOB_STATES, JOB_MAX, type Job, type JobFilter } from "@/lib/schemas/job";
import { matchingPendingIds } from "@/lib/server/applications/service";
import { recordEvent } from "@/lib/server/audit/intents";
import { publishEvent } from "@/lib/server/live/bus";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { scopedGroupIds, type Asker } from "@/lib/server/platform/scope";
import { insertJob, jobRow, moveJob, recentJobRows, requestCancel, toJob, type JobParams, type JobRow } from "./repo";
import { kickJobs } from "./runner";

export type StartJob = { filter: JobFilter; action: "approve" | "refuse"; reason?: string; force?: boolean; expectTotal?: number };

const RECENT_JOBS = 50;
/** How long a cancel waits for a running job to stop before answering with where it is. */
const CANCEL_WAIT_MS = 3_000;

/**
 * Starts a job over every pending application the filter matches now (docs/jobs.md). The IDs are fixed here:
 * applications arriving later are not part of it. `expectTotal` is what the moderator was shown: a different
 * count now is 409 `stale` with the new total, so nobody refuses 900 having agreed to 800.
 */
export async function startJob({ filter, action, reason, force, expectTotal }: StartJob, { user, requestId }: Actor): Promise<Job> {
  const { db } = getContext();
  // A scoped moderator's filter selects within their groups (another group's applications are not there for them).
  const within = scopedGroupIds(user);
  const ids = await matchingPendingIds({ ...filter, within }, JOB_MAX + 1);
  if (ids.length > JOB_MAX)
    throw ApiError.because("validation", "tooManyForJob", `A job decides at most ${JOB_MAX} applications: narrow the filter`, {
      max: JOB_MAX,
    });
  if (expectTotal !== undefined && expectTotal !== ids.length)
    throw new ApiError("stale", `The filter now matches ${ids.length} applications, not ${expectTotal}`, { total: ids.length });
  if (ids.length === 0) throw ApiError.because("validation", "nothingToDo", "No pending application matches the filter");
  const id = randomUUID();
  const params: JobParams = {
    filter,
    ...(reason ? { reason } : {}),
    ...(force ? { force } : {}),
    ...(within ? { within: [...within] } : {}),
  };
  await insertJob(
    db,
    {
      id,
      kind: action === "approve" ? "applications.approve" : "applications.refuse",
      state: "queued",
      params: JSON.stringify(params),
      total: ids.length,
      started_by_id: user.id,
      started_by: user.email,
      started_by_name: user.name,
      started_at: new Date().toISOString(),
    },
    ids,
  );
  // Each application is audited as it is decided; the job itself is audited as the one request that started them.
  await recordEvent(db, {
    actor: user,
    action: "job.start",
    target: id,
    after: { action, filter, total: ids.length, reason },
    requestId,
    result: "ok",
  });
  publishEvent({ type: "job.progress", jobId: id });
  kickJobs();
  return (await getJob(id))!;
}

/**
 * Whether the asker may see a job (docs/scopes.md § Jobs): its groups are the one its filter names, else those
 * its starter was scoped to, else every group; a scoped asker sees it only when all of them are theirs.
 */
function visibleTo(who: Asker | null, row: JobRow): boolean {
  const mine = scopedGroupIds(who);
  if (mine === null) return true;
  const params = JSON.parse(row.params) as JobParams;
  const reach = params.filter.groupId ? [params.filter.groupId] : params.within;
  return reach !== undefined && reach.every((g) => mine.includes(g));
}

/** One job, or null when there is none (or the asker, scoped, may not see it: the same to them). */
export async function getJob(id: string, who: Asker | null = null): Promise<Job | null> {
  const { db } = getContext();
  const row = await jobRow(db, id);
  return row && visibleTo(who, row) ? toJob(db, row) : null;
}

/** The recent jobs the asker may see, newest first. */
export async function recentJobs(who: Asker): Promise<Job[]> {
  const { db } = getContext();
  const rows = (await recentJobRows(db, RECENT_JOBS)).filter((r) => visibleTo(who, r));
  return Promise.all(rows.map((r) => toJob(db, r)));
}

/**
 * Cancels a job (its starter or an admin): a queued one at once, a running one before its next application
 * (what is done stays done). A finished job is 409 `conflict`.
 */
export async function cancelJob({ id }: { id: string }, { user, requestId }: Actor): Promise<Job> {
  const { db } = getContext();
  const row = await jobRow(db, id);
  if (!row || !visibleTo(user, row)) throw ApiError.because("not_found", "jobNotFound", "There is no job with that ID");
  if (row.started_by_id !== user.id && user.role !== "admin")
    throw new ApiError("forbidden", "Only its starter or an admin may cancel a job");
  if (FINISHED_JOB_STATES.includes(row.state) || (await requestCancel(db, id)) === 0)
    throw new ApiError("conflict", "This job has already finished", { state: row.state });
  await moveJob(db, id, ["queued"], "cancelled", new Date().toISOString());
  await recordEvent(db, { actor: user, action: "job.cancel", target: id, requestId, result: "ok" });
  publishEvent({ type: "job.progress", jobId: id });
  const deadline = Date.now() + CANCEL_WAIT_MS;
  let job = (await getJob(id))!;
  while (!FINISHED_JOB_STATES.includes(job.state) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await getJob(id))!;
  }
  return job;
}
