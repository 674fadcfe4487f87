"use client";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { MemberPage } from "@/lib/schemas/member";
import { apiFetch } from "./fetcher";
import { groupKeys, type MemberListFilters } from "./query-keys";

const PAGE = 50;
const membersPath = (id: string) => `/api/groups/${encodeURIComponent(id)}/members`;

/** The filters as a query string, in a fixed order, the unset ones left out ("" when none). */
export function searchFromMemberFilters(f: MemberListFilters): string {
  const params = new URLSearchParams();
  if (f.q?.trim()) params.set("q", f.q.trim());
  if (f.role) params.set("role", f.role);
  if (f.muted) params.set("muted", f.muted);
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/**
 * A group's members, a page of 50 at a time (Communities by the IM server's cursor), searched and filtered by
 * the server (docs/members.md); the last result stays on screen while the next search loads.
 */
export function useMembers(id: string, filters: MemberListFilters, enabled = true) {
  const search = searchFromMemberFilters(filters);
  return useInfiniteQuery({
    queryKey: groupKeys.memberList(id, filters),
    enabled,
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(search);
      params.set("limit", String(PAGE));
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<MemberPage>(`${membersPath(id)}?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the members these filters show (all of them, not only the pages on screen). */
export const membersCsvHref = (id: string, filters: MemberListFilters) => `${membersPath(id)}.csv${searchFromMemberFilters(filters)}`;
