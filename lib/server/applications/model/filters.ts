import "server-only";
import type { ApplicationFilters } from "@/lib/schemas/application";
import { fold } from "@/lib/server/store/fold";
import { placeholders, type SqlValue, type Store } from "@/lib/server/store/store";

/**
 * A queue's filters without their order: what a list, a count, a saved view and a job all select by. `within`
 * is a scoped asker's groups (docs/scopes.md § Lists and counts): nothing outside them is ever selected.
 */
export type Selection = Omit<ApplicationFilters, "sort"> & Within;
/** The groups an asker may see (their scope's), or null/absent for every group. */
export type Within = { within?: readonly string[] | null };

/**
 * The WHERE clause of a selection over the applications model (aliased `a`). Search is a substring of the
 * folded requester ID, nickname and message (docs/applications-model.md § Search), case- and width-insensitive
 * in every script; closed applications (of dismissed groups) are never selected.
 */
export function selectionClause(db: Store, s: Selection, now = Date.now()): { sql: string; args: SqlValue[] } {
  const where: string[] = [];
  const args: SqlValue[] = [];
  if (s.status === "all") where.push("a.status <> 'closed'");
  else {
    where.push("a.status = ?");
    args.push(s.status);
  }
  if (s.groupId) {
    where.push("a.group_id = ?");
    args.push(s.groupId);
  }
  if (s.within) {
    where.push(s.within.length ? `a.group_id IN (${placeholders(s.within.length)})` : "1 = 0");
    args.push(...s.within);
  }
  if (s.type) {
    where.push("a.group_type = ?");
    args.push(s.type);
  }
  if (s.requesterId) {
    where.push("a.requester_id = ?");
    args.push(s.requesterId);
  }
  if (s.q) {
    // A position test rather than LIKE: nothing in the query is a wildcard, and both sides are folded already.
    where.push(db.dialect === "postgres" ? "strpos(a.search_text, ?) > 0" : "instr(a.search_text, ?) > 0");
    args.push(fold(s.q));
  }
  if (s.handledBy) {
    where.push("a.handled_by = ?");
    args.push(s.handledBy);
  }
  // The day an application counts on, as the dashboard counts it: its decision's once decided, else its arrival's.
  const day = s.status === "approved" || s.status === "refused" ? "a.handled_at" : "a.created_at";
  if (s.since) {
    where.push(`${day} >= ?`);
    args.push(`${s.since}T00:00:00.000Z`);
  }
  if (s.until) {
    where.push(`${day} < ?`);
    args.push(new Date(Date.parse(`${s.until}T00:00:00.000Z`) + 86_400_000).toISOString());
  }
  if (s.olderThan !== undefined) {
    where.push("a.created_at <= ?");
    args.push(new Date(now - s.olderThan * 60_000).toISOString());
  }
  return { sql: where.join(" AND "), args };
}

/** The folded text a search looks in: requester ID, nickname and message, one per line. */
export const searchText = (requesterId: string, nickname: string, message: string) => fold(`${requesterId}\n${nickname}\n${message}`);

/** How many applications a selection holds now (a saved view's live count, a job's size). */
export async function countSelection(db: Store, s: Selection): Promise<number> {
  const where = selectionClause(db, s);
  const row = await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM inbox_applications a WHERE ${where.sql}`, where.args);
  return Number(row?.n ?? 0);
}
