"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Group } from "@/lib/schemas/group";
import type { Page } from "@/lib/schemas/page";
import { apiFetch } from "./fetcher";
import { groupKeys, searchFromGroupFilters, type GroupListFilters } from "./query-keys";

/** A page of the groups list, cached: for pickers on pages that cache (the groups list itself is drawn on the server). */
export function useGroups(filters: GroupListFilters) {
  return useQuery({
    queryKey: groupKeys.list(filters),
    queryFn: ({ signal }) => apiFetch<Page<Group>>(`/api/groups${searchFromGroupFilters(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
