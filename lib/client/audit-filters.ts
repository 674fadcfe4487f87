import type { AuditListFilters } from "./query-keys";

// Not a client module: the server page builds the same key from the URL as the browser does.
const NAMES = ["actor", "action", "groupId", "cursor"] as const;

export function auditFiltersFromSearch(search: Record<string, string | string[] | undefined>): AuditListFilters {
  const filters: AuditListFilters = {};
  for (const name of NAMES) {
    const v = search[name];
    if (typeof v === "string" && v.trim() !== "") filters[name] = v.trim();
  }
  return filters;
}

export function searchFromAuditFilters(filters: AuditListFilters, { withCursor = true } = {}): string {
  const params = new URLSearchParams();
  for (const name of NAMES) if (filters[name] && (withCursor || name !== "cursor")) params.set(name, filters[name]!);
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}
