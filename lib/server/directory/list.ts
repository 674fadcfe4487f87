import "server-only";
import type { Group, ListGroupsQuery } from "@/lib/schemas/group";
import type { Page } from "@/lib/schemas/page";
import { scopeClause, type Asker } from "@/lib/server/platform/scope";
import type { SqlValue, Store } from "@/lib/server/store/store";
import { decodeCursor, encodeCursor, sortSpec } from "./cursor";
import { rowToGroup, type DirectoryRow } from "./repo";
import { planSearch, SEARCH_LIMITS, type SearchLimits, type SearchPlan } from "./search";

type Condition = { sql: string; args: SqlValue[] };
type Row = DirectoryRow & Record<string, string | number>;

const whereOf = (conditions: Condition[]) => (conditions.length ? `WHERE ${conditions.map((c) => c.sql).join(" AND ")}` : "");
const argsOf = (conditions: Condition[]) => conditions.flatMap((c) => c.args);

/**
 * Search, filter, sort and page the directory with keyset pagination, so page 2,000 costs what page 1 does.
 * `who` is whoever asks: a scoped user's list, counts and pages hold their groups alone (docs/scopes.md); null
 * (said, never assumed) is every group. How a search is served, and what its total means: docs/directory.md § Search.
 */
export async function queryDirectory(
  db: Store,
  query: ListGroupsQuery,
  who: Asker | null,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<Page<Group>> {
  const filters: Condition[] = [];
  const scope = scopeClause(who, "id");
  if (scope) filters.push(scope);
  const { column, desc } = sortSpec(query.sort);
  const hint = (await walkTheSort(db, query, column)) ? "+" : "";
  if (query.type) filters.push({ sql: `${hint}type = ?`, args: [query.type] });
  if (query.joinOption) filters.push({ sql: `${hint}join_option = ?`, args: [query.joinOption] });
  const after: Condition[] = [];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, query);
    after.push({ sql: `(${column}, id) ${desc ? "<" : ">"} (?, ?)`, args: [c.v, c.id] });
  }
  const plan = query.q ? await planSearch(db, query.q, scope !== null, limits) : null;
  if (plan?.kind === "scan") return scanPage(db, query, [...filters, ...after], filters, plan, limits);

  const where = plan ? [...filters, plan] : filters;
  // Without a search (or a scope), the total is a sum of the trigger-kept counts per type and join option (see the
  // migrations); those counts are of every group, so a scoped list counts its own rows. A search through the trigram
  // index was judged to match at most countCap groups (else it scans, below): counted up to just past the cap.
  const total =
    plan || scope
      ? Number(
          (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM directory_groups ${whereOf(where)} LIMIT ?) AS c`, [
            ...argsOf(where),
            limits.countCap + 1,
          ]))!.n,
        )
      : Number(
          (await db.get<{ n: number | null }>(`SELECT SUM(n) AS n FROM directory_counts ${whereOf(filters)}`, argsOf(filters)))!.n ?? 0,
        );
  const paged = [...where, ...after];
  const rows = await db.all<Row>(`SELECT * FROM directory_groups ${whereOf(paged)} ${orderBy(column, desc)} LIMIT ?`, [
    ...argsOf(paged),
    query.limit + 1,
  ]);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(rowToGroup),
    nextCursor: more && last ? encodeCursor(query, last[column], last.id) : null,
    // Only a search's count stops at the cap; the trigger-kept counts and a scope's are whole.
    total: plan ? Math.min(total, limits.countCap) : total,
    totalExact: !plan || total <= limits.countCap,
  };
}

/**
 * SQLite, a filter by type or join option sorted by name, members or pending: walking the sort's index and skipping
 * the other rows reads about 50 / share rows; the filter's index reads all of its rows and sorts them (100,000
 * AVChatRooms by members: 220 ms). SQLite's planner takes the filter's index unless told (`+type` asks it not to),
 * so the trigger-kept counts decide: walk the sort unless the filter keeps under 1% of the groups.
 */
async function walkTheSort(db: Store, query: ListGroupsQuery, column: string): Promise<boolean> {
  if (db.dialect !== "sqlite" || column === "created_at" || (!query.type && !query.joinOption)) return false;
  const counts = await db.all<{ type: string; join_option: string; n: number }>("SELECT type, join_option, n FROM directory_counts");
  const all = counts.reduce((sum, c) => sum + c.n, 0);
  const kept = counts
    .filter((c) => (!query.type || c.type === query.type) && (!query.joinOption || c.join_option === query.joinOption))
    .reduce((sum, c) => sum + c.n, 0);
  return kept >= all / 100;
}

const orderBy = (column: string, desc: boolean) => `ORDER BY ${column} ${desc ? "DESC" : "ASC"}, id ${desc ? "DESC" : "ASC"}`;

/**
 * A search the trigram index cannot narrow to a few groups: walk the list's order from the cursor and test each
 * row, looking at no more than SCAN_WINDOW rows (search.ts). A page may then hold fewer groups than asked for (even none)
 * and still have a next cursor: the row where this page stopped looking. The total is a lower bound: the cap for a
 * query matching more groups than that, else the matches among the list's first window of rows of the list.
 */
async function scanPage(
  db: Store,
  query: ListGroupsQuery,
  fromCursor: Condition[],
  filters: Condition[],
  plan: Extract<SearchPlan, { kind: "scan" }>,
  { countCap, scanWindow }: SearchLimits,
): Promise<Page<Group>> {
  const { column, desc } = sortSpec(query.sort);
  const order = orderBy(column, desc);
  const edgeOf = (from: Condition[]) =>
    db.get<{ v: string | number; id: string }>(
      `SELECT ${column} AS v, id FROM directory_groups ${whereOf(from)} ${order} LIMIT 1 OFFSET ?`,
      [...argsOf(from), scanWindow - 1],
    );
  const upTo = (edge: { v: string | number; id: string } | undefined): Condition[] =>
    edge ? [{ sql: `(${column}, id) ${desc ? ">=" : "<="} (?, ?)`, args: [edge.v, edge.id] }] : [];

  const edge = await edgeOf(fromCursor);
  const window = [...fromCursor, plan, ...upTo(edge)];
  const rows = await db.all<Row>(`SELECT * FROM directory_groups ${whereOf(window)} ${order} LIMIT ?`, [
    ...argsOf(window),
    query.limit + 1,
  ]);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor = more && last ? encodeCursor(query, last[column], last.id) : edge ? encodeCursor(query, edge.v, edge.id) : null;

  if (plan.dense) return { items: items.map(rowToGroup), nextCursor, total: countCap, totalExact: false };
  // Counted over the list's first window whichever page this is, so every page of one search shows the same total.
  const firstEdge = query.cursor ? await edgeOf(filters) : edge;
  const counted = [...filters, plan, ...upTo(firstEdge)];
  const n = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM directory_groups ${whereOf(counted)}`, argsOf(counted)))!.n;
  return { items: items.map(rowToGroup), nextCursor, total: Number(n), totalExact: !firstEdge };
}
