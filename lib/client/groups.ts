"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateGroupInput, Group, Page } from "@/lib/schemas/group";
import { apiFetch } from "./fetcher";
import { groupKeys, type GroupListFilters } from "./query-keys";

export function groupsListPath(filters: GroupListFilters): string {
  const params = new URLSearchParams();
  if (filters.type) params.set("type", filters.type);
  if (filters.cursor) params.set("cursor", filters.cursor);
  if (filters.limit) params.set("limit", String(filters.limit));
  const qs = params.toString();
  return `/api/groups${qs ? `?${qs}` : ""}`;
}

export function useGroups(filters: GroupListFilters) {
  return useQuery({
    queryKey: groupKeys.list(filters),
    queryFn: ({ signal }) => apiFetch<Page<Group>>(groupsListPath(filters), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateGroupInput) => apiFetch<Group>("/api/groups", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.lists() }),
  });
}
