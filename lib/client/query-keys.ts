/** Every TanStack Query key comes from here; mutations invalidate by prefix. */
export type GroupListFilters = { type?: string; joinOption?: string; q?: string; sort?: string; cursor?: string };

const FILTER_NAMES = ["type", "joinOption", "q", "sort", "cursor"] as const;

/** The members list's filters as its URL and CSV link carry them; left out when not set. */
export type MemberListFilters = { q?: string; role?: string; muted?: string };

export const groupKeys = {
  all: ["groups"] as const,
  lists: () => [...groupKeys.all, "list"] as const,
  list: (filters: GroupListFilters) => [...groupKeys.lists(), filters] as const,
  detail: (id: string) => [...groupKeys.all, "detail", id] as const,
  members: (id: string) => [...groupKeys.detail(id), "members"] as const,
  /** One search of the members (`{}` is the plain list); every one is under `members(id)`. */
  memberList: (id: string, filters: MemberListFilters) => [...groupKeys.members(id), filters] as const,
  applications: (id: string) => [...groupKeys.detail(id), "applications"] as const,
  events: (id: string) => [...groupKeys.detail(id), "events"] as const,
  /** Who is muted now, and who is banned (with whether this IM edition has bans at all). */
  mutes: (id: string) => [...groupKeys.detail(id), "mutes"] as const,
  bans: (id: string) => [...groupKeys.detail(id), "bans"] as const,
  /**
   * Every list of the group's messages; `messagesBy` is one of them: the panel's pages (20 each) or a member's
   * few latest (a smaller page, so a key of its own), for one sender ("" = everyone).
   */
  messages: (id: string) => [...groupKeys.detail(id), "messages"] as const,
  messagesBy: (id: string, filter: { sender: string; limit: number }) => [...groupKeys.messages(id), filter] as const,
  /** The few groups a picker offers for what was typed (a smaller page than the list's, so a key of its own). */
  picker: (q: string) => [...groupKeys.all, "picker", q] as const,
};

/**
 * The queue's filters as a URL carries them (docs/contracts.md § Applications model). Defaults are left out
 * (`status` pending, `sort` newest, so `sort` is only ever "oldest"), so both spellings share one cache key.
 */
export type ApplicationListFilters = {
  groupId?: string;
  type?: string;
  q?: string;
  requesterId?: string;
  olderThan?: string;
  status?: string;
  sort?: "oldest";
  /** Where the dashboard's figures lead: one moderator's decisions, and a range of UTC days. */
  handledBy?: string;
  since?: string;
  until?: string;
};

/** Pending in one group or all is the queue itself ("no pending applications"); anything narrower is a filter. */
export const narrowsQueue = (f: ApplicationListFilters) =>
  (f.status ?? "pending") !== "pending" || Boolean(f.q || f.type || f.olderThan || f.requesterId || f.handledBy || f.since || f.until);

/** In the URL's order; every one a plain string. */
const APPLICATION_FILTER_NAMES = [
  "q",
  "groupId",
  "type",
  "requesterId",
  "olderThan",
  "status",
  "sort",
  "handledBy",
  "since",
  "until",
] as const;

/** Bulk jobs: the recent list, and each job (its progress). */
export const jobKeys = {
  all: ["jobs"] as const,
  list: () => [...jobKeys.all, "list"] as const,
  detail: (id: string) => [...jobKeys.all, "detail", id] as const,
};

/** Rules for join applications: the ordered list with the switch, and dry runs of a rule being edited. */
export const ruleKeys = {
  all: ["rules"] as const,
  list: () => [...ruleKeys.all, "list"] as const,
  dryRun: (rule: unknown, days: number) => [...ruleKeys.all, "dry-run", days, rule] as const,
};

export const applicationKeys = {
  all: ["applications"] as const,
  lists: () => [...applicationKeys.all, "list"] as const,
  list: (filters: ApplicationListFilters) => [...applicationKeys.lists(), filters] as const,
  /** Saved views and their live counts. */
  views: () => [...applicationKeys.all, "views"] as const,
  /** The dashboard's statistics, counted from the same applications. */
  stats: () => [...applicationKeys.all, "stats"] as const,
};

export const appUserKeys = {
  all: ["app-users"] as const,
  context: (userId: string) => [...appUserKeys.all, userId] as const,
};

/** Whether this IM edition has bans at all: the same for every group, so asked once for the whole queue. */
export const moderationKeys = {
  bansAvailable: () => ["moderation", "bans-available"] as const,
};

export const directoryKeys = {
  status: () => ["directory", "status"] as const,
};

export type UserListFilters = { cursor?: string };

export const userKeys = {
  all: ["users"] as const,
  lists: () => [...userKeys.all, "list"] as const,
  list: (filters: UserListFilters) => [...userKeys.lists(), filters] as const,
  signInFailures: () => [...userKeys.all, "sign-in-failures"] as const,
};

export type AuditListFilters = { actor?: string; action?: string; groupId?: string; cursor?: string };

export const auditKeys = {
  all: ["audit"] as const,
  lists: () => [...auditKeys.all, "list"] as const,
  list: (filters: AuditListFilters) => [...auditKeys.lists(), filters] as const,
};

export const meKeys = {
  all: ["me"] as const,
};

/** The list filters a URL carries (`/groups?type=Public&q=…`), normalised so server and browser build the same key. */
export function groupFiltersFromSearch(search: Record<string, string | string[] | undefined>): GroupListFilters {
  const filters: GroupListFilters = {};
  for (const name of FILTER_NAMES) {
    const v = search[name];
    if (typeof v === "string" && v.trim() !== "") filters[name] = v;
  }
  return filters;
}

export function searchFromGroupFilters(filters: GroupListFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]!);
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

export function applicationFiltersFromSearch(search: Record<string, string | string[] | undefined>): ApplicationListFilters {
  const filters: ApplicationListFilters = {};
  for (const name of APPLICATION_FILTER_NAMES) {
    const v = search[name];
    if (name === "sort" || typeof v !== "string" || !v.trim()) continue;
    if (name === "status" && v === "pending") continue;
    filters[name] = v.trim();
  }
  // Anything else (newest, a typo) is the default order, so the URL cannot make the list fail.
  if (search.sort === "oldest") filters.sort = "oldest";
  return filters;
}

/** The URL query of these filters (without the leading "?"), in a fixed order, so one view has one URL. */
export function searchFromApplicationFilters(filters: ApplicationListFilters): string {
  const params = new URLSearchParams();
  for (const name of APPLICATION_FILTER_NAMES) if (filters[name]) params.set(name, filters[name]!);
  return params.toString();
}

/** A saved view's filters (the server's full shape, defaults included) as the URL and cache key carry them. */
export function applicationFiltersOfView(filters: Record<string, string | number | undefined>): ApplicationListFilters {
  return applicationFiltersFromSearch(
    Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v === undefined ? undefined : String(v)])),
  );
}
