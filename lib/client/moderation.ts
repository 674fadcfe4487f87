"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type {
  BansAnswer,
  MessagesAnswer,
  ModerationAnswer,
  MutesAnswer,
  PurgeRequest,
  RecallAnswer,
  RecallRequest,
} from "@/lib/schemas/moderation";
import { MAX_MESSAGES_PAGE } from "@/lib/schemas/constants";
import { apiFetch } from "./fetcher";
import { markRecalled } from "./message-pages";
import { appUserKeys, groupKeys, moderationKeys } from "./query-keys";

// Mutes, bans and a group's messages (docs/contracts.md § Mutes, bans and messages).

const groupPath = (id: string) => `/api/groups/${encodeURIComponent(id)}`;

export function useMutes(groupId: string, enabled = true) {
  return useQuery({
    queryKey: groupKeys.mutes(groupId),
    enabled,
    queryFn: ({ signal }) => apiFetch<MutesAnswer>(`${groupPath(groupId)}/mutes`, { signal }),
  });
}

/** The ban list, and `available: false` when this IM edition has no bans (every ban action is then hidden). */
export function useBans(groupId: string, enabled = true) {
  return useQuery({
    queryKey: groupKeys.bans(groupId),
    enabled,
    queryFn: ({ signal }) => apiFetch<BansAnswer>(`${groupPath(groupId)}/bans`, { signal }),
  });
}

/**
 * Whether this IM edition has bans, for a list of many groups (the queue): asked of one group's ban list, as the
 * answer is the same for all, and that answer also fills the group's own list.
 */
export function useBansAvailable(groupId: string, enabled = true) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: moderationKeys.bansAvailable(),
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const answer = await apiFetch<BansAnswer>(`${groupPath(groupId)}/bans`, { signal });
      qc.setQueryData(groupKeys.bans(groupId), answer);
      return answer.available;
    },
  });
}

/**
 * A mute changes its list, the members' rows and the applicant context's sanctions; a ban also takes the user
 * out of the group, so the whole group (its count too) and the lists refresh.
 */
function useSanction<TVars, TResult>(groupId: string, kind: "mute" | "ban", fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      if (kind === "mute") {
        void qc.invalidateQueries({ queryKey: groupKeys.mutes(groupId) });
        void qc.invalidateQueries({ queryKey: groupKeys.members(groupId) });
      } else {
        void qc.invalidateQueries({ queryKey: groupKeys.detail(groupId) });
        void qc.invalidateQueries({ queryKey: groupKeys.lists() });
      }
      void qc.invalidateQueries({ queryKey: appUserKeys.all });
    },
  });
}

/** One result per user; `seconds: 0` lifts the mute. */
export const useMute = (groupId: string) =>
  useSanction(groupId, "mute", (body: { userIds: string[]; seconds: number; reason?: string }) =>
    apiFetch<ModerationAnswer>(`${groupPath(groupId)}/mutes`, { method: "POST", body }),
  );

export const useBan = (groupId: string) =>
  useSanction(groupId, "ban", (body: { userIds: string[]; seconds: number; reason?: string }) =>
    apiFetch<ModerationAnswer>(`${groupPath(groupId)}/bans`, { method: "POST", body }),
  );

/** A ban in a group named with each call: from the queue, whose current application moves on while it runs. */
export function useBanIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, ...body }: { groupId: string; userIds: string[]; seconds: number; reason?: string }) =>
      apiFetch<ModerationAnswer>(`${groupPath(groupId)}/bans`, { method: "POST", body }),
    onSettled: (_answer, _error, { groupId }) => {
      void qc.invalidateQueries({ queryKey: groupKeys.detail(groupId) });
      void qc.invalidateQueries({ queryKey: groupKeys.lists() });
      void qc.invalidateQueries({ queryKey: appUserKeys.all });
    },
  });
}

export const useUnban = (groupId: string) =>
  useSanction(groupId, "ban", (userId: string) =>
    apiFetch<void>(`${groupPath(groupId)}/bans/${encodeURIComponent(userId)}`, { method: "DELETE" }),
  );

function messagesPath(groupId: string, sender: string, limit: number, cursor: string) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (sender) params.set("sender", sender);
  if (cursor) params.set("cursor", cursor);
  return `${groupPath(groupId)}/messages?${params}`;
}

/** The group's messages, newest first, a page at a time ("Load older"); `sender` "" is everyone. */
export function useGroupMessages(groupId: string, sender: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: groupKeys.messagesBy(groupId, { sender, limit: MAX_MESSAGES_PAGE }),
    enabled,
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => apiFetch<MessagesAnswer>(messagesPath(groupId, sender, MAX_MESSAGES_PAGE, pageParam), { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A member's few latest messages in one group (a member's row, the applicant panel). */
export function useRecentMessages(groupId: string, sender: string, limit: number, enabled = true) {
  return useQuery({
    queryKey: groupKeys.messagesBy(groupId, { sender, limit }),
    enabled,
    queryFn: ({ signal }) => apiFetch<MessagesAnswer>(messagesPath(groupId, sender, limit, ""), { signal }),
  });
}

/** One result per seq; the recalled ones turn grey at once in every list of the group's messages. */
export function useRecall(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecallRequest) => apiFetch<RecallAnswer>(`${groupPath(groupId)}/messages/recall`, { method: "POST", body }),
    onSuccess: ({ results }) => {
      const seqs = results.filter((r) => r.ok).map((r) => r.seq);
      qc.setQueriesData<InfiniteData<MessagesAnswer>>({ queryKey: groupKeys.messages(groupId) }, (data) =>
        data && "pages" in data ? markRecalled(data, seqs) : data,
      );
    },
    onSettled: () => qc.invalidateQueries({ queryKey: groupKeys.messages(groupId) }),
  });
}

/** Silently recalls what one sender sent among the group's latest 1,000 messages. */
export function usePurge(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PurgeRequest) => apiFetch<{ ok: true }>(`${groupPath(groupId)}/messages/purge`, { method: "POST", body }),
    onSettled: () => qc.invalidateQueries({ queryKey: groupKeys.messages(groupId) }),
  });
}
