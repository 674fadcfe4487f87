"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateGroupInput, Group } from "@/lib/schemas/group";
import type { DirectoryStatus } from "@/lib/schemas/directory";
import type { Page } from "@/lib/schemas/page";
import { apiFetch } from "./fetcher";
import { directoryKeys, groupKeys, searchFromGroupFilters, type GroupListFilters } from "./query-keys";

export function useGroups(filters: GroupListFilters) {
  return useQuery({
    queryKey: groupKeys.list(filters),
    queryFn: ({ signal }) => apiFetch<Page<Group>>(`/api/groups${searchFromGroupFilters(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the groups list with these filters and sort: every page (the cursor is left out). */
export const groupsCsvHref = (filters: GroupListFilters) => `/api/groups.csv${searchFromGroupFilters({ ...filters, cursor: undefined })}`;

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateGroupInput) => apiFetch<Group>("/api/groups", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.lists() }),
  });
}

export function useDirectoryStatus() {
  return useQuery({
    queryKey: directoryKeys.status(),
    queryFn: ({ signal }) => apiFetch<DirectoryStatus>("/api/directory", { signal }),
    // Poll only while a crawl runs, so progress shows without a reload.
    refetchInterval: (q) => (q.state.data?.running ? 1000 : false),
  });
}

export function useRecrawl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<DirectoryStatus>("/api/directory/crawl", { method: "POST", body: {} }),
    onSuccess: (status) => {
      queryClient.setQueryData(directoryKeys.status(), status);
      void queryClient.invalidateQueries({ queryKey: groupKeys.lists() });
    },
  });
}
