import type { InfiniteData } from "@tanstack/react-query";
import { MAX_RECALL_SEQS } from "@/lib/schemas/constants";
import type { GroupMessage, MessagesAnswer } from "@/lib/schemas/moderation";

/**
 * The pages of a group's messages as one list, newest first, each message once. A live refetch recomputes
 * every cursor from the fresh first page (TanStack Query does), so pages stay contiguous; but "Load older"
 * racing a refetch can still bring a message twice, and the newer copy (a recall since) wins.
 */
export function mergeMessagePages(pages: readonly MessagesAnswer[]): GroupMessage[] {
  const bySeq = new Map<number, GroupMessage>();
  for (const page of pages) for (const m of page.items) if (!bySeq.has(m.seq)) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

/** Recalled at once in every cached page (the server's answer named them); the refetch that follows confirms it. */
export function markRecalled(data: InfiniteData<MessagesAnswer> | undefined, seqs: readonly number[]) {
  if (!data) return data;
  const gone = new Set(seqs);
  return {
    ...data,
    pages: data.pages.map((p) => ({ ...p, items: p.items.map((m) => (gone.has(m.seq) ? { ...m, recalled: true } : m)) })),
  };
}

/** A message can be chosen for recall while it is shown and not recalled, and while fewer than ten are chosen. */
export function toggleChosen(chosen: readonly number[], seq: number, messages: readonly GroupMessage[]): number[] {
  if (chosen.includes(seq)) return chosen.filter((s) => s !== seq);
  const m = messages.find((x) => x.seq === seq);
  if (!m || m.recalled || chosen.length >= MAX_RECALL_SEQS) return [...chosen];
  return [...chosen, seq];
}

/** What stays chosen after the list changed: messages recalled or gone from it meanwhile drop out. */
export function keepChosen(chosen: readonly number[], messages: readonly GroupMessage[]): number[] {
  const open = new Set(messages.filter((m) => !m.recalled).map((m) => m.seq));
  return chosen.filter((s) => open.has(s));
}
