"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConsoleUser, UpdateMeInput } from "@/lib/schemas/user";
import { apiFetch } from "./fetcher";
import { auditKeys, meKeys, userKeys } from "./query-keys";

export function useMe() {
  return useQuery({ queryKey: meKeys.all, queryFn: ({ signal }) => apiFetch<ConsoleUser>("/api/me", { signal }) });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UpdateMeInput) => apiFetch<ConsoleUser>("/api/me", { method: "PATCH", body: change }),
    onSuccess: (me) => {
      queryClient.setQueryData(meKeys.all, me);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
