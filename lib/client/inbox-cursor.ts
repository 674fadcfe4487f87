/**
 * The inbox keyboard's current item is an application ID, never a row position: an arrival at the top shifts
 * every row down, and a position would then point at someone else (a moderator pressed `a` and approved the
 * wrong person). These pure functions say which application is current after the list changes.
 */

/** The current ID once the list went from `before` to `after` (arrivals, decisions, other moderators' work). */
export function reconcileCurrent(before: readonly string[], after: readonly string[], current: string | null): string | null {
  if (after.length === 0) return null;
  if (current === null) return after[0];
  const still = new Set(after);
  if (still.has(current)) return current;
  // It left the list (decided here or elsewhere): the one that followed it takes its place, as in a mail client.
  const at = before.indexOf(current);
  if (at >= 0) {
    for (let i = at + 1; i < before.length; i++) if (still.has(before[i])) return before[i];
    for (let i = at - 1; i >= 0; i--) if (still.has(before[i])) return before[i];
  }
  return after[0];
}

/** One step up or down from the current ID, staying inside the list. */
export function stepCurrent(ids: readonly string[], current: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return ids[0];
  return ids[Math.max(0, Math.min(ids.length - 1, at + delta))];
}

/** The IDs from the anchor to the current one, inclusive, in list order (Shift+x selects a range). */
export function rangeBetween(ids: readonly string[], anchor: string | null, current: string | null): string[] {
  const to = current === null ? -1 : ids.indexOf(current);
  if (to < 0) return [];
  const from = anchor === null ? -1 : ids.indexOf(anchor);
  if (from < 0) return [ids[to]];
  return ids.slice(Math.min(from, to), Math.max(from, to) + 1);
}
