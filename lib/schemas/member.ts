import { z } from "zod";
import { because } from "./issues";
import { MEMBER_ROLES } from "./constants";

/** An app user's ID as Tencent takes it: 1–32 printable ASCII characters, no spaces. */
export const userIdSchema = z
  .string()
  .min(1)
  .max(32)
  .refine((v) => /^[\x21-\x7e]+$/.test(v), because("userIdAscii", "User IDs are printable ASCII without spaces"));

export const memberSchema = z.object({
  userId: z.string(),
  nickname: z.string(),
  role: z.enum(["Owner", "Admin", "Member"]),
  joinedAt: z.string(),
  /** When the member's mute ends (ISO 8601), null for a mute without end; absent when not muted. */
  mutedUntil: z.string().nullable().optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const addMembersSchema = z
  .object({ userIds: z.array(userIdSchema).min(1, "Name at least one user").max(300, "At most 300 users at once") })
  .strict();
/**
 * One result per user asked for. `outcome` when it worked (added; invited, for Work groups awaiting the user;
 * already a member), else `error` with a code of the error contract, or `unknown_user` for an ID the IM app
 * does not have.
 */
export const addMemberResultSchema = z.object({
  userId: z.string(),
  ok: z.boolean(),
  outcome: z.enum(["added", "invited", "already_member"]).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type AddMemberResult = z.infer<typeof addMemberResultSchema>;
export const addMembersAnswerSchema = z.object({ results: z.array(addMemberResultSchema) });
export const memberRoleSchema = z.object({ role: z.enum(["Admin", "Member"]) }).strict();
export const removeMemberSchema = z.object({ reason: z.string().max(200).optional() }).strict();
export const transferOwnerSchema = z.object({ userId: userIdSchema }).strict();
export const notificationSchema = z
  .object({
    content: z
      .string()
      .refine((v) => v.length > 0, because("contentEmpty", "Write something to send"))
      .refine((v) => new TextEncoder().encode(v).length <= 12 * 1024, because("contentLong", "At most 12 KB")),
    // An empty list would reach every member (Tencent reads no recipients as everyone): leave it out instead.
    userIds: z.array(userIdSchema).min(1, "Name at least one user, or leave the recipients out to reach every member").max(500).optional(),
  })
  .strict();
/**
 * One result per recipient asked for, in order: sent, or `not_member` / `unknown_user` (not sent). The whole
 * group (no `userIds`) answers `{ sent: true }` instead.
 */
export const notifyResultSchema = z.object({
  userId: z.string(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type NotifyResult = z.infer<typeof notifyResultSchema>;
export const notifyAnswerSchema = z.union([z.object({ sent: z.literal(true) }), z.object({ results: z.array(notifyResultSchema) })]);
export type NotifyAnswer = z.infer<typeof notifyAnswerSchema>;

export { MEMBER_ROLES };
/** A search reads at most this many members of a group; past it the page says `details.partial`. */
export const MEMBER_SCAN_MAX = 20_000;

/**
 * The filters of the members list and of its CSV (docs/contracts.md § Members). `q` is trimmed; left empty
 * it searches nothing, as the groups list's does.
 */
export const memberFiltersSchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(100, "At most 100 characters")
      .optional()
      .transform((v) => v || undefined),
    role: z.enum(MEMBER_ROLES).optional(),
    muted: z
      .enum(["true", "false"], { message: "muted is true or false" })
      .transform((v) => v === "true")
      .optional(),
  })
  .strict();
export type MemberFilters = z.infer<typeof memberFiltersSchema>;

export const listMembersQuerySchema = memberFiltersSchema
  .extend({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;

/** A members page; with a filter `details` says how many members were searched and whether that was all of them. */
export const memberPageSchema = z.object({
  items: z.array(memberSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  details: z.object({ partial: z.boolean(), scanned: z.number().int() }).optional(),
});
export type MemberPage = z.infer<typeof memberPageSchema>;

export const MEMBERS_CSV_COLUMNS = ["userId", "nickname", "role", "joinedAt", "mutedUntil"] as const;
