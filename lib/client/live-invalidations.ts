import type { QueryKey } from "@tanstack/react-query";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { applicationKeys, appUserKeys, groupKeys, jobKeys, ruleKeys } from "./query-keys";

/**
 * The cached queries one live event makes stale. A group's detail key is the prefix of its members,
 * applications and events, so invalidating it refreshes whatever is open about that group.
 */
export function keysToInvalidate(event: Pick<LiveEvent, "type" | "groupId" | "jobId">): QueryKey[] {
  // A job's progress: its own query and the list of jobs (the queue's running jobs read it too).
  if (event.type === "job.progress") return [jobKeys.list(), ...(event.jobId ? [jobKeys.detail(event.jobId)] : [])];
  // Another admin wrote a rule or flipped the switch: the list (and the dry runs, which read the same rules) refetch.
  if (event.type === "rules.changed") return [ruleKeys.all];
  const id = event.groupId ?? "";
  const group = groupKeys.detail(id);
  switch (event.type) {
    // Who is reviewing what shows in the list's rows.
    case "application.claimed":
    case "application.released":
      return [applicationKeys.lists()];
    case "group.created":
      return [groupKeys.lists()];
    case "group.updated":
    case "member.left":
      return [groupKeys.lists(), group];
    // Joins settle applications (an approval, or a user who got in another way).
    case "member.joined":
    case "group.dismissed":
    case "application.created":
    case "application.handled":
      return [groupKeys.lists(), group, applicationKeys.lists(), applicationKeys.views(), applicationKeys.stats()];
    // A mute or ban shows in its list, on the member's row, in the applicant's sanctions (whichever is open) and
    // among the group's recent events.
    case "member.muted":
      return [groupKeys.mutes(id), groupKeys.members(id), groupKeys.events(id), appUserKeys.all];
    // A ban also takes the user out of the group: its member count changes, as when a member leaves.
    case "member.banned":
      return [groupKeys.lists(), group, appUserKeys.all];
    // Messages come often in a lively group: only the message pages refetch, never the group or its members. A
    // recall is rarer, and a moderator's is one of the group's recent events.
    case "message.sent":
      return [groupKeys.messages(id)];
    case "message.recalled":
      return [groupKeys.messages(id), groupKeys.events(id)];
  }
}

/** Keys from many events, each once: a burst of webhooks becomes one refetch per query. */
export function uniqueKeys(keys: QueryKey[]): QueryKey[] {
  const seen = new Map<string, QueryKey>();
  for (const key of keys) seen.set(JSON.stringify(key), key);
  return [...seen.values()];
}
