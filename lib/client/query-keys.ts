/** Every TanStack Query key comes from here; mutations invalidate by prefix. */
export type GroupListFilters = { type?: string; joinOption?: string; q?: string; sort?: string; cursor?: string };

const FILTER_NAMES = ["type", "joinOption", "q", "sort", "cursor"] as const;

export const groupKeys = {
  all: ["groups"] as const,
  lists: () => [...groupKeys.all, "list"] as const,
  list: (filters: GroupListFilters) => [...groupKeys.lists(), filters] as const,
  detail: (id: string) => [...groupKeys.all, "detail", id] as const,
  members: (id: string) => [...groupKeys.detail(id), "members"] as const,
  applications: (id: string) => [...groupKeys.detail(id), "applications"] as const,
  events: (id: string) => [...groupKeys.detail(id), "events"] as const,
};

/** `sort` is only ever "oldest": newest is the default, left out so both spellings share one cache key. */
export type ApplicationListFilters = { groupId?: string; status?: string; sort?: "oldest" };

export const applicationKeys = {
  all: ["applications"] as const,
  lists: () => [...applicationKeys.all, "list"] as const,
  list: (filters: ApplicationListFilters) => [...applicationKeys.lists(), filters] as const,
};

export const appUserKeys = {
  all: ["app-users"] as const,
  context: (userId: string) => [...appUserKeys.all, userId] as const,
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
  const groupId = search.groupId;
  const status = search.status;
  if (typeof groupId === "string" && groupId.trim()) filters.groupId = groupId.trim();
  if (typeof status === "string" && status) filters.status = status;
  // Anything else (newest, a typo) is the default order, so the URL cannot make the list fail.
  if (search.sort === "oldest") filters.sort = "oldest";
  return filters;
}
