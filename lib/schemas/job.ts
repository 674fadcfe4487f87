import { z } from "zod";
import { applicationFiltersSchema, bulkApplicationsSchema } from "./application";
import { FINISHED_JOB_STATES, JOB_STATES } from "./constants";

export { FINISHED_JOB_STATES, JOB_STATES };

// Jobs (docs/contracts.md § Jobs): one approval or refusal of every pending application a filter matches.

/** The most applications one job may decide: a raid bigger than this is narrowed first. */
export const JOB_MAX = 10_000;
export type JobState = (typeof JOB_STATES)[number];
export const JOB_KINDS = ["applications.approve", "applications.refuse"] as const;

/** What a job selects: the queue's filters over pending applications (no status, no order). */
const { groupId, type, q, requesterId, olderThan } = applicationFiltersSchema.shape;
export const jobFilterSchema = z.object({ groupId, type, q, requesterId, olderThan }).strict();
export type JobFilter = z.infer<typeof jobFilterSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  filter: jobFilterSchema,
  reason: z.string().optional(),
  total: z.number().int(),
  done: z.number().int(),
  ok: z.number().int(),
  failed: z.number().int(),
  /** The starter's email, and their display name. */
  startedBy: z.string(),
  startedByName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Someone asked to cancel it; a running job stops before its next application. */
  cancelRequested: z.boolean(),
  /** The first 100 failures, in the job's order. */
  errors: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});
export type Job = z.infer<typeof jobSchema>;

/**
 * `POST /api/applications/bulk` takes either `ids` (up to 100, answered at once) or a `filter` (a job);
 * `expectTotal` is how many the moderator was shown, so a view that grew meanwhile is asked about again.
 */
export const bulkRequestSchema = z
  .object({
    ...bulkApplicationsSchema.shape,
    ids: bulkApplicationsSchema.shape.ids.optional(),
    filter: jobFilterSchema.optional(),
    expectTotal: z.number().int().min(0).max(JOB_MAX).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.ids === undefined) === (b.filter === undefined))
      ctx.addIssue({ code: "custom", path: ["ids"], message: "Give either ids or a filter, not both" });
    if (b.ids !== undefined && b.expectTotal !== undefined)
      ctx.addIssue({ code: "custom", path: ["expectTotal"], message: "expectTotal goes with a filter" });
  });
export type BulkRequest = z.infer<typeof bulkRequestSchema>;
