import { z } from "zod";
import { because } from "./issues";
import { utf8Bytes } from "./utf8";

export const APPLICATION_STATUS = ["pending", "approved", "refused"] as const;
/** newest: created_at DESC, id DESC (the default); oldest: the reverse. */
export const APPLICATION_SORTS = ["newest", "oldest"] as const;

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
  /** The moderator reviewing it now, if any (docs/contracts.md § Claims). */
  claim: claimSchema.nullable().optional(),
  /** Members and limit of the group, from the console's directory (absent while it has not seen the group). */
  groupFill: z.object({ members: z.number().int(), max: z.number().int() }).optional(),
});
export type Application = z.infer<typeof applicationSchema>;

export const claimApplicationSchema = z.object({ force: z.boolean().optional() }).strict();

export const listApplicationsQuerySchema = z.object({
  groupId: z.string().min(1).max(48).optional(),
  status: z.enum(APPLICATION_STATUS).default("pending"),
  sort: z.enum(APPLICATION_SORTS).default("newest"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuerySchema>;

const reason = z.string().refine((v) => utf8Bytes(v) <= 300, because("reasonBytes", "A reason is at most 300 bytes", { max: 300 }));

/** `force`: decide though another moderator is reviewing it (otherwise 409 `claimed`). */
export const handleApplicationSchema = z.object({ reason: reason.optional(), force: z.boolean().optional() }).strict();

export const BULK_MAX = 100;
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
