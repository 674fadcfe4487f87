"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Group, GroupPatch } from "@/lib/schemas/group";
import type { GroupEvent } from "@/lib/schemas/group-event";
import type { AddMemberResult, NotifyAnswer } from "@/lib/schemas/member";
import { ApiError } from "./api-error";
import { apiFetch } from "./fetcher";
import { applicationKeys, groupKeys } from "./query-keys";

const groupPath = (id: string) => `/api/groups/${encodeURIComponent(id)}`;

export function useGroup(id: string, enabled = true) {
  return useQuery({ queryKey: groupKeys.detail(id), queryFn: ({ signal }) => apiFetch<Group>(groupPath(id), { signal }), enabled });
}

/** Optimistic: the page shows the edit at once and rolls back, with the server's words, if it is refused. */
export function useUpdateGroup(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: GroupPatch) => apiFetch<Group>(groupPath(id), { method: "PATCH", body: patch }),
    onMutate: async (patch) => {
      await qc.cancelQueries({ queryKey: groupKeys.detail(id), exact: true });
      const previous = qc.getQueryData<Group>(groupKeys.detail(id));
      if (previous) qc.setQueryData<Group>(groupKeys.detail(id), { ...previous, ...patch });
      return { previous };
    },
    onError: (_err, _patch, context) => {
      if (context?.previous) qc.setQueryData(groupKeys.detail(id), context.previous);
    },
    onSuccess: (group) => qc.setQueryData(groupKeys.detail(id), group),
    onSettled: () => qc.invalidateQueries({ queryKey: groupKeys.lists() }),
  });
}

/** Schedules the dismissal 10 s ahead (docs/contracts.md § Dismissal with undo): the answer says when. */
export function useScheduleDismissal(id: string) {
  return useMutation({
    mutationFn: () => apiFetch<{ scheduledFor: string }>(`${groupPath(id)}/dismissal`, { method: "POST", body: {} }),
  });
}

/** Undo: cancels the scheduled dismissal while it is still ahead (409 once it is under way). */
export function useCancelDismissal(id: string) {
  return useMutation({
    mutationFn: () => apiFetch<{ cancelled: true }>(`${groupPath(id)}/dismissal`, { method: "DELETE" }),
  });
}

/** Whether the group is gone yet, asked every second once its dismissal fell due. */
export function useGoneAfter(id: string, dueAt: number | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...groupKeys.detail(id), "gone"],
    enabled: dueAt !== null,
    refetchInterval: (q) => (q.state.data ? false : 1_000),
    queryFn: async ({ signal }) => {
      if (dueAt !== null && Date.now() < dueAt) return false;
      const gone = await apiFetch<Group>(groupPath(id), { signal }).then(
        () => false,
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 404) return true;
          throw err;
        },
      );
      if (!gone) return false;
      void qc.invalidateQueries({ queryKey: groupKeys.lists() });
      void qc.invalidateQueries({ queryKey: applicationKeys.all });
      return true;
    },
  });
}

function useGroupMutation<TVars, TResult>(id: string, fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: groupKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: groupKeys.lists() });
    },
  });
}

export type { AddMemberResult, NotifyResult } from "@/lib/schemas/member";

/** One result per user: added, invited or already a member, or why not (e.g. `unknown_user`). */
export const useAddMembers = (id: string) =>
  useGroupMutation(id, (userIds: string[]) =>
    apiFetch<{ results: AddMemberResult[] }>(`${groupPath(id)}/members`, { method: "POST", body: { userIds } }),
  );

export const useRemoveMember = (id: string) =>
  useGroupMutation(id, ({ userId, reason }: { userId: string; reason?: string }) =>
    apiFetch<void>(`${groupPath(id)}/members/${encodeURIComponent(userId)}${reason ? `?reason=${encodeURIComponent(reason)}` : ""}`, {
      method: "DELETE",
    }),
  );

export const useSetMemberRole = (id: string) =>
  useGroupMutation(id, ({ userId, role }: { userId: string; role: "Admin" | "Member" }) =>
    apiFetch(`${groupPath(id)}/members/${encodeURIComponent(userId)}`, { method: "PATCH", body: { role } }),
  );

export const useTransferOwner = (id: string) =>
  useGroupMutation(id, (userId: string) => apiFetch<Group>(`${groupPath(id)}/owner`, { method: "POST", body: { userId } }));

/** To the whole group `{ sent: true }`; to chosen users one result per user (`not_member`, `unknown_user`: not sent). */
export const useNotifyMembers = (id: string) =>
  useGroupMutation(id, (body: { content: string; userIds?: string[] }) =>
    apiFetch<NotifyAnswer>(`${groupPath(id)}/notifications`, { method: "POST", body }),
  );

export type { GroupEvent } from "@/lib/schemas/group-event";

export function useGroupEvents(id: string) {
  return useQuery({
    queryKey: groupKeys.events(id),
    queryFn: ({ signal }) => apiFetch<{ items: GroupEvent[] }>(`${groupPath(id)}/events`, { signal }),
  });
}
