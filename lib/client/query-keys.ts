/** Every TanStack Query key comes from here; mutations invalidate by prefix. */
export type GroupListFilters = { type?: string; cursor?: string; limit?: number };

export const groupKeys = {
  all: ["groups"] as const,
  lists: () => [...groupKeys.all, "list"] as const,
  list: (filters: GroupListFilters) => [...groupKeys.lists(), filters] as const,
  detail: (id: string) => [...groupKeys.all, "detail", id] as const,
};

/** The list filters a URL carries (`/groups?type=Public&cursor=…`), normalised so server and browser build the same key. */
export function groupFiltersFromSearch(search: Record<string, string | string[] | undefined>): GroupListFilters {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  const filters: GroupListFilters = {};
  const type = one(search.type);
  const cursor = one(search.cursor);
  if (type) filters.type = type;
  if (cursor) filters.cursor = cursor;
  return filters;
}
