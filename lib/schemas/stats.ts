import { z } from "zod";

// Moderation statistics (docs/contracts.md § Moderation statistics): what the dashboard at `/` shows.

/** The periods the dashboard offers; the API takes any whole number of days in 1–90. */
export const STATS_PERIODS = [7, 30, 90] as const;
export const STATS_DAYS_DEFAULT = 7;
export const STATS_DAYS_MAX = 90;

export const moderationStatsQuerySchema = z
  .object({
    /** The last `days` UTC days, today included. */
    days: z.coerce.number().int().min(1).max(STATS_DAYS_MAX).default(STATS_DAYS_DEFAULT),
  })
  .strict();
export type ModerationStatsQuery = z.infer<typeof moderationStatsQuerySchema>;

/** Seconds from an application's arrival to its decision; `null` when nothing was decided. */
const seconds = z.number().nullable();
const count = z.number().int();

export const moderationStatsSchema = z.object({
  /** Pending now, and since when the oldest of them has waited (`null`: none waits). */
  pending: count,
  oldestPendingAt: z.string().nullable(),
  /** Received in the period, and decided (approved, refused) in it: by anyone, and by rules of those. */
  received: count,
  approved: count,
  refused: count,
  byRule: z.object({ approved: count, refused: count }),
  medianDecisionSeconds: seconds,
  p90DecisionSeconds: seconds,
  /** One entry per UTC day of the period, oldest first, days without any included. */
  perDay: z.array(z.object({ date: z.string(), received: count, approved: count, refused: count })),
  /** Moderators who decided in the console in the period, most decisions first. */
  perModerator: z.array(z.object({ by: z.string(), name: z.string(), approved: count, refused: count, medianDecisionSeconds: seconds })),
  /** The 10 groups that received the most in the period, with how many of theirs are pending now. */
  perGroup: z.array(z.object({ groupId: z.string(), groupName: z.string(), received: count, pending: count })),
});
export type ModerationStats = z.infer<typeof moderationStatsSchema>;
