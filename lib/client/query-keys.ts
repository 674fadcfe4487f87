/** Every TanStack Query key comes from here; mutations invalidate by prefix. */
export type GroupListFilters = { type?: string; joinOption?: string; q?: string; sort?: string; cursor?: string };

const FILTER_NAMES = ["type", "joinOption", "q", "sort", "cursor"] as const;

export const groupKeys = {
  all: ["groups"] as const,
  lists: () => [...groupKeys.all, "list"] as const,
  list: (filters: GroupListFilters) => [...groupKeys.lists(), filters] as const,
  detail: (id: string) => [...groupKeys.all, "detail", id] as const,
};

export const directoryKeys = {
  status: () => ["directory", "status"] as const,
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
