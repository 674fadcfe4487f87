import "server-only";
import type { SqlValue, Store } from "@/lib/server/store/store";
import { holdsWithCounts, type CompiledRule } from "./engine";

// The counts of a dry run, for every application at once and each as of its own arrival, as the live engine
// takes them (evaluate.ts): times kept sorted per requester and per group, counted by binary search.

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** A row of the period's read: what the rule and its counts need (message and type only when the rule reads them). */
export type HistoryRow = {
  id: number | string;
  group_id: string;
  group_type?: string | null;
  requester_id: string;
  message?: string;
  status: "pending" | "approved" | "refused" | "closed";
  created_at: string;
  handled_at: string | null;
  handled_via: string | null;
};

/** How far before the period the rule's counts look: the longest of its windows. */
export const lookBackMs = (rule: CompiledRule) =>
  Math.max(rule.refused ? rule.refused.days * DAY_MS : 0, rule.burst ? rule.burst.minutes * MINUTE_MS : 0);

/**
 * The candidates whose count conditions hold too. `history` holds every application that arrived from
 * `lookBack` before the period on (all statuses when the rule counts bursts); refusals of applications that
 * arrived before that, but were decided within the window, are read apart (few: applications rarely wait long).
 */
export async function holdingCounts(
  db: Store,
  rule: CompiledRule,
  candidates: HistoryRow[],
  history: HistoryRow[],
  historyFrom: string,
  /** ` AND group_id IN (…)` for a scoped asker: their groups' history alone (docs/scopes.md § Rules). */
  within: { sql: string; args: SqlValue[] } = { sql: "", args: [] },
): Promise<HistoryRow[]> {
  if (candidates.length === 0) return [];
  const times = candidates.map((r) => Date.parse(r.created_at));
  // A loop, not Math.min(...times): 100,000 arguments would overflow the stack.
  let earliest = Infinity;
  for (const t of times) earliest = Math.min(earliest, t);
  const requesters = new Set(candidates.map((r) => r.requester_id));
  const groups = new Set(candidates.map((r) => r.group_id));
  const sameGroup = rule.refused?.sameGroup === true;
  const refusalKey = (r: { requester_id: string; group_id: string }) =>
    sameGroup ? `${r.requester_id}\u0000${r.group_id}` : r.requester_id;

  const refusals = new Map<string, number[]>();
  const arrivals = new Map<string, number[]>();
  for (const r of history) {
    if (rule.refused && r.status === "refused" && r.handled_at && requesters.has(r.requester_id))
      push(refusals, refusalKey(r), Date.parse(r.handled_at));
    if (rule.burst && groups.has(r.group_id)) push(arrivals, r.group_id, Date.parse(r.created_at));
  }
  if (rule.refused) {
    const older = await db.all<{ requester_id: string; group_id: string; handled_at: string }>(
      `SELECT requester_id, group_id, handled_at FROM inbox_applications WHERE status = 'refused' AND handled_at >= ? AND created_at < ?${within.sql}`,
      [new Date(earliest - rule.refused.days * DAY_MS).toISOString(), historyFrom, ...within.args],
    );
    for (const r of older) if (requesters.has(r.requester_id)) push(refusals, refusalKey(r), Date.parse(r.handled_at));
  }
  for (const list of refusals.values()) list.sort((a, b) => a - b);
  for (const list of arrivals.values()) list.sort((a, b) => a - b);

  return candidates.filter((row, i) => {
    const at = times[i];
    return holdsWithCounts(rule, {
      // Refusals decided in [arrival - days, arrival): before it arrived, within the window.
      refusals: (d) => between(refusals.get(refusalKey(row)), at - d * DAY_MS, at),
      // Arrivals in [arrival - minutes, arrival], itself included.
      burst: (m) => between(arrivals.get(row.group_id), at - m * MINUTE_MS, at + 1),
    });
  });
}

function push(map: Map<string, number[]>, key: string, t: number) {
  const list = map.get(key);
  if (list) list.push(t);
  else map.set(key, [t]);
}

/** How many sorted times fall in [from, to). */
function between(sorted: number[] | undefined, from: number, to: number): number {
  return sorted ? firstAtLeast(sorted, to) - firstAtLeast(sorted, from) : 0;
}

function firstAtLeast(sorted: number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
