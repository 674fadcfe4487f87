"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Job, JobFilter } from "@/lib/schemas/job";
import { apiFetch } from "./fetcher";
import { applicationKeys, jobKeys, type ApplicationListFilters } from "./query-keys";

/** The recent jobs (newest first), refetched on every `job.progress`: the queue shows the running ones. */
export function useJobs() {
  return useQuery({
    queryKey: jobKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: Job[] }>("/api/jobs", { signal }),
    select: (d) => d.items,
  });
}

/** What a job over the queue's current filters selects: pending applications, without order or paging. */
export function jobFilterOf(filters: ApplicationListFilters): JobFilter {
  const { groupId, type, q, requesterId, olderThan } = filters;
  return {
    ...(groupId ? { groupId } : {}),
    ...(type ? { type: type as JobFilter["type"] } : {}),
    ...(q ? { q } : {}),
    ...(requesterId ? { requesterId } : {}),
    ...(olderThan ? { olderThan: Number(olderThan) } : {}),
  };
}

export type StartJobInput = { filter: JobFilter; action: "approve" | "refuse"; reason?: string; expectTotal: number };

/** Starts a job; a 409 `stale` (the filter matches a different number now) comes back as the error, with the new total. */
export function useStartJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ filter, action, reason, expectTotal }: StartJobInput) =>
      apiFetch<{ job: Job }>("/api/applications/bulk", {
        method: "POST",
        body: { filter, action, expectTotal, ...(reason ? { reason } : {}) },
      }).then((r) => r.job),
    onSuccess: (job) =>
      qc.setQueryData<{ items: Job[] }>(jobKeys.list(), (d) => ({ items: [job, ...(d?.items ?? []).filter((j) => j.id !== job.id)] })),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export function useCancelJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ job: Job }>(`/api/jobs/${encodeURIComponent(id)}`, { method: "DELETE" }).then((r) => r.job),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: jobKeys.all });
      void qc.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
}
