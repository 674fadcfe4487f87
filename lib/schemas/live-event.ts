import { z } from "zod";
import { LIVE_EVENT_TYPES } from "./live-event-types";

/** The types themselves live in live-event-types.ts, which the browser reads without zod. */
export { LIVE_EVENT_TYPES };

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
