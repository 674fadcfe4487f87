"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppUserContext, Note } from "@/lib/schemas/app-user";
import { apiFetch } from "./fetcher";
import { applicationKeys, appUserKeys } from "./query-keys";

const base = (userId: string) => `/api/app-users/${encodeURIComponent(userId)}`;

/** What moderators know of an app user (docs/contracts.md § Applicant context). */
export function useAppUserContext(userId: string | null) {
  return useQuery({
    queryKey: appUserKeys.context(userId ?? ""),
    queryFn: ({ signal }) => apiFetch<AppUserContext>(base(userId!), { signal }),
    enabled: userId !== null,
  });
}

/** A note changes the requester's context and the queue's "note" badge on their rows. */
function noted(qc: ReturnType<typeof useQueryClient>, userId: string) {
  void qc.invalidateQueries({ queryKey: applicationKeys.lists() });
  return qc.invalidateQueries({ queryKey: appUserKeys.context(userId) });
}

export function useAddNote(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => apiFetch<Note>(`${base(userId)}/notes`, { method: "POST", body: { text } }),
    onSettled: () => noted(qc, userId),
  });
}

export function useDeleteNote(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (noteId: string) => apiFetch<void>(`${base(userId)}/notes/${encodeURIComponent(noteId)}`, { method: "DELETE" }),
    onSettled: () => noted(qc, userId),
  });
}
