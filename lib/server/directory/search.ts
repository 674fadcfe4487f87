import "server-only";
import { escapeLike, type SqlValue, type Store } from "@/lib/server/store/store";
import { fold } from "./repo";

// How a search finds its groups at a million of them (docs/directory.md § Search). Three ways, chosen per query:
// - "indexed": 3 characters or more, matching at most SEARCH_COUNT_CAP groups: the trigram index (FTS5 on SQLite,
//   pg_trgm on PostgreSQL) gives the matching rows, which are few enough to sort, and to count exactly.
// - "scan": 1 or 2 characters (trigrams cannot serve them), or a query matching more than SEARCH_COUNT_CAP groups:
//   the list's own sort index is walked and each row tested, at most SCAN_WINDOW rows per page. Common matches fill
//   a page within a few hundred rows; the window bounds the rare ones, and the answer says it stopped.
// - "scoped": a scoped user's list (at most 1,000 groups, read by their IDs) is tested row by row, and counted.

/** Up to how many matches a search is counted exactly; beyond, the total is this number and a lower bound. */
export const SEARCH_COUNT_CAP = 10_000;
/** How many rows, in the list's order, a scanning search looks at for one page before it stops and says so. */
export const SCAN_WINDOW = 20_000;

/** The two bounds above; tests pass small ones to see both sides of each at a few rows. */
export type SearchLimits = { countCap: number; scanWindow: number };
export const SEARCH_LIMITS: SearchLimits = { countCap: SEARCH_COUNT_CAP, scanWindow: SCAN_WINDOW };

export type SearchPlan =
  | { kind: "indexed"; sql: string; args: SqlValue[] }
  | { kind: "scan"; sql: string; args: SqlValue[]; dense: boolean }
  | { kind: "scoped"; sql: string; args: SqlValue[] };

/** Queries shorter than this get no help from trigrams. */
const TRIGRAM = 3;

/**
 * The substring test itself, on the group ID, the folded name and the owner ID. IDs are ASCII: SQLite's LIKE
 * ignores their case already, PostgreSQL's needs lower(), which its trigram indexes are built on (the same expression).
 */
export function matchClause(db: Store, q: string): { sql: string; args: SqlValue[] } {
  const pattern = `%${escapeLike(fold(q))}%`;
  const sql =
    db.dialect === "postgres"
      ? "(name_fold LIKE ? ESCAPE '\\' OR lower(id) LIKE ? ESCAPE '\\' OR lower(owner_id) LIKE ? ESCAPE '\\')"
      : "(name_fold LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\' OR owner_id LIKE ? ESCAPE '\\')";
  return { sql, args: [pattern, pattern, pattern] };
}

/**
 * An FTS5 query for the rows holding every trigram of the query (a few spread over it suffice: every character
 * is in one). The trigram index keeps no positions (detail=none, a third of the size), so a row may hold the
 * trigrams apart or in different columns: the LIKE of matchClause confirms each candidate.
 */
export function trigramQuery(q: string): string {
  const chars = [...fold(q)];
  const starts = new Set<number>();
  for (let i = 0; i + TRIGRAM <= chars.length; i += TRIGRAM) starts.add(i);
  starts.add(chars.length - TRIGRAM);
  return [...starts]
    .map(
      (i) =>
        `"${chars
          .slice(i, i + TRIGRAM)
          .join("")
          .replace(/"/g, '""')}"`,
    )
    .join(" AND ");
}

/** Chooses how to search for `q`; `scoped` when the list is already limited to a user's groups. */
export async function planSearch(db: Store, q: string, scoped: boolean, { countCap }: SearchLimits): Promise<SearchPlan> {
  const match = matchClause(db, q);
  if (scoped) return { kind: "scoped", ...match };
  if ([...fold(q)].length < TRIGRAM) return { kind: "scan", ...match, dense: false };
  const candidates = db.dialect === "postgres" ? await estimatedMatches(db, match) : await trigramCandidates(db, q, countCap);
  if (candidates > countCap) return { kind: "scan", ...match, dense: true };
  if (db.dialect === "postgres") return { kind: "indexed", ...match };
  return {
    kind: "indexed",
    sql: `rowid IN (SELECT rowid FROM directory_search WHERE directory_search MATCH ?) AND ${match.sql}`,
    args: [trigramQuery(q), ...match.args],
  };
}

/** SQLite: the rows holding the query's trigrams, counted up to just past the cap (FTS5 stops there). */
async function trigramCandidates(db: Store, q: string, countCap: number): Promise<number> {
  const row = await db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM (SELECT rowid FROM directory_search WHERE directory_search MATCH ? LIMIT ?)",
    [trigramQuery(q), countCap + 1],
  );
  return Number(row?.n ?? 0);
}

/**
 * PostgreSQL: the planner's estimate of the matches, from pg_trgm's statistics (a millisecond). Counting them
 * instead would build the whole bitmap of a common query first (0.3–0.7 s for 38,000 matches of a million): the
 * estimate only picks the way to search; an indexed search still counts its matches exactly.
 */
async function estimatedMatches(db: Store, match: { sql: string; args: SqlValue[] }): Promise<number> {
  const row = await db.get<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM directory_groups WHERE ${match.sql}`,
    match.args,
  );
  return Number(row?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0);
}
