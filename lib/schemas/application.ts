import { z } from "zod";
import { because } from "./issues";
import { groupTypeSchema } from "./group";
import { utf8Bytes } from "./utf8";
import { APPLICATION_STATUS, APPLICATION_STATUS_FILTERS, BULK_MAX } from "./constants";

export { APPLICATION_STATUS, APPLICATION_STATUS_FILTERS, BULK_MAX };

/** newest: created_at DESC, id DESC (the default); oldest: the reverse. */
export const APPLICATION_SORTS = ["newest", "oldest"] as const;
/** How a decision was taken: in the console, in the app (an owner or admin), or by a rule. */
export const HANDLED_VIA = ["console", "app", "rule"] as const;
/** What a row has to show beside it (docs/contracts.md § Applications model). */
export const APPLICATION_FLAGS = ["refusedBefore", "note", "held"] as const;

/** Who is reviewing an application (docs/contracts.md § Claims): a moderator's email, display name, and until when. */
export const claimSchema = z.object({ by: z.string(), name: z.string(), expiresAt: z.string() });
export type Claim = z.infer<typeof claimSchema>;

export const applicationSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  requesterId: z.string(),
  requesterNickname: z.string(),
  requesterFaceUrl: z.string(),
  message: z.string(),
  status: z.enum(APPLICATION_STATUS),
  createdAt: z.string(),
  handledBy: z.string().optional(),
  handledAt: z.string().optional(),
  reason: z.string().optional(),
  /** The group's type, as the console's directory knew it when the application arrived. */
  groupType: groupTypeSchema.optional(),
  handledVia: z.enum(HANDLED_VIA).optional(),
  /** The rule that decided (or held) it. */
  ruleId: z.string().optional(),
  /** The name of the rule that held it for a person (a rule's decision names the rule in `handledBy`). */
  ruleName: z.string().optional(),
  /** An admin took back the rule's approval: the requester was removed from the group (docs/rules.md § Reversing). */
  reversal: z.object({ by: z.string(), at: z.string() }).optional(),
  flags: z.array(z.enum(APPLICATION_FLAGS)).optional(),
  /** The moderator reviewing it now, if any (docs/contracts.md § Claims). */
  claim: claimSchema.nullable().optional(),
  /** Members and limit of the group, from the console's directory (absent while it has not seen the group). */
  groupFill: z.object({ members: z.number().int(), max: z.number().int() }).optional(),
});
export type Application = z.infer<typeof applicationSchema>;

export const claimApplicationSchema = z.object({ force: z.boolean().optional() }).strict();

/** A UTC calendar day, YYYY-MM-DD, that exists. */
const utcDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: "Expected a day as YYYY-MM-DD",
  });

/** The queue's filters (docs/contracts.md § Applications model); saved views keep exactly these. */
export const applicationFiltersSchema = z
  .object({
    groupId: z.string().min(1).max(48).optional(),
    type: groupTypeSchema.optional(),
    /** A substring of the requester's ID, nickname or message, in any case or width. */
    q: z.string().trim().min(1).max(100).optional(),
    requesterId: z.string().min(1).max(128).optional(),
    /** Pending for at least this many minutes (up to a year). */
    olderThan: z.coerce.number().int().min(1).max(525_600).optional(),
    status: z.enum(APPLICATION_STATUS_FILTERS).default("pending"),
    sort: z.enum(APPLICATION_SORTS).default("newest"),
    /** Decided by this console user (their email), as the dashboard counts a moderator's decisions. */
    handledBy: z.string().trim().min(1).max(254).optional(),
    /** UTC days, inclusive: received on them, or for approved and refused ones, decided on them. */
    since: utcDay.optional(),
    until: utcDay.optional(),
  })
  .strict()
  .refine((f) => f.olderThan === undefined || f.status === "pending", {
    path: ["olderThan"],
    message: "olderThan counts how long an application has waited: it only applies to pending ones",
  });
export type ApplicationFilters = z.infer<typeof applicationFiltersSchema>;

export const listApplicationsQuerySchema = z
  .object({
    ...applicationFiltersSchema.shape,
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict()
  .refine((f) => f.olderThan === undefined || f.status === "pending", {
    path: ["olderThan"],
    message: "olderThan counts how long an application has waited: it only applies to pending ones",
  });
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuerySchema>;

const reason = z.string().refine((v) => utf8Bytes(v) <= 300, because("reasonBytes", "A reason is at most 300 bytes", { max: 300 }));

/** `force`: decide though another moderator is reviewing it (otherwise 409 `claimed`). */
export const handleApplicationSchema = z.object({ reason: reason.optional(), force: z.boolean().optional() }).strict();
/** Taking back a rule's approval; the reason goes to the IM server with the removal. */
export const reverseApplicationSchema = z.object({ reason: reason.optional() }).strict();

export const bulkApplicationsSchema = z
  .object({
    ids: z.array(z.string().min(1).max(40)).min(1, "Select at least one application").max(BULK_MAX, `At most ${BULK_MAX} ids per request`),
    action: z.enum(["approve", "refuse"]),
    reason: reason.optional(),
    force: z.boolean().optional(),
  })
  .strict();

export const bulkResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  status: z.enum(APPLICATION_STATUS).optional(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;
