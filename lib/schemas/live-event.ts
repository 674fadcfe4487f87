import { z } from "zod";

/** The console's live events (docs/contracts.md § Events out): the SSE event name is the type. */
export const LIVE_EVENT_TYPES = [
  "application.created",
  "application.handled",
  "application.claimed",
  "application.released",
  "group.created",
  "group.updated",
  "group.dismissed",
  "member.joined",
  "member.left",
  "job.progress",
  "rules.changed",
  "member.muted",
  "member.banned",
  "message.sent",
  "message.recalled",
] as const;

export const liveEventTypeSchema = z.enum(LIVE_EVENT_TYPES);
export type LiveEventType = z.infer<typeof liveEventTypeSchema>;

/** What travels as an event's `data`; `at` is when it happened (ISO 8601). */
/** Every event but `job.progress` and `rules.changed` names its group; `job.progress` names its job instead. */
export const liveEventDataSchema = z.object({
  groupId: z.string().optional(),
  jobId: z.string().optional(),
  applicationId: z.string().optional(),
  userId: z.string().optional(),
  /** `message.sent` only: how many messages one event stands for, when more than one (gathered per group). */
  count: z.number().int().positive().optional(),
  at: z.string(),
});
export type LiveEventData = z.infer<typeof liveEventDataSchema>;

export type LiveEvent = { type: LiveEventType } & LiveEventData;
/** An event before it is stamped: publishers may leave `at` to the bus. */
export type LiveEventDraft = Omit<LiveEvent, "at"> & { at?: string };
