"use client";
import type { LiveEventType } from "@/lib/schemas/live-event-types";
import { useRefreshOnLive } from "@/lib/client/live-refresh";

/** At most one refresh this often, however many applications arrive or are decided meanwhile. */
const REFRESH_EVERY_MS = 5_000;

/** The events that change the statistics (the same that make `applicationKeys.stats()` stale in lib/client/live-invalidations.ts). */
const CHANGES_STATS = new Set<LiveEventType>(["member.joined", "group.dismissed", "application.created", "application.handled"]);
const changesStats = (type: LiveEventType) => CHANGES_STATS.has(type);

/**
 * Keeps the dashboard current. Its figures are drawn on the server, so nothing here holds them: an event that
 * changes them asks the server for the page again, at most once every few seconds; so does the stream's opening
 * (what happened between the render and the opening was heard by no one).
 */
export function DashboardLive() {
  useRefreshOnLive(changesStats, REFRESH_EVERY_MS, true);
  return null;
}
