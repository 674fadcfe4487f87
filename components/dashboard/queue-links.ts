import { searchFromApplicationFilters, type ApplicationListFilters } from "@/lib/client/query-keys";

/**
 * Where each figure of the dashboard leads: the queue, filtered to exactly the applications the figure counts.
 * Received ones are counted by the day they arrived, approved and refused ones by the day they were decided
 * (the queue's `since` and `until` read the same way), and pending ones are counted now, whatever the period.
 */
export type Period = { since: string; until: string };

export function queueHref(filters: ApplicationListFilters): string {
  const qs = searchFromApplicationFilters(filters);
  return qs ? `/applications?${qs}` : "/applications";
}

export const pendingHref = (groupId?: string) => queueHref({ groupId });
export const oldestPendingHref = () => queueHref({ sort: "oldest" });
export const receivedHref = (p: Period, groupId?: string) => queueHref({ groupId, status: "all", since: p.since, until: p.until });
export const decidedHref = (status: "approved" | "refused", p: Period, handledBy?: string) =>
  queueHref({ status, handledBy, since: p.since, until: p.until });
