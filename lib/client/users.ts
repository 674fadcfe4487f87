"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "@/lib/schemas/page";
import type { ConsoleUser, CreateUserInput, SignInFailures, UpdateUserInput } from "@/lib/schemas/user";
import { apiFetch } from "./fetcher";
import { auditKeys, userKeys, type UserListFilters } from "./query-keys";

export function useUsers(filters: UserListFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetch<Page<ConsoleUser>>(`/api/users${filters.cursor ? `?cursor=${encodeURIComponent(filters.cursor)}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateAfterUserChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: userKeys.all });
    // Every change is audited, so an open audit view is stale too.
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useCreateUser() {
  const invalidate = useInvalidateAfterUserChange();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiFetch<ConsoleUser>("/api/users", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateAfterUserChange();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateUserInput }) =>
      apiFetch<ConsoleUser>(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body: change }),
    onSettled: invalidate,
  });
}

/** Accounts failing to sign in lately; refreshed every half minute while the page is open. */
export function useSignInFailures() {
  return useQuery({
    queryKey: userKeys.signInFailures(),
    queryFn: ({ signal }) => apiFetch<{ items: SignInFailures[] }>("/api/users/sign-in-failures", { signal }),
    refetchInterval: 30_000,
  });
}

/** Ends every other session of the signed-in user; this one goes on. */
export function useSignOutEverywhere() {
  return useMutation({ mutationFn: () => apiFetch<{ ended: true }>("/api/me/sign-out-everywhere", { method: "POST" }) });
}
