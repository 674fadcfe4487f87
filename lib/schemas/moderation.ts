import { z } from "zod";
import { because } from "./issues";
import { FOREVER_SECONDS, MAX_BAN_USERS, MAX_MESSAGES_PAGE, MAX_MUTE_USERS, MAX_RECALL_SEQS, SENDER_SCAN_WINDOW } from "./constants";

/**
 * Mutes, bans and a group's messages (docs/contracts.md § Mutes, bans and messages). Every `until` is ISO 8601,
 * `null` meaning forever; on the wire the IM server speaks Unix seconds, 4294967295 being forever.
 */

export { FOREVER_SECONDS, MAX_BAN_USERS, MAX_MESSAGES_PAGE, MAX_MUTE_USERS, MAX_RECALL_SEQS, SENDER_SCAN_WINDOW };

const userId = z
  .string()
  .min(1)
  .max(32)
  .refine((v) => /^[\x21-\x7e]+$/.test(v), because("userIdAscii", "User IDs are printable ASCII without spaces"));
const unique = <T>(list: T[]) => new Set(list).size === list.length;
const reason = z.string().max(200).optional();

export const muteRequestSchema = z
  .object({
    userIds: z
      .array(userId)
      .min(1, "Name at least one user")
      .max(MAX_MUTE_USERS, `At most ${MAX_MUTE_USERS} users at once`)
      .refine(unique, because("userIdsUnique", "Name each user once")),
    /** 0 lifts the mute. */
    seconds: z.number().int().min(0).max(FOREVER_SECONDS),
    reason,
  })
  .strict();
export type MuteRequest = z.infer<typeof muteRequestSchema>;

/** One result per user asked for, in order: `ok`, or `error` with `not_member` / `unknown_user` / another code. */
export const moderationResultSchema = z.object({
  userId: z.string(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ModerationResult = z.infer<typeof moderationResultSchema>;
export const moderationAnswerSchema = z.object({ results: z.array(moderationResultSchema) });
export type ModerationAnswer = z.infer<typeof moderationAnswerSchema>;

export const mutedMemberSchema = z.object({ userId: z.string(), nickname: z.string(), until: z.string().nullable() });
export type MutedMember = z.infer<typeof mutedMemberSchema>;
/** `GET /api/groups/{id}/mutes`: members muted now (lapsed mutes are left out). */
export const mutesAnswerSchema = z.object({ items: z.array(mutedMemberSchema) });
export type MutesAnswer = z.infer<typeof mutesAnswerSchema>;

export const banRequestSchema = z
  .object({
    userIds: z
      .array(userId)
      .min(1, "Name at least one user")
      .max(MAX_BAN_USERS, `At most ${MAX_BAN_USERS} users at once`)
      .refine(unique, because("userIdsUnique", "Name each user once")),
    seconds: z.number().int().min(1).max(FOREVER_SECONDS),
    reason,
  })
  .strict();
export type BanRequest = z.infer<typeof banRequestSchema>;

/** A ban; `reason` is the console's (the IM server keeps none), null when banned elsewhere or without one. */
export const bannedMemberSchema = z.object({
  userId: z.string(),
  nickname: z.string(),
  until: z.string().nullable(),
  reason: z.string().nullable(),
});
export type BannedMember = z.infer<typeof bannedMemberSchema>;
/** `available: false` when this IM edition has no bans: `items` is empty and the UI hides the action. */
export const bansAnswerSchema = z.object({ items: z.array(bannedMemberSchema), available: z.boolean() });
export type BansAnswer = z.infer<typeof bansAnswerSchema>;

export const messagesQuerySchema = z
  .object({
    sender: userId.optional(),
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_MESSAGES_PAGE).default(MAX_MESSAGES_PAGE),
  })
  .strict();
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export const groupMessageSchema = z.object({
  seq: z.number().int(),
  senderId: z.string(),
  senderNickname: z.string(),
  sentAt: z.string(),
  /** The text elements joined; any other element is a short placeholder such as "[custom message]". */
  text: z.string(),
  recalled: z.boolean(),
});
export type GroupMessage = z.infer<typeof groupMessageSchema>;
/**
 * Newest first; `nextCursor` pages back (null at the group's first message). With `sender`, `details` says how
 * many messages were read and `partial: true` when the window of the newest 1,000 ended before the group's first.
 */
export const messagesAnswerSchema = z.object({
  items: z.array(groupMessageSchema),
  nextCursor: z.string().nullable(),
  details: z.object({ partial: z.boolean(), scanned: z.number().int() }).optional(),
});
export type MessagesAnswer = z.infer<typeof messagesAnswerSchema>;

export const recallRequestSchema = z
  .object({
    seqs: z
      .array(z.number().int().positive())
      .min(1, "Name at least one message")
      .max(MAX_RECALL_SEQS, `At most ${MAX_RECALL_SEQS} messages at once`)
      .refine(unique, because("seqsUnique", "Name each message once")),
    reason,
  })
  .strict();
export type RecallRequest = z.infer<typeof recallRequestSchema>;
/** One result per seq asked for, in order: `ok`, or `error.code` `not_found` (no such message, or recalled). */
export const recallResultSchema = z.object({
  seq: z.number().int(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type RecallResult = z.infer<typeof recallResultSchema>;
export const recallAnswerSchema = z.object({ results: z.array(recallResultSchema) });
export type RecallAnswer = z.infer<typeof recallAnswerSchema>;

export const purgeRequestSchema = z.object({ senderId: userId, reason }).strict();
export type PurgeRequest = z.infer<typeof purgeRequestSchema>;
export const purgeAnswerSchema = z.object({ ok: z.literal(true) });

/**
 * The live events these surfaces publish (their data names `groupId`, and `userId` where one member is meant):
 * `member.muted` (muted or unmuted), `member.banned` (banned or unbanned), `message.sent`, `message.recalled`
 * (recalled or purged).
 */
export const MODERATION_EVENT_TYPES = ["member.muted", "member.banned", "message.sent", "message.recalled"] as const;
export type ModerationEventType = (typeof MODERATION_EVENT_TYPES)[number];
