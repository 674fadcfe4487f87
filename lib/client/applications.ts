"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { Application, BulkResult } from "@/lib/schemas/application";
import { BULK_MAX } from "@/lib/schemas/constants";
import type { Page } from "@/lib/schemas/page";
import { apiFetch } from "./fetcher";
import { applicationKeys, groupKeys, searchFromApplicationFilters, type ApplicationListFilters } from "./query-keys";

function listPath(filters: ApplicationListFilters, cursor: string) {
  const params = new URLSearchParams(searchFromApplicationFilters(filters));
  params.set("limit", "50");
  if (cursor) params.set("cursor", cursor);
  return `/api/applications?${params}`;
}

export function useApplications(filters: ApplicationListFilters) {
  return useInfiniteQuery({
    queryKey: applicationKeys.list(filters),
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => apiFetch<Page<Application>>(listPath(filters, pageParam), { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

type Lists = InfiniteData<Page<Application>>;

/** Drop settled applications from every cached pending list at once; returns how to undo it. */
function removeFromPendingLists(qc: ReturnType<typeof useQueryClient>, ids: Set<string>) {
  const snapshots = qc.getQueriesData<Lists>({ queryKey: applicationKeys.lists() });
  for (const [key, data] of snapshots) {
    const filters = (key[2] ?? {}) as ApplicationListFilters;
    if (!data || (filters.status ?? "pending") !== "pending") continue;
    qc.setQueryData<Lists>(key, {
      ...data,
      pages: data.pages.map((p) => ({
        ...p,
        items: p.items.filter((a) => !ids.has(a.id)),
        total: p.total - p.items.filter((a) => ids.has(a.id)).length,
      })),
    });
  }
  return () => snapshots.forEach(([key, data]) => qc.setQueryData(key, data));
}

function invalidateAfterHandling(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: applicationKeys.all });
  void qc.invalidateQueries({ queryKey: groupKeys.all });
}

/** Optimistic: the row leaves the pending list at once and comes back, with the reason, if the server refuses. */
export function useHandleApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason, force }: { id: string; action: "approve" | "refuse"; reason?: string; force?: boolean }) =>
      apiFetch<Application>(`/api/applications/${encodeURIComponent(id)}/${action}`, {
        method: "POST",
        body: { ...(reason ? { reason } : {}), ...(force ? { force } : {}) },
      }),
    onMutate: async ({ id }) => {
      await qc.cancelQueries({ queryKey: applicationKeys.lists() });
      return { undo: removeFromPendingLists(qc, new Set([id])) };
    },
    onError: (_e, _v, ctx) => ctx?.undo(),
    onSettled: () => invalidateAfterHandling(qc),
  });
}

export type BulkProgress = { done: number; total: number; results: BulkResult[] };

/** Sends a selection in chunks of at most 100 ids, reporting progress and every item's result between chunks. */
export function useBulkHandle() {
  const qc = useQueryClient();
  return async function run(
    ids: string[],
    action: "approve" | "refuse",
    reason: string | undefined,
    onProgress: (p: BulkProgress) => void,
  ) {
    const results: BulkResult[] = [];
    onProgress({ done: 0, total: ids.length, results });
    try {
      for (let i = 0; i < ids.length; i += BULK_MAX) {
        const chunk = ids.slice(i, i + BULK_MAX);
        try {
          const res = await apiFetch<{ results: BulkResult[] }>("/api/applications/bulk", {
            method: "POST",
            body: { ids: chunk, action, ...(reason ? { reason } : {}) },
          });
          results.push(...res.results);
        } catch (err) {
          // A chunk that failed as a whole still gets a result per item: nothing is silently skipped.
          const error =
            err instanceof Error
              ? { code: (err as { code?: string }).code ?? "network", message: err.message }
              : { code: "unknown", message: String(err) };
          results.push(...chunk.map((id) => ({ id, ok: false, error })));
        }
        removeFromPendingLists(qc, new Set(results.filter((r) => r.ok).map((r) => r.id)));
        onProgress({ done: results.length, total: ids.length, results: [...results] });
      }
    } finally {
      invalidateAfterHandling(qc);
    }
    return results;
  };
}

/** An admin takes back a rule's approval (the requester leaves the group); docs/rules.md § Reversing. */
export function useReverseRuleApproval() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      apiFetch<Application>(`/api/applications/${encodeURIComponent(id)}/reversal`, { method: "POST", body: reason ? { reason } : {} }),
    onSettled: () => invalidateAfterHandling(qc),
  });
}
