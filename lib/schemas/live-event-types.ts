/**
 * The console's live event types (docs/contracts.md § Events out): the SSE event name is the type. Apart from
 * the schemas (live-event.ts) so that the browser's event stream names them without loading zod.
 */
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

export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];
