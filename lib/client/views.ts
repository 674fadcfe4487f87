"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedView } from "@/lib/schemas/view";
import { apiFetch } from "./fetcher";
import { applicationKeys } from "./query-keys";

/** The moderator's saved views of the queue, with live counts (refetched on every application event). */
export function useViews() {
  return useQuery({
    queryKey: applicationKeys.views(),
    queryFn: ({ signal }) => apiFetch<{ items: SavedView[] }>("/api/views", { signal }),
    select: (d) => d.items,
  });
}

export function useCreateView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; filters: Record<string, string | number> }) =>
      apiFetch<SavedView>("/api/views", { method: "POST", body: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: applicationKeys.views() }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: applicationKeys.views() }),
  });
}
